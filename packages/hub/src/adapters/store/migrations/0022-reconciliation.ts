import { type Kysely, type Migration, sql } from "kysely";

/**
 * Daily reconciliation: each match of a participant's uploaded record against the hub's rows of
 * a business day (a run), and the breaks found. A new run of the same day replaces the day's
 * open breaks; resolved ones stay, with who resolved them, how and why.
 */
export function reconciliationMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("recon_runs")
        .addColumn("id", "text", (column) => column.primaryKey())
        .addColumn("participant_id", "text", (column) =>
          column.notNull().references("participants.id"),
        )
        .addColumn("day", "text", (column) => column.notNull())
        .addColumn("from_ms", "bigint", (column) => column.notNull())
        .addColumn("to_ms", "bigint", (column) => column.notNull())
        .addColumn("hub_rows", "bigint", (column) => column.notNull())
        .addColumn("participant_rows", "bigint", (column) => column.notNull())
        .addColumn("unknown_rows", "bigint", (column) => column.notNull())
        .addColumn("breaks", "bigint", (column) => column.notNull())
        .addColumn("uploaded_by", "text", (column) => column.notNull())
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex("recon_runs_participant_day")
        .on("recon_runs")
        .columns(["participant_id", "day", "created_at"])
        .execute();

      await db.schema
        .createTable("recon_breaks")
        .addColumn("id", "text", (column) => column.primaryKey())
        .addColumn("run_id", "text", (column) => column.notNull().references("recon_runs.id"))
        .addColumn("participant_id", "text", (column) => column.notNull())
        .addColumn("day", "text", (column) => column.notNull())
        .addColumn("kind", "text", (column) =>
          column
            .notNull()
            .check(
              sql`kind in ('duplicate', 'missing_at_hub', 'missing_at_participant', 'amount_differs', 'status_differs')`,
            ),
        )
        .addColumn("match_key", "text", (column) => column.notNull())
        .addColumn("hub_transaction_id", "text")
        .addColumn("participant_reference", "text")
        .addColumn("currency", "text")
        .addColumn("hub_amount", "bigint")
        .addColumn("participant_amount", "bigint")
        .addColumn("hub_status", "text")
        .addColumn("participant_status", "text")
        .addColumn("line", "bigint")
        .addColumn("state", "text", (column) =>
          column.notNull().check(sql`state in ('open', 'accepted', 'reversed', 'written_off')`),
        )
        .addColumn("reason", "text")
        .addColumn("reversal_transfer_id", "text")
        .addColumn("resolved_by", "text")
        .addColumn("resolved_at", "bigint")
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .execute();
      // A participant's breaks of a day by state: the replacement of open ones, and listings.
      await db.schema
        .createIndex("recon_breaks_participant_day")
        .on("recon_breaks")
        .columns(["participant_id", "day", "state", "kind", "match_key"])
        .execute();
    },
  };
}
