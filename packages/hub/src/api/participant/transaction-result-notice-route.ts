import { TransactionResultNotice } from "@clearhub/wire";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { BankResultNotice } from "../../app/payments/bank-result-notice.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { participantProblems } from "./participant-problems.ts";

/** The wire's notice as the app reads it; the schema has checked `completedAt` is a date-time. */
function resultNotice(notice: TransactionResultNotice): BankResultNotice {
  const { noticeId, operation, result } = notice;
  const outcome: BankResultNotice["outcome"] =
    result.status === "succeeded"
      ? {
          kind: "succeeded",
          bankReference: result.bankReference,
          completedAt: Date.parse(result.completedAt),
        }
      : { kind: "failed", code: result.reasonCode, text: result.reasonText };
  return { noticeId, operation, transactionId: result.transactionId, outcome };
}

export const transactionResultNoticeRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.post(
    "/bank-notices/transaction-results",
    {
      config: { operation: "bank-notices.send" },
      schema: {
        summary: "A bank tells the hub the final outcome of a transaction it answered pending",
        description:
          "Signed with the bank's participant key. Settles the payment, payout or refund exactly as an inquiry answering the same would: the ledger reservation is committed or voided and the institution is told by webhook. Applied once by `noticeId`; a repeat, or a notice about a transaction the hub did not send this bank, is answered 204 all the same.",
        tags: ["bank notices"],
        body: TransactionResultNotice,
        response: { 204: Type.Null(), ...participantProblems() },
      },
    },
    async (request, reply) => {
      const bank = request.participant as Participant;
      const outcome = await hub.bankOperations.applyResultNotice(
        bank.id,
        resultNotice(request.body),
      );
      if (outcome === "transaction_unknown") {
        request.log.warn(
          { bankId: bank.id, noticeId: request.body.noticeId },
          "transaction result notice for a transaction the hub did not send this bank",
        );
      }
      return reply.code(204).send(null);
    },
  );
};
