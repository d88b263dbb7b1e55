import { type Kysely, type Migration, sql } from "kysely";

/**
 * Barcode payments' daily limits per payer customer (PBOC risk levels A-D), and the day's use.
 *
 * `barcode_limits`: one row per currency and level, the limit in minor units, null for none;
 * seeded with the CNY defaults (A by agreement, B 5,000, C 1,000, D 500 yuan). A currency with
 * no rows has no limits and its barcode payments are refused.
 *
 * `barcode_limit_holds`: the payment each amount was held for, so a retried hold is answered
 * again and a failed payment's amount can be given back. `barcode_daily_usage`: the day's sum
 * per payer institution, customer (a SHA-256 of the institution's reference, never the
 * reference itself), day, currency and level; a hold raises it only within the limit.
 */
export function barcodeLimitsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("barcode_limits")
        .addColumn("currency", "text", (column) => column.notNull())
        .addColumn("level", "text", (column) =>
          column.notNull().check(sql`level in ('A', 'B', 'C', 'D')`),
        )
        .addColumn("daily_limit_minor", "bigint", (column) =>
          column.check(sql`daily_limit_minor is null or daily_limit_minor >= 0`),
        )
        .addPrimaryKeyConstraint("barcode_limits_pk", ["currency", "level"])
        .execute();
      await sql`insert into barcode_limits (currency, level, daily_limit_minor) values
        ('CNY', 'A', null), ('CNY', 'B', 500000), ('CNY', 'C', 100000), ('CNY', 'D', 50000)`.execute(
        db,
      );
      await db.schema
        .createTable("barcode_limit_holds")
        .addColumn("payment_id", "text", (column) => column.primaryKey())
        .addColumn("payer_id", "text", (column) => column.notNull())
        .addColumn("customer_key", "text", (column) => column.notNull())
        .addColumn("day", "text", (column) => column.notNull())
        .addColumn("currency", "text", (column) => column.notNull())
        .addColumn("level", "text", (column) => column.notNull())
        .addColumn("amount_minor", "bigint", (column) =>
          column.notNull().check(sql`amount_minor > 0`),
        )
        .addColumn("held_at", "bigint", (column) => column.notNull())
        .execute();
      await db.schema
        .createTable("barcode_daily_usage")
        .addColumn("payer_id", "text", (column) => column.notNull())
        .addColumn("customer_key", "text", (column) => column.notNull())
        .addColumn("day", "text", (column) => column.notNull())
        .addColumn("currency", "text", (column) => column.notNull())
        .addColumn("level", "text", (column) => column.notNull())
        .addColumn("used_minor", "bigint", (column) => column.notNull().check(sql`used_minor >= 0`))
        .addPrimaryKeyConstraint("barcode_daily_usage_pk", [
          "payer_id",
          "customer_key",
          "day",
          "currency",
          "level",
        ])
        .execute();
    },
  };
}
