import { type Kysely, type Migration, sql } from "kysely";

/**
 * Banks' interface endpoints, the primary one of each bank (a row per bank, so switching is one
 * UPDATE and a bank never has two), and the migrations that move agreements between endpoints.
 */
export function bankEndpointsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("bank_endpoints")
        .addColumn("bank_id", "text", (column) => column.notNull().references("participants.id"))
        .addColumn("id", "text", (column) => column.notNull())
        .addColumn("url", "text", (column) => column.notNull())
        .addColumn("timeout_ms", "integer", (column) => column.notNull())
        .addColumn("concurrency_max", "integer", (column) => column.notNull())
        .addColumn("breaker_failure_percent", "integer", (column) => column.notNull())
        .addColumn("breaker_window_ms", "integer", (column) => column.notNull())
        .addColumn("breaker_minimum_calls", "integer", (column) => column.notNull())
        .addColumn("breaker_half_open_after_ms", "integer", (column) => column.notNull())
        .addColumn("enabled", "integer", (column) => column.notNull().check(sql`enabled in (0, 1)`))
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .addColumn("updated_at", "bigint", (column) => column.notNull())
        .addPrimaryKeyConstraint("bank_endpoints_pk", ["bank_id", "id"])
        .execute();

      await db.schema
        .createTable("bank_primary_endpoints")
        .addColumn("bank_id", "text", (column) => column.primaryKey())
        .addColumn("endpoint_id", "text", (column) => column.notNull())
        .addForeignKeyConstraint(
          "bank_primary_endpoints_endpoint",
          ["bank_id", "endpoint_id"],
          "bank_endpoints",
          ["bank_id", "id"],
        )
        .execute();

      await db.schema
        .createTable("endpoint_migrations")
        .addColumn("bank_id", "text", (column) => column.notNull())
        .addColumn("id", "text", (column) => column.notNull())
        .addColumn("from_endpoint_id", "text", (column) => column.notNull())
        .addColumn("to_endpoint_id", "text", (column) => column.notNull())
        .addColumn("weight_percent", "integer", (column) =>
          column.notNull().check(sql`weight_percent between 0 and 100`),
        )
        .addColumn("state", "text", (column) =>
          column
            .notNull()
            .check(sql`state in ('active', 'completing', 'rolled_back', 'completed')`),
        )
        // JSON array of the migration's steps, oldest first; bounded by the domain.
        .addColumn("history", "text", (column) => column.notNull())
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .addColumn("updated_at", "bigint", (column) => column.notNull())
        .addPrimaryKeyConstraint("endpoint_migrations_pk", ["bank_id", "id"])
        .addForeignKeyConstraint(
          "endpoint_migrations_from",
          ["bank_id", "from_endpoint_id"],
          "bank_endpoints",
          ["bank_id", "id"],
        )
        .addForeignKeyConstraint(
          "endpoint_migrations_to",
          ["bank_id", "to_endpoint_id"],
          "bank_endpoints",
          ["bank_id", "id"],
        )
        .addCheckConstraint("endpoint_migrations_moves", sql`from_endpoint_id <> to_endpoint_id`)
        .execute();
      // An agreement's pinned endpoint must lead to one target at most.
      await db.schema
        .createIndex("endpoint_migrations_one_routing_per_source")
        .unique()
        .on("endpoint_migrations")
        .columns(["bank_id", "from_endpoint_id"])
        .where(sql.ref("state"), "in", ["active", "completing"])
        .execute();
    },
  };
}
