import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { BankOperationKind } from "../../domain/bank-operations/bank-operation.ts";
import { transferIdLengthMax } from "../../domain/ledger/transfer.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import type { ApiServices } from "../api-services.ts";
import { type ProblemCode, sendProblem } from "../problem.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { BankOperationSchema, bankOperationView } from "./bank-operation-view.ts";
import { replayedHeader } from "./create-transfer-route.ts";
import { participantProblems } from "./participant-problems.ts";
import { NewPayoutInput, readPayout } from "./payout-input.ts";
import { NewRefundInput, readRefund } from "./refund-input.ts";

const amountProblems: readonly ProblemCode[] = [
  "currency_unknown",
  "amount_invalid",
  "amount_not_positive",
  "amount_too_precise",
  "amount_too_large",
  "idempotency_key_reused",
];

const OperationParams = Type.Object({
  operationId: Type.String({ minLength: 1, maxLength: transferIdLengthMax }),
});

export const createPayoutRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.post(
    "/payouts",
    {
      config: { operation: "bank-payments.create" },
      schema: {
        summary: "Pay a customer's bank account from your position",
        description: `To an agreement's account (\`agreementId\`) or to account details (\`creditor\`). The amount is reserved from your position toward the bank's, so your net debit cap, set from your reserve funds, bounds it (\`failure.code: exceeds_net_debit_cap\`, before the bank is called); then the bank credits the account. States and retries as for agreement payments; the events are \`payout.succeeded\` and \`payout.failed\`. The same body under the same \`id\` answers the payout again (\`${replayedHeader}: true\`).`,
        tags: ["bank payments"],
        body: NewPayoutInput,
        response: {
          201: BankOperationSchema,
          ...participantProblems(
            ...amountProblems,
            "payout_creditor_required",
            "bank_account_number_invalid",
            "agreement_not_found",
            "agreement_not_active",
            "bank_not_found",
            "sealed_data_unreadable",
            "participant_inactive",
          ),
        },
      },
    },
    async (request, reply) => {
      const read = readPayout(request.body);
      if (!read.ok) return sendProblem(reply, read.code);
      const outcome = await hub.payouts.pay(request.participant as Participant, read.value);
      if (!outcome.ok) return sendProblem(reply, outcome.code);
      if (!outcome.created) reply.header(replayedHeader, "true");
      return reply.code(201).send(bankOperationView(outcome.operation));
    },
  );
};

export const createRefundRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.post(
    "/refunds",
    {
      config: { operation: "bank-payments.create" },
      schema: {
        summary: "Refund part or all of an agreement payment to its account",
        description: `The payment must have succeeded; its refunds, counting every one not known to have failed, never pass its amount (\`exceeds_refundable_amount\`, checked when the refund is recorded, so concurrent refunds cannot pass it together). Reserved from your position toward the bank's, then refunded by the bank through the payment's agreement. Events \`refund.succeeded\` and \`refund.failed\`; the same body under the same \`id\` answers the refund again (\`${replayedHeader}: true\`).`,
        tags: ["bank payments"],
        body: NewRefundInput,
        response: {
          201: BankOperationSchema,
          ...participantProblems(
            ...amountProblems,
            "bank_operation_not_found",
            "payment_not_refundable",
            "exceeds_refundable_amount",
            "participant_inactive",
          ),
        },
      },
    },
    async (request, reply) => {
      const read = readRefund(request.body);
      if (!read.ok) return sendProblem(reply, read.code);
      const outcome = await hub.refunds.refund(request.participant as Participant, read.value);
      if (!outcome.ok) return sendProblem(reply, outcome.code);
      if (!outcome.created) reply.header(replayedHeader, "true");
      return reply.code(201).send(bankOperationView(outcome.operation));
    },
  );
};

function getOperationRoute(path: string, kind: BankOperationKind, noun: string) {
  const route: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
    app.get(
      `${path}/:operationId`,
      {
        config: { operation: "bank-payments.read" },
        schema: {
          summary: `One of your ${noun}s, as it is now`,
          tags: ["bank payments"],
          params: OperationParams,
          response: {
            200: BankOperationSchema,
            ...participantProblems("bank_operation_not_found"),
          },
        },
      },
      async (request, reply) => {
        const found = await findOperation(
          hub,
          request.participant as Participant,
          request.params.operationId,
        );
        if (found === undefined || found.kind !== kind) {
          return sendProblem(reply, "bank_operation_not_found");
        }
        return bankOperationView(found);
      },
    );
  };
  return route;
}

async function findOperation(hub: ApiServices, participant: Participant, id: string) {
  return hub.bankOperationLookup.find(participant.id, id);
}

export const getPayoutRoute = getOperationRoute("/payouts", "credit", "payout");
export const getRefundRoute = getOperationRoute("/refunds", "refund", "refund");
