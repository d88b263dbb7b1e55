import { type Static, Type } from "@sinclair/typebox";
import { literalUnion } from "./literal-union.ts";
import { AmountOutput } from "./money-codec.ts";

const DateOutput = Type.String({ format: "date", description: "YYYY-MM-DD" });

/**
 * The body of a `bill.presented` webhook, as `billPresentedEvent` writes it into the outbox;
 * published under the OpenAPI `webhooks`, and a test holds the domain's payload to it.
 */
export const BillEventSchema = Type.Object(
  {
    id: Type.String({
      description:
        "`bill.presented:<billerId>:<noticeId>:<subscriptionId>`: the same on every retry and equal to the `webhook-id` header. Deduplicate on it.",
      examples: [
        "bill.presented:water-co:BILL-7f3a-00000001:bs-3f0c9a7e-6a44-4d0c-9a55-2f8d1f0e6b1d",
      ],
    }),
    type: literalUnion(["bill.presented"] as const, {
      description: "Equal to the `webhook-event` header",
    }),
    createdAt: Type.String({
      format: "date-time",
      description: "When the hub received the biller's notice",
    }),
    data: Type.Object(
      {
        subscriptionId: Type.String({ description: "Your subscription the bill matched" }),
        reference: Type.Union([Type.String(), Type.Null()], {
          description: "The reference you subscribed with",
        }),
        billerId: Type.String(),
        customerParameters: Type.Record(Type.String(), Type.String(), {
          description:
            "The customer's parameters, masked (`****4567`). The clear ones are those you subscribed with; the hub never writes them into an event.",
        }),
        kind: literalUnion(["new", "changed"] as const, {
          description:
            "new: a bill the customer did not have; changed: a bill presented before demands another amount or date (the same `billNumber`)",
        }),
        bill: Type.Object(
          {
            billNumber: Type.String({ description: "The biller's number of the bill" }),
            currency: Type.String(),
            amountDue: AmountOutput,
            amountMin: Type.Union([AmountOutput, Type.Null()], {
              description: "The least the biller accepts, when it takes part payments",
            }),
            amountMax: Type.Union([AmountOutput, Type.Null()], {
              description: "The most the biller accepts, when it takes advance payments",
            }),
            dueDate: DateOutput,
            period: Type.Union([
              Type.Object({ from: DateOutput, to: DateOutput }, { additionalProperties: false }),
              Type.Null(),
            ]),
            description: Type.Union([Type.String(), Type.Null()]),
          },
          { additionalProperties: false },
        ),
        issuedAt: Type.String({
          format: "date-time",
          description: "When the biller issued or changed the bill",
        }),
      },
      { additionalProperties: false },
    ),
  },
  {
    $id: "BillEvent",
    title: "BillEvent",
    description:
      "A biller issued or changed a bill of a customer you subscribed to: what to show your user, without asking the biller.",
    additionalProperties: false,
  },
);
export type BillEventBody = Static<typeof BillEventSchema>;
