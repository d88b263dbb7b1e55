import type { Kysely, Migration } from "kysely";

/**
 * Billers' profiles, one per biller participant: what channels need to present and pay its
 * bills, and the capacity the hub must never exceed. Customer parameters and currencies are
 * JSON text, bounded by the domain. Channels sync the catalogue by (updated_at, participant_id),
 * hence the index; updated_at also moves when the participant's status does.
 */
export function billerProfilesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("biller_profiles")
        .addColumn("participant_id", "text", (column) =>
          column.primaryKey().references("participants.id"),
        )
        .addColumn("category", "text", (column) => column.notNull())
        .addColumn("parameters", "text", (column) => column.notNull())
        .addColumn("bill_fetch", "text", (column) => column.notNull())
        .addColumn("amount_exactness", "text", (column) => column.notNull())
        .addColumn("presentment_cache_ttl_seconds", "integer", (column) => column.notNull())
        .addColumn("inquiries_per_second", "integer", (column) => column.notNull())
        .addColumn("concurrent_calls_max", "integer", (column) => column.notNull())
        .addColumn("postings_per_second", "integer", (column) => column.notNull())
        .addColumn("posting_reserve_basis_points", "integer", (column) => column.notNull())
        .addColumn("currencies", "text", (column) => column.notNull())
        .addColumn("version", "integer", (column) => column.notNull())
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .addColumn("updated_at", "bigint", (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex("biller_profiles_sync")
        .on("biller_profiles")
        .columns(["updated_at", "participant_id"])
        .execute();
    },
  };
}
