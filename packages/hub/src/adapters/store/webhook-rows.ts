import type { Selectable } from "kysely";
import { decodeEventTypes } from "../../domain/notifications/event-type.ts";
import type { DeliveryStatus, OutboxDelivery } from "../../domain/notifications/outbox-delivery.ts";
import type { WebhookEndpoint } from "../../domain/notifications/webhook-endpoint.ts";
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from "./participant-access-tables.ts";

/** Ids, counts and times fit a double by far; a value that does not is a corrupt row. */
function safeNumber(value: number | bigint, column: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new Error(`${column} ${value} is not a safe integer`);
  return number;
}

function nullableNumber(value: number | bigint | null, column: string): number | null {
  return value === null ? null : safeNumber(value, column);
}

export function endpointFromRow(row: Selectable<WebhookEndpointsTable>): WebhookEndpoint {
  return {
    participantId: row.participant_id,
    id: row.id,
    url: row.url,
    eventTypes: decodeEventTypes(row.event_types),
    createdAt: safeNumber(row.created_at, "created_at"),
  };
}

export function deliveryFromRow(row: Selectable<WebhookDeliveriesTable>): OutboxDelivery {
  return {
    id: safeNumber(row.id, "id"),
    participantId: row.participant_id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    payload: row.payload,
    status: row.status as DeliveryStatus,
    attempts: safeNumber(row.attempts, "attempts"),
    nextAttemptAt: safeNumber(row.next_attempt_at, "next_attempt_at"),
    lastAttemptAt: nullableNumber(row.last_attempt_at, "last_attempt_at"),
    lastStatusCode: nullableNumber(row.last_status_code, "last_status_code"),
    lastError: row.last_error,
    createdAt: safeNumber(row.created_at, "created_at"),
    deliveredAt: nullableNumber(row.delivered_at, "delivered_at"),
  };
}
