import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { QrPaymentOutcome } from "../../app/barcode/qr-payment-request.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import { writeMoney } from "../money-codec.ts";
import { type ProblemExtras, sendProblem } from "../problem.ts";
import { qrPayloadProblemCodes } from "../problem-catalogue-barcode.ts";
import type { ProblemCode } from "../problem-code.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { BarcodePaymentSchema, barcodePaymentView } from "./barcode-payment-view.ts";
import { replayedHeader } from "./create-transfer-route.ts";
import { participantProblems } from "./participant-problems.ts";
import { NewQrPaymentInput, readQrPayment } from "./qr-payment-input.ts";

const PaymentParams = Type.Object({
  paymentId: Type.String({ minLength: 1, maxLength: 64 }),
});

const OrderParams = Type.Object({
  merchantId: Type.String({ minLength: 1, maxLength: 32 }),
  orderReference: Type.String({ minLength: 1, maxLength: 25 }),
});

type Refusal = Extract<QrPaymentOutcome, { ok: false }>;

/** The problem a refusal answers: a bad payload by the codec's own code, with what it found. */
function problemOf(outcome: Refusal, currency: string | undefined): [ProblemCode, ProblemExtras] {
  if (outcome.code === "qr_payload_invalid") {
    return [outcome.problem, { detail: outcome.detail }];
  }
  if (outcome.code === "limit_exceeded" && currency !== undefined) {
    const limit = writeMoney(outcome.limitMinor, currency);
    const remaining = writeMoney(outcome.remainingMinor, currency);
    return [outcome.code, { detail: `the day's limit is ${limit}; ${remaining} remains` }];
  }
  return [outcome.code, {}];
}

export const qrPaymentRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.post(
    "/qr-payments",
    {
      config: { operation: "qr-payments.create" },
      schema: {
        summary: "Pay a merchant's QR code your customer scanned (merchant-presented mode)",
        description: `Send the EMVCo payload as scanned. The hub checks its CRC and every field, resolves the merchant in the acquirer's directory, and applies your customer's daily limit for the verification level (a static code always counts as level D). A dynamic code pays once and not after its expiry. The payment clears at once from your position to the acquirer's and is answered \`succeeded\`; both sides are told by the \`barcode_payment.succeeded\` webhook, and the acquirer finds it by its order reference.

A refused request writes nothing. The \`id\` is the idempotency key: the same body again answers the payment as it is (\`${replayedHeader}: true\`) and never pays twice; a different body answers 409 \`idempotency_key_reused\`.`,
        tags: ["barcode payments"],
        body: NewQrPaymentInput,
        response: {
          201: BarcodePaymentSchema,
          ...participantProblems(
            "currency_unknown",
            "currency_required",
            "amount_invalid",
            "amount_not_positive",
            "amount_too_precise",
            "amount_too_large",
            ...qrPayloadProblemCodes,
            "qr_code_expired",
            "qr_code_used",
            "qr_amount_required",
            "qr_amount_mismatch",
            "merchant_not_found",
            "merchant_closed",
            "acquirer_inactive",
            "participant_inactive",
            "payment_currency_unsupported",
            "limit_exceeded",
            "currency_has_no_limits",
            "idempotency_key_reused",
            "exceeds_net_debit_cap",
          ),
        },
      },
    },
    async (request, reply) => {
      const read = readQrPayment(request.body);
      if (!read.ok) return sendProblem(reply, read.code);
      const payer = request.participant as Participant;
      const outcome = await hub.qrPayments.pay(payer, read.value);
      if (!outcome.ok) {
        const [code, extras] = problemOf(outcome, read.value.currency);
        return sendProblem(reply, code, extras);
      }
      if (!outcome.created) reply.header(replayedHeader, "true");
      return reply.code(201).send(barcodePaymentView(outcome.payment, payer.id));
    },
  );

  app.get(
    "/barcode-payments/:paymentId",
    {
      config: { operation: "barcode-payments.read" },
      schema: {
        summary: "A barcode payment you are party to, as issuer or acquirer, by the hub's id",
        tags: ["barcode payments"],
        params: PaymentParams,
        response: {
          200: BarcodePaymentSchema,
          ...participantProblems("barcode_payment_not_found"),
        },
      },
    },
    async (request, reply) => {
      const viewer = request.participant as Participant;
      const outcome = await hub.qrPayments.find(viewer, request.params.paymentId);
      if (!outcome.ok) return sendProblem(reply, "barcode_payment_not_found");
      return barcodePaymentView(outcome.payment, viewer.id);
    },
  );

  app.get(
    "/merchants/:merchantId/orders/:orderReference/payments",
    {
      config: { operation: "barcode-payments.read" },
      schema: {
        summary: "What was paid for one of your merchants' orders (its dynamic codes' reference)",
        description:
          "The acquirer's order lookup: the payments whose dynamic code carried this order reference, oldest first. A dynamic code pays once, so a paid order has one; an empty list means not paid (yet).",
        tags: ["barcode payments"],
        params: OrderParams,
        response: {
          200: Type.Object({ items: Type.Array(BarcodePaymentSchema) }),
          ...participantProblems(),
        },
      },
    },
    async (request) => {
      const acquirer = request.participant as Participant;
      const { merchantId, orderReference } = request.params;
      const payments = await hub.qrPayments.findOrder(acquirer, merchantId, orderReference);
      return { items: payments.map((payment) => barcodePaymentView(payment, acquirer.id)) };
    },
  );
};
