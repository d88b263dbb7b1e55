import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { AccountViewSchema, accountView } from "../account-view.ts";
import { AmountInput, CurrencyInput, readMoney } from "../money-codec.ts";
import { operatorActor } from "../operator-auth.ts";
import { sendProblem } from "../problem.ts";
import { operatorProblems } from "./operator-problems.ts";
import { ParticipantIdInput } from "./participant-params.ts";
import type { RouteOptions } from "./route-options.ts";

const Params = Type.Object({ participantId: ParticipantIdInput, currency: CurrencyInput });
const Body = Type.Object({ amount: AmountInput }, { additionalProperties: false });

export const setNetDebitCapRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.put(
    "/participants/:participantId/net-debit-caps/:currency",
    {
      schema: {
        summary: "Set how far a participant's position may go into debit",
        description:
          "Takes effect for the next transfer; transfers already applied stand even if the position now exceeds the new cap. Zero is allowed.",
        tags: ["participants"],
        params: Params,
        body: Body,
        response: {
          200: AccountViewSchema,
          ...operatorProblems(
            "participant_not_found",
            "participant_terminated",
            "currency_unknown",
            "currency_not_held",
            "amount_invalid",
            "amount_too_precise",
            "amount_too_large",
          ),
        },
      },
    },
    async (request, reply) => {
      const money = readMoney(request.body.amount, request.params.currency, { allowZero: true });
      if (!money.ok) return sendProblem(reply, money.code);
      const set = await hub.participants.setNetDebitCap(
        request.params.participantId,
        {
          currency: money.currency.code,
          netDebitCap: money.minor,
        },
        operatorActor(request),
      );
      if (!set.ok) return sendProblem(reply, set.code);
      return accountView(set.value);
    },
  );
};
