import { type Kysely, type Migration, sql } from "kysely";
import { genesisHead } from "../../../domain/ledger/journal.ts";
import type { Dialect } from "../dialect.ts";

/** Participants, their accounts, the append-only transfers, the hash-chained journal, operator tokens. */
export function clearingCoreMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("participants")
        .addColumn("id", "text", (column) => column.primaryKey())
        .addColumn("name", "text", (column) => column.notNull())
        .addColumn("kind", "text", (column) => column.notNull())
        .addColumn("status", "text", (column) => column.notNull())
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .execute();

      await db.schema
        .createTable("accounts")
        .addColumn("id", dialect === "postgres" ? "serial" : "integer", (column) =>
          dialect === "postgres" ? column.primaryKey() : column.primaryKey().autoIncrement(),
        )
        .addColumn("participant_id", "text", (column) =>
          column.notNull().references("participants.id"),
        )
        .addColumn("kind", "text", (column) => column.notNull())
        .addColumn("currency", "text", (column) => column.notNull())
        .addColumn("debit_limit", "bigint")
        .addColumn("debits_posted", "bigint", (column) => column.notNull().defaultTo(0))
        .addColumn("credits_posted", "bigint", (column) => column.notNull().defaultTo(0))
        .addColumn("debits_pending", "bigint", (column) => column.notNull().defaultTo(0))
        .addColumn("credits_pending", "bigint", (column) => column.notNull().defaultTo(0))
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .addUniqueConstraint("accounts_participant_currency_kind", [
          "participant_id",
          "currency",
          "kind",
        ])
        .execute();

      await db.schema
        .createTable("transfers")
        .addColumn("id", "text", (column) => column.primaryKey())
        .addColumn("kind", "text", (column) => column.notNull())
        .addColumn("debit_account_id", "integer", (column) => column.notNull())
        .addColumn("credit_account_id", "integer", (column) => column.notNull())
        .addColumn("amount", "bigint", (column) => column.notNull())
        .addColumn("currency", "text", (column) => column.notNull())
        .addColumn("pending_id", "text")
        .addColumn("timeout_ms", "bigint")
        .addColumn("expires_at", "bigint")
        .addColumn("reference", "text")
        .addColumn("linked", "smallint", (column) => column.notNull())
        .addColumn("batch_seq", "bigint", (column) => column.notNull())
        .addColumn("batch_index", "integer", (column) => column.notNull())
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .execute();
      // At most one commit, void or expiry per pending transfer, whatever the code above does.
      await db.schema
        .createIndex("transfers_pending_id")
        .on("transfers")
        .column("pending_id")
        .unique()
        .where(sql.ref("pending_id"), "is not", null)
        .execute();
      // Verification reads transfers batch by batch. Batches are appended in order, so on
      // PostgreSQL a BRIN index serves those range reads at almost no cost per insert.
      await db.schema
        .createIndex("transfers_batch_seq")
        .on("transfers")
        .$call((builder) => (dialect === "postgres" ? builder.using("brin") : builder))
        .column("batch_seq")
        .execute();

      await db.schema
        .createTable("open_pendings")
        .addColumn("transfer_id", "text", (column) => column.primaryKey())
        .addColumn("expires_at", "bigint", (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex("open_pendings_expires_at")
        .on("open_pendings")
        .column("expires_at")
        .execute();

      await db.schema
        .createTable("journal")
        .addColumn("seq", "bigint", (column) => column.primaryKey())
        .addColumn("prev_hash", "text", (column) => column.notNull())
        .addColumn("hash", "text", (column) => column.notNull())
        .addColumn("transfer_count", "integer", (column) => column.notNull())
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .execute();
      await db.schema
        .createTable("journal_head")
        .addColumn("id", "integer", (column) => column.primaryKey())
        .addColumn("seq", "bigint", (column) => column.notNull())
        .addColumn("hash", "text", (column) => column.notNull())
        .execute();
      await sql`insert into journal_head (id, seq, hash) values (1, 0, ${genesisHead.hash})`.execute(
        db,
      );

      await db.schema
        .createTable("operator_tokens")
        .addColumn("id", "text", (column) => column.primaryKey())
        .addColumn("name", "text", (column) => column.notNull())
        .addColumn("token_hash", "text", (column) => column.notNull().unique())
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .addColumn("revoked_at", "bigint")
        .execute();
    },
  };
}
