import { type Static, Type } from "@sinclair/typebox";
import { FeeSchema } from "./fee-view.ts";
import { literalUnion } from "./literal-union.ts";
import { AmountOutput } from "./money-codec.ts";

export const bankOperationEventTypes = [
  "payment.succeeded",
  "payment.failed",
  "payout.succeeded",
  "payout.failed",
  "refund.succeeded",
  "refund.failed",
] as const;

/**
 * The body of a payment, payout or refund webhook, as `bankOperationEvent` writes it into the
 * outbox; published under the OpenAPI `webhooks`, and a test holds the domain's payload to it.
 */
export const BankOperationEventSchema = Type.Object(
  {
    id: Type.String({
      description:
        "`<type>:<paymentInstitutionId>:<operationId>`: the same on every retry and equal to the `webhook-id` header. Deduplicate on it.",
    }),
    type: literalUnion(bankOperationEventTypes, {
      description: "Equal to the `webhook-event` header",
    }),
    createdAt: Type.String({ format: "date-time", description: "When the hub settled it" }),
    data: Type.Object(
      {
        operationId: Type.String({ description: "Your id of the payment, payout or refund" }),
        kind: literalUnion(["debit", "credit", "refund"] as const),
        bankId: Type.String(),
        agreementId: Type.Union([Type.String(), Type.Null()]),
        amount: AmountOutput,
        fee: {
          ...FeeSchema,
          description:
            "The fee the institution is charged with the operation: charged if it succeeded, released if it failed. null for none",
        },
        currency: Type.String(),
        state: literalUnion(["succeeded", "failed"] as const),
        transactionId: Type.String({ description: "The hub's id of the transaction at the bank" }),
        bankReference: Type.Union([Type.String(), Type.Null()]),
        failure: Type.Union([
          Type.Object({ code: Type.String(), reason: Type.String() }),
          Type.Null(),
        ]),
      },
      { additionalProperties: false },
    ),
  },
  {
    $id: "BankOperationEvent",
    title: "BankOperationEvent",
    description: "A payment, payout or refund of the payment institution reached its final state.",
    additionalProperties: false,
  },
);
export type BankOperationEventBody = Static<typeof BankOperationEventSchema>;
