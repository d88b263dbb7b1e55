import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../dialect.ts";

/**
 * What the operator's trace of a payment reads: every call the hub makes to a bank for a
 * transaction (the runner writes one row per call), bank notices linked to the transaction
 * they concern, and indexes to find an operation by its institution-scoped id or by agreement
 * without knowing the institution. None of them is on the ledger's `transfers`.
 */
export function operatorReadsMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("bank_calls")
        .addColumn("seq", dialect === "postgres" ? "bigserial" : "integer", (column) =>
          dialect === "postgres" ? column.primaryKey() : column.primaryKey().autoIncrement(),
        )
        .addColumn("bank_id", "text", (column) => column.notNull())
        .addColumn("endpoint_id", "text", (column) => column.notNull())
        .addColumn("transaction_id", "text", (column) => column.notNull())
        .addColumn("call", "text", (column) => column.notNull())
        .addColumn("attempt", "integer", (column) => column.notNull())
        .addColumn("outcome", "text", (column) => column.notNull())
        .addColumn("detail", "text")
        .addColumn("latency_ms", "integer", (column) => column.notNull())
        .addColumn("at", "bigint", (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex("bank_calls_transaction")
        .on("bank_calls")
        .columns(["transaction_id", "seq"])
        .execute();
      await db.schema.alterTable("bank_notices").addColumn("transaction_id", "text").execute();
      await db.schema
        .createIndex("bank_notices_transaction")
        .on("bank_notices")
        .column("transaction_id")
        .execute();
      await db.schema
        .createIndex("bank_operations_id")
        .on("bank_operations")
        .column("id")
        .execute();
      await db.schema
        .createIndex("bank_operations_agreement")
        .on("bank_operations")
        .columns(["agreement_id", "created_at"])
        .execute();
    },
  };
}
