import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Participant } from "../../domain/participant/participant.ts";
import { sendProblem } from "../problem.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { NewAgreementPaymentInput, readAgreementPayment } from "./agreement-payment-input.ts";
import { BankOperationSchema, bankOperationView } from "./bank-operation-view.ts";
import { replayedHeader } from "./create-transfer-route.ts";
import { participantProblems } from "./participant-problems.ts";

export const createAgreementPaymentRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.post(
    "/agreement-payments",
    {
      config: { operation: "bank-payments.create" },
      schema: {
        summary: "Debit a customer's account through an active agreement",
        description: `Checks the agreement's limits (per payment, and per day by its risk level, counting every payment of the day not known to have failed), reserves the amount from the bank's position to yours, and asks the bank to debit. The answer is final (\`succeeded\`, \`failed\` with the bank's reason) or not yet (\`pending\`, \`unknown\`): the hub then asks the bank until it knows, settles the ledger, and sends \`payment.succeeded\` or \`payment.failed\`.

The \`id\` is the idempotency key: the same body again answers the payment as it is now (\`${replayedHeader}: true\`) and never debits twice; a different body answers 409 \`idempotency_key_reused\`.`,
        tags: ["bank payments"],
        body: NewAgreementPaymentInput,
        response: {
          201: BankOperationSchema,
          ...participantProblems(
            "currency_unknown",
            "amount_invalid",
            "amount_not_positive",
            "amount_too_precise",
            "amount_too_large",
            "agreement_not_found",
            "agreement_not_active",
            "payment_currency_unsupported",
            "exceeds_transaction_limit",
            "exceeds_daily_limit",
            "idempotency_key_reused",
            "participant_inactive",
          ),
        },
      },
    },
    async (request, reply) => {
      const read = readAgreementPayment(request.body);
      if (!read.ok) return sendProblem(reply, read.code);
      const outcome = await hub.agreementPayments.pay(
        request.participant as Participant,
        read.value,
      );
      if (!outcome.ok) return sendProblem(reply, outcome.code);
      if (!outcome.created) reply.header(replayedHeader, "true");
      return reply.code(201).send(bankOperationView(outcome.operation));
    },
  );
};
