import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { BillPaymentOutcome } from "../../app/bill-payments/bill-payment-request.ts";
import { transferIdLengthMax } from "../../domain/ledger/transfer.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import { type ProblemExtras, sendProblem } from "../problem.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { NewBillPaymentInput, readBillPayment } from "./bill-payment-input.ts";
import { BillPaymentSchema, billPaymentView } from "./bill-payment-view.ts";
import { replayedHeader } from "./create-transfer-route.ts";
import { customerParameterErrors } from "./customer-parameter-errors.ts";
import { participantProblems } from "./participant-problems.ts";

const Params = Type.Object({
  paymentId: Type.String({ minLength: 1, maxLength: transferIdLengthMax }),
});

/** What a refusal says beyond its code: the parameters at fault, or the rule the amount broke. */
function refusalExtras(outcome: Extract<BillPaymentOutcome, { ok: false }>): ProblemExtras {
  if (outcome.code === "customer_parameters_invalid") {
    return { errors: customerParameterErrors(outcome.failures) };
  }
  if (outcome.code === "amount_not_allowed") {
    return { detail: `the biller's rule is ${outcome.rule}; the check failed: ${outcome.check}` };
  }
  return {};
}

export const billPaymentRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.post(
    "/bill-payments",
    {
      config: { operation: "bill-payments.create" },
      schema: {
        summary: "Pay a customer's bill: cleared at once, then posted to the biller",
        description: `Quote a presented bill (\`billRef\`, from \`POST /v1/bill-inquiries\`, yours and unexpired) or, where the biller allows direct payment, the customer parameters. The amount is checked against the biller's exactness rule and the bill's bounds. The payment clears in the ledger at once (your position to the biller's) and is answered \`accepted\`; the hub then posts it to the biller under its own posting id, retrying with backoff while the biller is down and asking where it stands after a lost answer, and tells you by webhook: \`bill_payment.posted\` with the biller's receipt, \`bill_payment.rejected\` or \`bill_payment.reversed\` with the money cleared back, \`bill_payment.posting_failed\` when the posting deadline passes.

A channel whose \`bill_payment\` capability the operator suspended is refused (409 \`channel_suspended\`) unless the suspension's \`honour_presented\` policy covers the payment: it quotes a \`billRef\` presented before the suspension and the honour deadline has not passed (after it, 409 \`honour_deadline_passed\`). A direct payment is never honoured.

A refused request writes nothing. The \`id\` is the idempotency key: the same body again answers the payment as it is now (\`${replayedHeader}: true\`) and never pays twice; a different body answers 409 \`idempotency_key_reused\`.`,
        tags: ["bill payments"],
        body: NewBillPaymentInput,
        response: {
          201: BillPaymentSchema,
          ...participantProblems(
            "currency_unknown",
            "amount_invalid",
            "amount_not_positive",
            "amount_too_precise",
            "amount_too_large",
            "participant_inactive",
            "channel_suspended",
            "honour_deadline_passed",
            "channel_terminated",
            "idempotency_key_reused",
            "biller_not_found",
            "biller_inactive",
            "bill_ref_not_found",
            "bill_ref_expired",
            "bill_ref_or_parameters_required",
            "direct_payment_not_allowed",
            "customer_parameters_invalid",
            "payment_currency_unsupported",
            "amount_not_allowed",
            "exceeds_net_debit_cap",
          ),
        },
      },
    },
    async (request, reply) => {
      const read = readBillPayment(request.body);
      if (!read.ok) return sendProblem(reply, read.code);
      const outcome = await hub.billPayments.pay(request.participant as Participant, read.value);
      if (!outcome.ok) return sendProblem(reply, outcome.code, refusalExtras(outcome));
      if (outcome.honoured === true) {
        request.log.info(
          { channelId: outcome.payment.channelId, paymentId: outcome.payment.id },
          "bill payment honoured under a channel suspension",
        );
      }
      if (!outcome.created) reply.header(replayedHeader, "true");
      return reply.code(201).send(billPaymentView(outcome.payment));
    },
  );

  app.get(
    "/bill-payments/:paymentId",
    {
      config: { operation: "bill-payments.read" },
      schema: {
        summary: "One of your bill payments: its posting state and the biller's receipt",
        tags: ["bill payments"],
        params: Params,
        response: { 200: BillPaymentSchema, ...participantProblems("bill_payment_not_found") },
      },
    },
    async (request, reply) => {
      const outcome = await hub.billPayments.find(
        request.participant as Participant,
        request.params.paymentId,
      );
      if (!outcome.ok) return sendProblem(reply, "bill_payment_not_found");
      return billPaymentView(outcome.payment);
    },
  );
};
