import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { parseReserveCapFactor } from "../../domain/ledger/reserve-cap.ts";
import { findCurrency } from "../../domain/money/currency.ts";
import { proposeAction } from "../approval-proposal.ts";
import { ProposalSchema } from "../approval-view.ts";
import { CurrencyInput } from "../money-codec.ts";
import { operatorActor } from "../operator-auth.ts";
import { sendProblem } from "../problem.ts";
import { ReserveCapViewSchema, reserveCapView } from "../reserve-cap-view.ts";
import { operatorProblems } from "./operator-problems.ts";
import { ParticipantIdInput } from "./participant-params.ts";
import type { RouteOptions } from "./route-options.ts";

const Params = Type.Object({ participantId: ParticipantIdInput, currency: CurrencyInput });
/** Longer than any valid factor ("100.0000"), so a bad one answers its own code. */
const factorLengthMax = 32;
const Body = Type.Object(
  {
    factor: Type.String({
      maxLength: factorLengthMax,
      description:
        "cap = reserve × factor, rounded down to the minor unit: a decimal string from 0.0001 to 100 with at most four decimals (kept exactly, in basis points)",
      examples: ["1.5"],
    }),
  },
  { additionalProperties: false, title: "ReserveCapInput" },
);

const url = "/participants/:participantId/reserve-caps/:currency";

export const reserveCapRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.put(
    url,
    {
      schema: {
        summary: "Make a participant's net debit cap follow its reserve",
        description:
          "From then on the position's net debit cap is floor(reserve × factor), where the reserve is the settlement account's posted balance; it is set at once and re-set whenever those funds move (deposits, withdrawals, settlement legs). A rule can raise the cap at any later deposit, so it always needs four eyes: the answer is 202 with a proposal that another operator account approves (POST /operator/v1/approvals/{approvalId}/approve, whose result is a `ReserveCap`). While the rule stands, setting the cap by hand is refused with `net_debit_cap_follows_reserve`.",
        tags: ["participants"],
        params: Params,
        body: Body,
        response: {
          202: ProposalSchema,
          ...operatorProblems(
            "participant_not_found",
            "participant_terminated",
            "currency_unknown",
            "currency_not_held",
            "reserve_cap_factor_invalid",
          ),
        },
      },
    },
    async (request, reply) => {
      const parsed = parseReserveCapFactor(request.body.factor);
      if (!parsed.ok) return sendProblem(reply, parsed.code);
      const currency = findCurrency(request.params.currency);
      if (currency === undefined) return sendProblem(reply, "currency_unknown");
      return proposeAction(hub, request, reply, "participant.reserve_cap_set", {
        participantId: request.params.participantId,
        currency: currency.code,
        factor: request.body.factor,
      });
    },
  );

  app.delete(
    url,
    {
      schema: {
        summary: "Stop a participant's net debit cap following its reserve",
        description:
          "The cap stays where the rule last set it, and is the operator's to set by hand again. No four eyes: clearing the rule changes no cap.",
        tags: ["participants"],
        params: Params,
        response: {
          200: ReserveCapViewSchema,
          ...operatorProblems(
            "participant_not_found",
            "currency_unknown",
            "currency_not_held",
            "reserve_cap_rule_not_found",
          ),
        },
      },
    },
    async (request, reply) => {
      const currency = findCurrency(request.params.currency);
      if (currency === undefined) return sendProblem(reply, "currency_unknown");
      const { participantId } = request.params;
      const cleared = await hub.funds.clearReserveCap(
        participantId,
        currency.code,
        operatorActor(request),
      );
      if (!cleared.ok) return sendProblem(reply, cleared.code);
      return reserveCapView(participantId, currency.code, cleared.value);
    },
  );
};
