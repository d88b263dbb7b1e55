import { type Kysely, type Migration, sql } from "kysely";

/**
 * Debits, credits and refunds the hub asks banks to make for payment institutions: one row per
 * operation, whose state the call, inquiries and the banks' notices settle.
 */
export function bankOperationsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("bank_operations")
        .addColumn("payment_institution_id", "text", (column) =>
          column.notNull().references("participants.id"),
        )
        .addColumn("id", "text", (column) => column.notNull())
        .addColumn("kind", "text", (column) =>
          column.notNull().check(sql`kind in ('debit', 'credit', 'refund')`),
        )
        .addColumn("bank_id", "text", (column) => column.notNull().references("participants.id"))
        .addColumn("agreement_id", "text")
        .addColumn("original_id", "text")
        .addColumn("amount", "bigint", (column) => column.notNull().check(sql`amount > 0`))
        .addColumn("currency", "text", (column) => column.notNull())
        .addColumn("transaction_id", "text", (column) => column.notNull().unique())
        .addColumn("state", "text", (column) =>
          column
            .notNull()
            .check(sql`state in ('processing', 'pending', 'unknown', 'succeeded', 'failed')`),
        )
        .addColumn("request_hash", "text", (column) => column.notNull())
        .addColumn("failure_code", "text")
        .addColumn("failure_text", "text")
        .addColumn("bank_reference", "text")
        .addColumn("creditor", "text")
        .addColumn("creditor_masked", "text")
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .addColumn("updated_at", "bigint", (column) => column.notNull())
        .addColumn("completed_at", "bigint")
        .addColumn("next_inquiry_at", "bigint", (column) => column.notNull())
        .addColumn("inquiries", "integer", (column) => column.notNull().defaultTo(0))
        .addPrimaryKeyConstraint("bank_operations_pk", ["payment_institution_id", "id"])
        .execute();
      // The inquiry job's claim: unsettled operations, oldest due first.
      await db.schema
        .createIndex("bank_operations_due")
        .on("bank_operations")
        .columns(["state", "next_inquiry_at"])
        .execute();
      // An agreement's debits of a day, summed under the daily limit.
      await db.schema
        .createIndex("bank_operations_agreement_day")
        .on("bank_operations")
        .columns(["payment_institution_id", "agreement_id", "created_at"])
        .execute();
      // A debit's refunds, summed up to its amount.
      await db.schema
        .createIndex("bank_operations_original")
        .on("bank_operations")
        .columns(["payment_institution_id", "original_id"])
        .execute();
    },
  };
}
