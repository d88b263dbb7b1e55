import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { AccountViewSchema, accountView } from "../account-view.ts";
import { operatorActor } from "../operator-auth.ts";
import { sendProblem } from "../problem.ts";
import { CurrencyHoldingInput, readHolding } from "./currency-holding-input.ts";
import { operatorProblems } from "./operator-problems.ts";
import { ParticipantParams } from "./participant-params.ts";
import type { RouteOptions } from "./route-options.ts";

export const addCurrencyRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.post(
    "/participants/:participantId/currencies",
    {
      schema: {
        summary: "Open a participant's accounts in another currency",
        description:
          "Opens the position, settlement and fee accounts. A currency already held is refused with currency_held; change its cap with PUT .../net-debit-caps/{currency}.",
        tags: ["participants"],
        params: ParticipantParams,
        body: CurrencyHoldingInput,
        response: {
          201: Type.Object({ accounts: Type.Array(AccountViewSchema) }),
          ...operatorProblems(
            "participant_not_found",
            "participant_terminated",
            "currency_held",
            "currency_unknown",
            "amount_invalid",
            "amount_too_precise",
            "amount_too_large",
          ),
        },
      },
    },
    async (request, reply) => {
      const read = readHolding(request.body);
      if (!read.ok) return sendProblem(reply, read.code, { errors: read.errors });
      const [holding] = read.holdings;
      if (holding === undefined) throw new Error("readHolding returned no holding");
      const added = await hub.participants.addCurrency(
        request.params.participantId,
        holding,
        operatorActor(request),
      );
      if (!added.ok) return sendProblem(reply, added.code);
      return reply.code(201).send({ accounts: added.value.map(accountView) });
    },
  );
};
