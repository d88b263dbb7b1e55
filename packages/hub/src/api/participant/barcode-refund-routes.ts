import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Participant } from "../../domain/participant/participant.ts";
import { sendProblem } from "../problem.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { NewBarcodeRefundInput, readBarcodeRefund } from "./barcode-refund-input.ts";
import { BarcodeRefundSchema, barcodeRefundView } from "./barcode-refund-view.ts";
import { replayedHeader } from "./create-transfer-route.ts";
import { participantProblems } from "./participant-problems.ts";

const PaymentParams = Type.Object({
  paymentId: Type.String({ minLength: 1, maxLength: 64 }),
});

const RefundParams = Type.Object({
  refundId: Type.String({ minLength: 1, maxLength: 64 }),
});

export const barcodeRefundRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.post(
    "/barcode-payments/:paymentId/refunds",
    {
      config: { operation: "barcode-refunds.create" },
      schema: {
        summary: "Refund all or part of a barcode payment made to one of your merchants",
        description: `Only the payment's acquirer refunds it, and only a \`succeeded\` payment. The refunds of a payment, pending and done, never pass its amount together; a refund that would is refused with \`refund_exceeds_payment\` and writes nothing.

A merchant-presented payment's refund clears at once from your position to the issuer's and is answered \`succeeded\`. A consumer-presented payment's refund is sent to the issuer's wallet: answered \`succeeded\` or \`declined\` (its amount may then be refunded again), or \`processing\`/\`unknown\` while the hub asks the issuer. Both sides are told by the \`barcode_refund.succeeded\` or \`barcode_refund.declined\` webhook.

The \`id\` is the idempotency key: the same body again answers the refund as it is (\`${replayedHeader}: true\`) and never refunds twice; a different body answers 409 \`idempotency_key_reused\`.`,
        tags: ["barcode payments"],
        params: PaymentParams,
        body: NewBarcodeRefundInput,
        response: {
          201: BarcodeRefundSchema,
          ...participantProblems(
            "currency_unknown",
            "amount_invalid",
            "amount_not_positive",
            "amount_too_precise",
            "amount_too_large",
            "barcode_payment_not_found",
            "barcode_payment_not_refundable",
            "refund_currency_mismatch",
            "refund_exceeds_payment",
            "participant_inactive",
            "idempotency_key_reused",
          ),
        },
      },
    },
    async (request, reply) => {
      const read = readBarcodeRefund(request.params.paymentId, request.body);
      if (!read.ok) return sendProblem(reply, read.code);
      const acquirer = request.participant as Participant;
      const outcome = await hub.barcodeRefunds.refund(acquirer, read.value);
      if (!outcome.ok) return sendProblem(reply, outcome.code);
      if (!outcome.created) reply.header(replayedHeader, "true");
      return reply.code(201).send(barcodeRefundView(outcome.refund, acquirer.id));
    },
  );

  app.get(
    "/barcode-refunds/:refundId",
    {
      config: { operation: "barcode-payments.read" },
      schema: {
        summary: "A refund of a barcode payment you are party to, as acquirer or issuer",
        tags: ["barcode payments"],
        params: RefundParams,
        response: {
          200: BarcodeRefundSchema,
          ...participantProblems("barcode_refund_not_found"),
        },
      },
    },
    async (request, reply) => {
      const viewer = request.participant as Participant;
      const outcome = await hub.barcodeRefunds.find(viewer, request.params.refundId);
      if (!outcome.ok) return sendProblem(reply, "barcode_refund_not_found");
      return barcodeRefundView(outcome.refund, viewer.id);
    },
  );
};
