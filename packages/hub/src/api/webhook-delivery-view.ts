import { type Static, Type } from "@sinclair/typebox";
import { deliveryStatuses, type OutboxDelivery } from "../domain/notifications/outbox-delivery.ts";
import { literalUnion } from "./literal-union.ts";

const DateTime = Type.String({ format: "date-time" });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);

export const WebhookDeliveryViewSchema = Type.Object(
  {
    id: Type.Integer({ description: "The delivery's id; name it to redeliver" }),
    participantId: Type.String(),
    endpointId: Type.String(),
    eventId: Type.String({ description: "Sent as `webhook-id`; the same for every recipient" }),
    eventType: Type.String({ description: "Sent as `webhook-event`" }),
    status: literalUnion(deliveryStatuses),
    attempts: Type.Integer({ description: "Attempts since the delivery was made or redelivered" }),
    nextAttemptAt: Type.Union([DateTime, Type.Null()], {
      description: "When a pending delivery is next tried; null once delivered or dead",
    }),
    lastAttemptAt: NullableDateTime,
    lastStatusCode: Type.Union([Type.Integer(), Type.Null()], {
      description: "The HTTP status of the last answer; null when none came",
    }),
    lastError: Type.Union([Type.String(), Type.Null()], {
      description:
        "Why the last attempt failed: `HTTP <status>`, a timeout, a network error, or a deleted endpoint",
    }),
    createdAt: DateTime,
    deliveredAt: NullableDateTime,
    payload: Type.String({ description: "The JSON body, exactly as sent and signed" }),
  },
  { title: "WebhookDelivery" },
);
export type WebhookDeliveryView = Static<typeof WebhookDeliveryViewSchema>;

function isoOrNull(time: number | null): string | null {
  return time === null ? null : new Date(time).toISOString();
}

export function webhookDeliveryView(delivery: OutboxDelivery): WebhookDeliveryView {
  return {
    id: delivery.id,
    participantId: delivery.participantId,
    endpointId: delivery.endpointId,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    status: delivery.status,
    attempts: delivery.attempts,
    nextAttemptAt: delivery.status === "pending" ? isoOrNull(delivery.nextAttemptAt) : null,
    lastAttemptAt: isoOrNull(delivery.lastAttemptAt),
    lastStatusCode: delivery.lastStatusCode,
    lastError: delivery.lastError,
    createdAt: new Date(delivery.createdAt).toISOString(),
    deliveredAt: isoOrNull(delivery.deliveredAt),
    payload: delivery.payload,
  };
}
