import type { Kysely, Transaction, UpdateResult } from "kysely";
import type { PreparedEvent } from "../../domain/notifications/webhook-delivery.ts";
import { deliveriesFor } from "../../domain/notifications/webhook-delivery.ts";
import type { ClearhubSchema } from "./schema.ts";

/**
 * Writes events into the webhook outbox inside the caller's transaction, for changes made
 * outside a ledger batch (agreements, bank operations). An event already in the outbox for an
 * endpoint is kept as it is, so writing the same event twice delivers it once.
 */
export async function insertOutboxEvents(
  trx: Transaction<ClearhubSchema>,
  events: readonly PreparedEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const recipients = [...new Set(events.map((event) => event.recipientId))];
  const endpoints = await trx
    .selectFrom("webhook_endpoints")
    .select(["participant_id", "id", "event_types"])
    .where("participant_id", "in", recipients)
    .execute();
  const deliveries = deliveriesFor(
    events,
    endpoints.map((row) => ({
      participantId: row.participant_id,
      endpointId: row.id,
      eventTypes: row.event_types,
    })),
  );
  if (deliveries.length === 0) return;
  await trx
    .insertInto("webhook_deliveries")
    .values(
      deliveries.map((d) => ({
        participant_id: d.participantId,
        endpoint_id: d.endpointId,
        event_id: d.eventId,
        event_type: d.eventType,
        payload: d.payload,
        status: "pending",
        next_attempt_at: BigInt(d.createdAt),
        created_at: BigInt(d.createdAt),
      })),
    )
    .onConflict((conflict) =>
      conflict.columns(["participant_id", "endpoint_id", "event_id"]).doNothing(),
    )
    .execute();
}

/**
 * Runs a guarded update of one row (guarded by the state the change was decided from) and, only
 * if it matched that row, writes the change's events into the outbox in the same transaction:
 * a change that lost a race leaves no event behind. False when the guard did not match.
 */
export function updateWithOutboxEvents(
  db: Kysely<ClearhubSchema>,
  events: readonly PreparedEvent[],
  update: (trx: Transaction<ClearhubSchema>) => Promise<UpdateResult>,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await update(trx);
    if (Number(updated.numUpdatedRows) !== 1) return false;
    await insertOutboxEvents(trx, events);
    return true;
  });
}
