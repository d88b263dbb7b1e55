import { type Kysely, type Migration, sql } from "kysely";
import type { Dialect } from "../dialect.ts";

/**
 * Channel suspensions: the capabilities suspended now (one row each, what the channel API reads
 * on every request) and the append-only history of steps (suspended, lifted, terminated) that
 * the operator's page shows.
 */
export function channelSuspensionsMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("channel_suspensions")
        .addColumn("participant_id", "text", (column) =>
          column.notNull().references("participants.id"),
        )
        .addColumn("capability", "text", (column) => column.notNull())
        .addColumn("reason", "text", (column) => column.notNull())
        .addColumn("policy", "text", (column) =>
          column.notNull().check(sql`policy in ('reject', 'honour_presented')`),
        )
        // Set exactly when the policy is honour_presented.
        .addColumn("honour_deadline_at", "bigint")
        .addColumn("suspended_at", "bigint", (column) => column.notNull())
        .addColumn("step_id", "text", (column) => column.notNull())
        .addPrimaryKeyConstraint("channel_suspensions_pk", ["participant_id", "capability"])
        .execute();

      await db.schema
        .createTable("channel_steps")
        .addColumn("seq", dialect === "postgres" ? "bigserial" : "integer", (column) =>
          dialect === "postgres" ? column.primaryKey() : column.primaryKey().autoIncrement(),
        )
        .addColumn("id", "text", (column) => column.notNull().unique())
        .addColumn("participant_id", "text", (column) =>
          column.notNull().references("participants.id"),
        )
        .addColumn("kind", "text", (column) =>
          column.notNull().check(sql`kind in ('suspended', 'lifted', 'terminated')`),
        )
        // Space-separated, in the closed set's order.
        .addColumn("capabilities", "text", (column) => column.notNull())
        .addColumn("reason", "text")
        .addColumn("policy", "text")
        .addColumn("honour_deadline_at", "bigint")
        .addColumn("at", "bigint", (column) => column.notNull())
        .addColumn("actor_kind", "text", (column) => column.notNull())
        .addColumn("actor_id", "text", (column) => column.notNull())
        .addColumn("actor_name", "text", (column) => column.notNull())
        .addColumn("operator_id", "text")
        .addColumn("operator_name", "text")
        .execute();
      await db.schema
        .createIndex("channel_steps_participant")
        .on("channel_steps")
        .columns(["participant_id", "seq"])
        .execute();
    },
  };
}
