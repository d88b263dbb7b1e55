import type { Kysely, Migration } from "kysely";

/**
 * Bills presented to channels, one row per bill under its `bill_ref`, which the channel quotes
 * to pay it. Amounts are minor units; the customer parameters are sealed (the field sealer,
 * bound to the row) beside a SHA-256 lookup hash. Rows are written once and read by reference.
 */
export function billPresentmentsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("bill_presentments")
        .addColumn("bill_ref", "text", (column) => column.primaryKey())
        .addColumn("channel_id", "text", (column) => column.notNull())
        .addColumn("biller_id", "text", (column) => column.notNull())
        .addColumn("customer_params_hash", "text", (column) => column.notNull())
        .addColumn("customer_params_sealed", "text", (column) => column.notNull())
        .addColumn("customer_name", "text")
        .addColumn("bill_number", "text", (column) => column.notNull())
        .addColumn("currency", "text", (column) => column.notNull())
        .addColumn("amount_due", "bigint", (column) => column.notNull())
        .addColumn("amount_min", "bigint")
        .addColumn("amount_max", "bigint")
        .addColumn("due_date", "text", (column) => column.notNull())
        .addColumn("period_from", "text")
        .addColumn("period_to", "text")
        .addColumn("description", "text")
        .addColumn("presented_at", "bigint", (column) => column.notNull())
        .addColumn("expires_at", "bigint", (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex("bill_presentments_customer")
        .on("bill_presentments")
        .columns(["biller_id", "customer_params_hash", "presented_at"])
        .execute();
    },
  };
}
