/**
 * Writes outbox rows as the ledger does in a batch's transaction: status 'pending', due at
 * once (next_attempt_at = created_at), attempts left to their default of 0.
 */
import type { Kysely } from "kysely";
import type { ClearhubSchema } from "../../src/adapters/store/schema.ts";
import type { EventType } from "../../src/domain/notifications/event-type.ts";

export interface OutboxRow {
  readonly participantId: string;
  readonly endpointId: string;
  readonly eventId: string;
  readonly eventType?: EventType;
  readonly createdAt: number;
}

export function eventPayload(eventId: string, type: EventType = "transfer.credited"): string {
  return JSON.stringify({
    id: eventId,
    type,
    createdAt: "2026-11-22T10:00:00.000Z",
    data: { transferId: eventId.split(":")[1] ?? eventId, state: "posted", amount: "12.30" },
  });
}

export async function insertOutboxRows(
  db: Kysely<ClearhubSchema>,
  rows: readonly OutboxRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto("webhook_deliveries")
    .values(
      rows.map((row) => ({
        participant_id: row.participantId,
        endpoint_id: row.endpointId,
        event_id: row.eventId,
        event_type: row.eventType ?? "transfer.credited",
        payload: eventPayload(row.eventId, row.eventType),
        status: "pending",
        next_attempt_at: BigInt(row.createdAt),
        created_at: BigInt(row.createdAt),
      })),
    )
    .execute();
}
