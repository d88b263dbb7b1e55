import { type Kysely, type Migration, sql } from "kysely";

/**
 * Settlement windows. A window is a range of the journal, `(start_seq, end_seq]`, per currency;
 * at most one is open per currency (a partial unique index, so two nodes cannot both open one).
 * Closing snapshots the netted accounts' posted balances at the journal head (one row per
 * account, whatever the number of transfers); a window's net positions are the difference of
 * its two snapshots less the settlement legs posted inside it. Legs are written before their
 * ledger transfer and counted by the first close that finds that transfer in the ledger.
 */
export function settlementWindowsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("settlement_windows")
        .addColumn("id", "text", (column) => column.primaryKey())
        .addColumn("currency", "text", (column) => column.notNull())
        .addColumn("number", "bigint", (column) => column.notNull())
        .addColumn("state", "text", (column) =>
          column
            .notNull()
            .check(sql`state in ('open', 'closed', 'pending_settlement', 'settled', 'aborted')`),
        )
        .addColumn("start_seq", "bigint", (column) => column.notNull())
        .addColumn("end_seq", "bigint")
        .addColumn("opened_at", "bigint", (column) => column.notNull())
        .addColumn("closed_at", "bigint")
        .addColumn("closed_by", "text")
        .addColumn("settled_at", "bigint")
        .addColumn("aborted_at", "bigint")
        .addColumn("carried_into", "text")
        .addUniqueConstraint("settlement_windows_currency_number", ["currency", "number"])
        .execute();
      await db.schema
        .createIndex("settlement_windows_one_open")
        .on("settlement_windows")
        .column("currency")
        .unique()
        .where(sql.ref("state"), "=", "open")
        .execute();
      await db.schema
        .createIndex("settlement_windows_carried_into")
        .on("settlement_windows")
        .column("carried_into")
        .where(sql.ref("carried_into"), "is not", null)
        .execute();

      // Posted balances of every netted account at a journal seq: a window's two ends.
      await db.schema
        .createTable("settlement_snapshots")
        .addColumn("currency", "text", (column) => column.notNull())
        .addColumn("seq", "bigint", (column) => column.notNull())
        .addColumn("account_id", "integer", (column) => column.notNull())
        .addColumn("debits_posted", "bigint", (column) => column.notNull())
        .addColumn("credits_posted", "bigint", (column) => column.notNull())
        .addPrimaryKeyConstraint("settlement_snapshots_pk", ["currency", "seq", "account_id"])
        .execute();

      await db.schema
        .createTable("settlement_positions")
        .addColumn("window_id", "text", (column) =>
          column.notNull().references("settlement_windows.id"),
        )
        .addColumn("account_id", "integer", (column) => column.notNull())
        .addColumn("participant_id", "text", (column) => column.notNull())
        .addColumn("gross_sent", "bigint", (column) => column.notNull())
        .addColumn("gross_received", "bigint", (column) => column.notNull())
        .addColumn("net", "bigint", (column) => column.notNull())
        .addPrimaryKeyConstraint("settlement_positions_pk", ["window_id", "account_id"])
        .execute();

      await db.schema
        .createTable("settlement_legs")
        .addColumn("window_id", "text", (column) =>
          column.notNull().references("settlement_windows.id"),
        )
        .addColumn("account_id", "integer", (column) => column.notNull())
        .addColumn("participant_id", "text", (column) => column.notNull())
        .addColumn("currency", "text", (column) => column.notNull())
        // The netted account's side: positive when the leg credits it (the participant paid in).
        .addColumn("amount", "bigint", (column) => column.notNull())
        .addColumn("transfer_id", "text", (column) => column.notNull().unique())
        .addColumn("state", "text", (column) =>
          column.notNull().check(sql`state in ('instructed', 'posted')`),
        )
        .addColumn("source", "text", (column) => column.notNull())
        // The confirmation that last instructed the leg: only it may forget the leg again.
        .addColumn("claim", "text", (column) => column.notNull())
        .addColumn("counted_seq", "bigint")
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .addColumn("posted_at", "bigint")
        .addPrimaryKeyConstraint("settlement_legs_pk", ["window_id", "account_id"])
        .execute();
      await db.schema
        .createIndex("settlement_legs_uncounted")
        .on("settlement_legs")
        .column("currency")
        .where(sql.ref("counted_seq"), "is", null)
        .execute();
    },
  };
}
