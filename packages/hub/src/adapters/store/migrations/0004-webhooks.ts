import { type Kysely, type Migration, sql } from "kysely";
import type { Dialect } from "../dialect.ts";

/**
 * Webhook endpoints, and the outbox of deliveries: one row per event and endpoint, written in
 * the same transaction as the change the event reports, then sent by the dispatcher.
 */
export function webhooksMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("webhook_endpoints")
        .addColumn("participant_id", "text", (column) =>
          column.notNull().references("participants.id"),
        )
        .addColumn("id", "text", (column) => column.notNull())
        .addColumn("url", "text", (column) => column.notNull())
        // Space-separated, sorted, no duplicates: see domain/notifications.
        .addColumn("event_types", "text", (column) => column.notNull())
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .addPrimaryKeyConstraint("webhook_endpoints_pk", ["participant_id", "id"])
        .execute();

      await db.schema
        .createTable("webhook_deliveries")
        .addColumn("id", dialect === "postgres" ? "bigserial" : "integer", (column) =>
          dialect === "postgres" ? column.primaryKey() : column.primaryKey().autoIncrement(),
        )
        .addColumn("participant_id", "text", (column) => column.notNull())
        .addColumn("endpoint_id", "text", (column) => column.notNull())
        .addColumn("event_id", "text", (column) => column.notNull())
        .addColumn("event_type", "text", (column) => column.notNull())
        .addColumn("payload", "text", (column) => column.notNull())
        .addColumn("status", "text", (column) =>
          column.notNull().check(sql`status in ('pending', 'delivered', 'dead')`),
        )
        .addColumn("attempts", "integer", (column) => column.notNull().defaultTo(0))
        .addColumn("next_attempt_at", "bigint", (column) => column.notNull())
        .addColumn("last_attempt_at", "bigint")
        .addColumn("last_status_code", "integer")
        .addColumn("last_error", "text")
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .addColumn("delivered_at", "bigint")
        // An event reaches an endpoint through one delivery, however often its batch is retried.
        .addUniqueConstraint("webhook_deliveries_event", [
          "participant_id",
          "endpoint_id",
          "event_id",
        ])
        .execute();
      await db.schema
        .createIndex("webhook_deliveries_due")
        .on("webhook_deliveries")
        .columns(["status", "next_attempt_at"])
        .execute();
    },
  };
}
