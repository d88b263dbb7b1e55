import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { transferIdLengthMax } from "../../domain/ledger/transfer.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import { sendProblem } from "../problem.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { BankOperationSchema, bankOperationView } from "./bank-operation-view.ts";
import { participantProblems } from "./participant-problems.ts";

const Params = Type.Object({
  paymentId: Type.String({ minLength: 1, maxLength: transferIdLengthMax }),
});

export const getAgreementPaymentRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/agreement-payments/:paymentId",
    {
      config: { operation: "bank-payments.read" },
      schema: {
        summary: "One of your agreement payments, as it is now",
        tags: ["bank payments"],
        params: Params,
        response: { 200: BankOperationSchema, ...participantProblems("bank_operation_not_found") },
      },
    },
    async (request, reply) => {
      const institution = request.participant as Participant;
      const outcome = await hub.agreementPayments.find(institution, request.params.paymentId);
      if (!outcome.ok || outcome.operation.kind !== "debit") {
        return sendProblem(reply, "bank_operation_not_found");
      }
      return bankOperationView(outcome.operation);
    },
  );
};
