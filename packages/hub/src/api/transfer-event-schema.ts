import { type Static, Type } from "@sinclair/typebox";
import { eventTypeNames, eventTypes } from "../domain/notifications/event-type.ts";
import { FeeSchema } from "./fee-view.ts";
import { literalUnion } from "./literal-union.ts";
import { AmountOutput } from "./money-codec.ts";
import { transferStates } from "./participant/participant-transfer-view.ts";

const transferEventTypeNames = eventTypeNames.filter((type) => type.startsWith("transfer."));

/**
 * The body of every transfer webhook the hub sends, as `transferEvents` writes it into the outbox. It is
 * published in the OpenAPI document (under `webhooks`) so that receivers, the SDK among them,
 * generate the type instead of copying it; a test holds the domain's payload to this schema.
 */
export const TransferEventSchema = Type.Object(
  {
    id: Type.String({
      description:
        "`<type>:<transferId>`: the same for every recipient, endpoint and retry, and equal to the `webhook-id` header. Deduplicate on it.",
      examples: ["transfer.credited:t-1"],
    }),
    type: literalUnion(transferEventTypeNames, {
      description: "Equal to the `webhook-event` header",
    }),
    createdAt: Type.String({
      format: "date-time",
      description: "When the ledger applied the transfer that raised the event",
    }),
    data: Type.Object(
      {
        transferId: Type.String({
          description: "The transfer the event is about; for a reservation, the pending one",
        }),
        state: literalUnion(transferStates, {
          description:
            "Where the transfer stands after this event; events of one transfer may arrive out of order",
        }),
        payer: Type.String({ description: "The paying participant's id" }),
        payee: Type.String({ description: "The receiving participant's id" }),
        amount: AmountOutput,
        currency: Type.String(),
        reference: Type.Union([Type.String(), Type.Null()]),
        fee: {
          ...FeeSchema,
          description:
            "The fee the payer was charged with the transfer, moved in the same ledger batch as this event's change (posted, reserved, committed or voided with it); null when none moved with it",
        },
      },
      { additionalProperties: false },
    ),
  },
  {
    $id: "TransferEvent",
    title: "TransferEvent",
    description: "What happened to a transfer between two participants' positions.",
    additionalProperties: false,
  },
);
export type TransferEventBody = Static<typeof TransferEventSchema>;

/** The schema each event type's body follows, by the type's subject. */
export function eventSchemaName(type: string): string {
  if (type.startsWith("agreement.")) return "AgreementEvent";
  if (type.startsWith("channel.")) return "ChannelEvent";
  if (type.startsWith("bill.")) return "BillEvent";
  if (type.startsWith("bill_payment.")) return "BillPaymentEvent";
  return type.startsWith("transfer.") ? "TransferEvent" : "BankOperationEvent";
}

/**
 * The OpenAPI 3.1 `webhooks` object: one signed POST per event type, each carrying a
 * TransferEvent, an AgreementEvent, a BankOperationEvent or a BillEvent. Receivers answer any 2xx once the event is stored.
 */
export function transferEventWebhooks() {
  return Object.fromEntries(
    Object.entries(eventTypes).map(([type, meaning]) => [
      type,
      {
        post: {
          summary: meaning,
          description:
            "Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).",
          tags: ["webhooks"],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: { $ref: `#/components/schemas/${eventSchemaName(type)}` },
              },
            },
          },
          responses: {
            "2XX": { description: "The event is stored; the delivery is done" },
            default: { description: "A failure: the hub retries later, then marks it dead" },
          },
        },
      },
    ]),
  );
}
