import type { Kysely, Migration } from "kysely";

/**
 * What the ledger does not keep about a transfer a participant asked for: who asked, the two
 * participants (so each lists only its own), the hash of the canonical request (so a retry with
 * another body is told apart from a true retry) and the sealed customer details. A row is
 * written in the same transaction as its transfer, and only when the transfer is accepted.
 */
export function participantTransfersMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("transfer_details")
        .addColumn("transfer_id", "text", (column) => column.primaryKey())
        .addColumn("initiator_id", "text", (column) => column.notNull())
        .addColumn("payer_id", "text", (column) => column.notNull())
        .addColumn("payee_id", "text", (column) => column.notNull())
        .addColumn("request_hash", "text", (column) => column.notNull())
        .addColumn("parties", "text")
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .execute();
      // Listing is newest first per party; the transfer id breaks ties within a millisecond.
      for (const party of ["payer_id", "payee_id"]) {
        await db.schema
          .createIndex(`transfer_details_${party}_created_at`)
          .on("transfer_details")
          .columns([party, "created_at", "transfer_id"])
          .execute();
      }
    },
  };
}
