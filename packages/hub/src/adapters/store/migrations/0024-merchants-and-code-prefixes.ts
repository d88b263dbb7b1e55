import type { Kysely, Migration } from "kysely";

/**
 * The merchant directory and the code-prefix routing table. A merchant is keyed by its acquirer
 * and the acquirer's own id; the list index serves an acquirer's merchants newest first. The
 * routing table is keyed by prefix; that no prefix starts another is kept by the store, under
 * a lock, since no index can say it.
 */
export function merchantsAndCodePrefixesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("merchants")
        .addColumn("acquirer_id", "text", (column) => column.notNull())
        .addColumn("merchant_id", "text", (column) => column.notNull())
        .addColumn("name", "text", (column) => column.notNull())
        .addColumn("merchant_category_code", "text", (column) => column.notNull())
        .addColumn("city", "text", (column) => column.notNull())
        .addColumn("country_code", "text", (column) => column.notNull())
        .addColumn("status", "text", (column) => column.notNull())
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .addColumn("updated_at", "bigint", (column) => column.notNull())
        .addPrimaryKeyConstraint("merchants_pk", ["acquirer_id", "merchant_id"])
        .execute();
      await db.schema
        .createIndex("merchants_by_acquirer_created")
        .on("merchants")
        .columns(["acquirer_id", "created_at", "merchant_id"])
        .execute();
      await db.schema
        .createTable("code_prefixes")
        .addColumn("prefix", "text", (column) => column.primaryKey())
        .addColumn("issuer_id", "text", (column) => column.notNull())
        .addColumn("instrument", "text", (column) => column.notNull())
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .execute();
    },
  };
}
