import type { Kysely, Migration } from "kysely";

/**
 * Presented bills by expiry: the purge job deletes those long past it a bounded pass at a time,
 * oldest first, and without this index each pass would read the whole table.
 */
export function billPresentmentExpiryMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createIndex("bill_presentments_expiry")
        .on("bill_presentments")
        .column("expires_at")
        .execute();
    },
  };
}
