import { type Kysely, type Migration, sql } from "kysely";

/**
 * Fee schedules, and the fee each bill payment and bank operation was charged. Schedules: one row per transaction type, payer and currency. The network-wide default is
 * the payer `*`, which no participant id can be (ids are lower-case letters, digits and `-`), so
 * the key needs no nullable column. Amounts are minor units in `int8`, like the ledger's.
 */
export function feeSchedulesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("fee_schedules")
        .addColumn("transaction_type", "text", (column) => column.notNull())
        .addColumn("payer_id", "text", (column) => column.notNull())
        .addColumn("currency", "text", (column) => column.notNull())
        .addColumn("fixed_minor", "bigint", (column) =>
          column.notNull().check(sql`fixed_minor >= 0`),
        )
        .addColumn("basis_points", "integer", (column) =>
          column.notNull().check(sql`basis_points between 0 and 10000`),
        )
        .addColumn("minimum_minor", "bigint", (column) =>
          column.notNull().check(sql`minimum_minor >= 0`),
        )
        .addColumn("maximum_minor", "bigint", (column) =>
          column.check(sql`maximum_minor is null or maximum_minor >= minimum_minor`),
        )
        .addColumn("updated_at", "bigint", (column) => column.notNull())
        .addColumn("updated_by", "text", (column) => column.notNull())
        .addPrimaryKeyConstraint("fee_schedules_pk", ["transaction_type", "payer_id", "currency"])
        .execute();
      // Null for none (and for everything made before fees existed).
      await db.schema.alterTable("bill_payments").addColumn("fee_minor", "bigint").execute();
      await db.schema.alterTable("bank_operations").addColumn("fee_minor", "bigint").execute();
    },
  };
}
