import { type Static, Type } from "@sinclair/typebox";
import { FeeSchema } from "./fee-view.ts";
import { literalUnion } from "./literal-union.ts";
import { AmountOutput } from "./money-codec.ts";

export const billPaymentEventStates = ["posted", "rejected", "reversed", "posting_failed"] as const;

/**
 * The body of a bill payment webhook, as `billPaymentEvent` writes it into the outbox;
 * published under the OpenAPI `webhooks`, and a test holds the domain's payload to it.
 */
export const BillPaymentEventSchema = Type.Object(
  {
    id: Type.String({
      description:
        "`<type>:<channelId>:<paymentId>`: the same on every retry and equal to the `webhook-id` header. Deduplicate on it.",
    }),
    type: literalUnion(
      billPaymentEventStates.map((state) => `bill_payment.${state}` as const),
      { description: "Equal to the `webhook-event` header" },
    ),
    createdAt: Type.String({ format: "date-time", description: "When the hub learnt it" }),
    data: Type.Object(
      {
        paymentId: Type.String({ description: "Your id of the bill payment" }),
        billerId: Type.String(),
        billRef: Type.Union([Type.String(), Type.Null()]),
        billNumber: Type.Union([Type.String(), Type.Null()]),
        amount: AmountOutput,
        currency: Type.String(),
        fee: {
          ...FeeSchema,
          description:
            "The fee you were charged with the payment's clearing; kept when the money is cleared back. null for none",
        },
        state: literalUnion(billPaymentEventStates, {
          description:
            "posted: the biller credited the customer (receiptNumber). rejected, reversed: the money was cleared back to you. posting_failed: not posted within the deadline; the operator settles it with the biller.",
        }),
        postingId: Type.String({ description: "The hub's id of the posting at the biller" }),
        receiptNumber: Type.Union([Type.String(), Type.Null()]),
        failure: Type.Union([
          Type.Object({ code: Type.String(), reason: Type.String() }),
          Type.Null(),
        ]),
      },
      { additionalProperties: false },
    ),
  },
  {
    $id: "BillPaymentEvent",
    title: "BillPaymentEvent",
    description: "A bill payment of the channel was posted, rejected, reversed or given up.",
    additionalProperties: false,
  },
);
export type BillPaymentEventBody = Static<typeof BillPaymentEventSchema>;
