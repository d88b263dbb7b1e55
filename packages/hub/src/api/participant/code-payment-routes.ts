import { CodePaymentOutcomeNotice } from "@clearhub/wire";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { CodePaymentOutcome as WalletAnswer } from "../../app/ports/wallet-connector.ts";
import { transferIdLengthMax } from "../../domain/ledger/transfer.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import { sendProblem } from "../problem.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { BarcodePaymentSchema, barcodePaymentView } from "./barcode-payment-view.ts";
import { NewCodePaymentInput, readCodePayment } from "./code-payment-input.ts";
import { replayedHeader } from "./create-transfer-route.ts";
import { participantProblems } from "./participant-problems.ts";

const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: transferIdLengthMax }) });

/** The notice as the app reads an issuer's answer; the schema has checked its times. */
function noticeAnswer(notice: CodePaymentOutcomeNotice): WalletAnswer {
  if (notice.status === "approved") {
    return {
      paymentId: notice.paymentId,
      status: "approved",
      authorizationCode: notice.authorizationCode,
      customerRef: notice.customerRef,
      verificationLevel: notice.verificationLevel,
      approvedAtMs: Date.parse(notice.approvedAt),
    };
  }
  return {
    paymentId: notice.paymentId,
    status: "declined",
    reasonCode: notice.reasonCode,
    reasonText: notice.reasonText,
  };
}

export const codePaymentRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.post(
    "/code-payments",
    {
      config: { operation: "code-payments.create" },
      schema: {
        summary: "Take a payment by a customer's payment code or prepaid card (consumer-presented)",
        description: `Send the number your terminal read, the amount and your merchant. The hub routes the number by its prefix to the issuer that assigned it, reserves the amount from the issuer's position to yours, and asks the issuer's wallet interface to authorise it; the issuer checks the code, the customer's balance and verification, and the hub holds the customer to the day's limit of that verification level. The answer is the payment as the issuer's answer left it: \`succeeded\` (cleared to you), \`declined\` (nothing moved), \`pending\` (the customer confirms in the app), or \`unknown\` (the issuer's answer was lost; the hub asks until it knows). Every later change is sent by the \`barcode_payment.*\` webhooks. A payment whose outcome you cannot wait for is given up with \`POST /v1/code-payments/{id}/reversal\`.

A refused request writes nothing. The \`id\` is the idempotency key: the same body again answers the payment as it is now (\`${replayedHeader}: true\`) and never pays twice; a different body answers 409 \`idempotency_key_reused\`.`,
        tags: ["barcode payments"],
        body: NewCodePaymentInput,
        response: {
          201: BarcodePaymentSchema,
          ...participantProblems(
            "currency_unknown",
            "amount_invalid",
            "amount_not_positive",
            "amount_too_precise",
            "amount_too_large",
            "participant_inactive",
            "merchant_not_found",
            "merchant_closed",
            "code_prefix_unknown",
            "issuer_inactive",
            "payment_currency_unsupported",
            "idempotency_key_reused",
          ),
        },
      },
    },
    async (request, reply) => {
      const read = readCodePayment(request.body);
      if (!read.ok) return sendProblem(reply, read.code);
      const acquirer = request.participant as Participant;
      const outcome = await hub.codePayments.pay(acquirer, read.value);
      if (!outcome.ok) return sendProblem(reply, outcome.code);
      if (!outcome.created) reply.header(replayedHeader, "true");
      return reply.code(201).send(barcodePaymentView(outcome.payment, acquirer.id));
    },
  );

  app.post(
    "/code-payments/:id/reversal",
    {
      config: { operation: "code-payments.create" },
      schema: {
        summary: "Give up a code payment whose outcome you never learnt",
        description:
          "For a payment still `authorising`, `unknown` or `pending` (your terminal timed out, the customer walked away). No money moves to you; the hub tells the issuer to reverse it, so the customer is not charged, and sends it again until the issuer confirms: the payment is then `reversed`. Asked again, answers the payment as it stands. A payment that `succeeded` cannot be reversed (refund it); a declined one needs nothing (409 `barcode_payment_final`).",
        tags: ["barcode payments"],
        params: Params,
        response: {
          200: BarcodePaymentSchema,
          ...participantProblems("barcode_payment_not_found", "barcode_payment_final"),
        },
      },
    },
    async (request, reply) => {
      const acquirer = request.participant as Participant;
      const outcome = await hub.codePayments.reverse(acquirer, request.params.id);
      if (!outcome.ok) return sendProblem(reply, outcome.code);
      return barcodePaymentView(outcome.payment, acquirer.id);
    },
  );

  app.post(
    "/wallet-notices/code-payment-outcomes",
    {
      config: { operation: "wallet-notices.send" },
      schema: {
        summary: "An issuer tells the hub the final outcome of a payment it answered pending",
        description:
          "Signed with the issuer's participant key. Settles the payment exactly as an inquiry answering the same would: the reservation is committed (within the customer's daily limit) or voided, and both sides are told by webhook. Applied once by `noticeId`; a repeat, or a notice about a payment the hub did not send this issuer, is answered 204 all the same.",
        tags: ["barcode payments"],
        body: CodePaymentOutcomeNotice,
        response: { 204: Type.Null(), ...participantProblems() },
      },
    },
    async (request, reply) => {
      const issuer = request.participant as Participant;
      const applied = await hub.codePayments.applyNotice(
        issuer,
        request.body.noticeId,
        noticeAnswer(request.body),
      );
      if (applied === "payment_unknown") {
        request.log.warn(
          { issuerId: issuer.id, noticeId: request.body.noticeId },
          "code payment notice for a payment the hub did not send this issuer",
        );
      }
      return reply.code(204).send(null);
    },
  );
};
