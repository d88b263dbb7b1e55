import { type Kysely, type Migration, sql } from "kysely";

/**
 * Reserve-following caps: per participant and currency, the factor (in basis points) its
 * position's net debit cap is re-set from whenever its settlement account's funds move. No row:
 * the cap is set by hand.
 */
export function reserveCapRulesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("reserve_cap_rules")
        .addColumn("participant_id", "text", (column) =>
          column.notNull().references("participants.id"),
        )
        .addColumn("currency", "text", (column) => column.notNull())
        .addColumn("factor_bps", "integer", (column) =>
          column.notNull().check(sql`factor_bps between 1 and 1000000`),
        )
        .addColumn("set_at", "bigint", (column) => column.notNull())
        .addPrimaryKeyConstraint("reserve_cap_rules_pk", ["participant_id", "currency"])
        .execute();
    },
  };
}
