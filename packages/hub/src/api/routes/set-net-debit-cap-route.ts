import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { AccountViewSchema, accountView } from "../account-view.ts";
import { proposeAction } from "../approval-proposal.ts";
import { ProposalSchema } from "../approval-view.ts";
import { AmountInput, amountInput, CurrencyInput, readMoney, writeMoney } from "../money-codec.ts";
import { operatorActor } from "../operator-auth.ts";
import { type ProblemError, sendProblem } from "../problem.ts";
import { operatorProblems } from "./operator-problems.ts";
import { ParticipantIdInput } from "./participant-params.ts";
import type { RouteOptions } from "./route-options.ts";

const Params = Type.Object({ participantId: ParticipantIdInput, currency: CurrencyInput });
/**
 * `netDebitCap`, as when the participant was created. `amount` is the name this route used
 * first and is still read, alone: a body with both is refused rather than one of them guessed.
 */
const Body = Type.Object(
  {
    netDebitCap: Type.Optional(
      amountInput("The new cap; zero means the participant may receive but never owe."),
    ),
    amount: Type.Optional({ ...AmountInput, deprecated: true, description: "Use netDebitCap." }),
  },
  { additionalProperties: false, title: "NetDebitCapInput" },
);
type CapField = "netDebitCap" | "amount";

/** The cap the body gives, or the one mistake it makes naming it. */
function capOf(body: {
  netDebitCap?: string | undefined;
  amount?: string | undefined;
}): { ok: true; amount: string } | { ok: false; errors: ProblemError[] } {
  const given = (["netDebitCap", "amount"] as const).filter(
    (field: CapField) => body[field] !== undefined,
  );
  const [only] = given;
  if (given.length === 1 && only !== undefined) return { ok: true, amount: body[only] as string };
  const detail =
    given.length === 0
      ? "netDebitCap is required"
      : "give netDebitCap alone (amount is its old name)";
  return { ok: false, errors: [{ location: "body", pointer: "/netDebitCap", detail }] };
}

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
          'A lower cap (or a first cap on an uncapped position) takes effect for the next transfer; transfers already applied stand even if the position now exceeds it. Zero is allowed. A higher cap needs four eyes: it answers 202 with a proposal, and another operator account approves it (POST /operator/v1/approvals/{approvalId}/approve). While the cap follows the reserve (PUT .../reserve-caps/{currency}) it is refused with `net_debit_cap_follows_reserve`: clear the rule first. The body is `{"netDebitCap": "500000.00"}`, as in a participant\'s currencies; `amount`, the older name, is still read when it comes alone.',
        tags: ["participants"],
        params: Params,
        body: Body,
        response: {
          200: AccountViewSchema,
          202: ProposalSchema,
          ...operatorProblems(
            "participant_not_found",
            "participant_terminated",
            "net_debit_cap_follows_reserve",
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
      const cap = capOf(request.body);
      if (!cap.ok) return sendProblem(reply, "request_invalid", { errors: cap.errors });
      const money = readMoney(cap.amount, request.params.currency, { allowZero: true });
      if (!money.ok) return sendProblem(reply, money.code);
      const { participantId } = request.params;
      const currency = money.currency.code;
      const current = await hub.participants.netDebitCap(participantId, currency);
      if (!current.ok) return sendProblem(reply, current.code);
      if (current.value !== null && money.minor > current.value) {
        return proposeAction(hub, request, reply, "participant.net_debit_cap_raise", {
          participantId,
          currency,
          netDebitCap: writeMoney(money.minor, currency),
        });
      }
      const set = await hub.participants.setNetDebitCap(
        participantId,
        { currency, netDebitCap: money.minor },
        operatorActor(request),
      );
      if (!set.ok) return sendProblem(reply, set.code);
      return accountView(set.value);
    },
  );
};
