import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Database } from "../adapters/store/database.ts";
import { integerArrayLiteral, textArrayLiteral } from "../adapters/store/postgres-array-literal.ts";
import { transfersCopyText } from "../adapters/store/postgres-copy-text.ts";
import { sqliteTransferInsert } from "../adapters/store/sqlite-transfer-insert.ts";
import type { JournalEntry } from "../domain/ledger/journal.ts";
import type { BulkGroup } from "./bench-settlement-transfers.ts";

/**
 * Writes a group of generated batches straight into the ledger's tables, in one transaction:
 * the transfers, their journal entries, the journal head, and the accounts' posted balances
 * raised by what the group moved. Only for a hub whose ledger is idle meanwhile (the bench's,
 * before its timed phase): nothing here takes the locks a ledger batch would.
 */
export type BulkWrite = (group: BulkGroup) => Promise<void>;

/** The writer for the database's dialect; `accountIds` are the accounts the group's arrays index. */
export function bulkWriter(database: Database, accountIds: readonly number[]): BulkWrite {
  if (database.postgresPool !== null) return postgresWriter(database.postgresPool, accountIds);
  if (database.sqlite === null) throw new Error("the database is neither SQLite nor PostgreSQL");
  return sqliteWriter(database, database.sqlite, accountIds);
}

/** The accounts the group touched, with what it debited and credited each, in whole minor units. */
function balanceChanges(group: BulkGroup, accountIds: readonly number[]) {
  const changes: { id: number; debits: bigint; credits: bigint }[] = [];
  accountIds.forEach((id, index) => {
    const debits = group.debits[index] ?? 0;
    const credits = group.credits[index] ?? 0;
    if (debits !== 0 || credits !== 0) {
      changes.push({ id, debits: BigInt(debits), credits: BigInt(credits) });
    }
  });
  return changes;
}

function journalOf(group: BulkGroup): JournalEntry[] {
  return group.batches.map((batch) => batch.journal);
}

function postgresWriter(pool: pg.Pool, accountIds: readonly number[]): BulkWrite {
  return async (group) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("begin");
      await pipeline(
        Readable.from(group.batches.map((batch) => transfersCopyText(batch.transfers))),
        client.query(
          copyFrom(`copy transfers (id, kind, debit_account_id, credit_account_id, amount,
            currency, pending_id, timeout_ms, expires_at, reference, linked, batch_seq,
            batch_index, created_at) from stdin`),
        ),
      );
      const journal = journalOf(group);
      const last = journal[journal.length - 1];
      const changes = balanceChanges(group, accountIds);
      await client.query(
        `with entries as (
           insert into journal (seq, prev_hash, hash, transfer_count, created_at)
           select * from unnest($1::int8[], $2::text[], $3::text[], $4::int4[], $5::int8[])
         ), head as (
           update journal_head set seq = $6::int8, hash = $7::text where id = 1
         )
         update accounts a set debits_posted = a.debits_posted + v.d,
           credits_posted = a.credits_posted + v.c
         from unnest($8::int4[], $9::int8[], $10::int8[]) as v(id, d, c)
         where a.id = v.id`,
        [
          integerArrayLiteral(journal.map((entry) => entry.seq)),
          textArrayLiteral(journal.map((entry) => entry.prevHash)),
          textArrayLiteral(journal.map((entry) => entry.hash)),
          integerArrayLiteral(journal.map((entry) => entry.transferCount)),
          integerArrayLiteral(journal.map((entry) => entry.createdAt)),
          last?.seq,
          last?.hash,
          integerArrayLiteral(changes.map((change) => change.id)),
          integerArrayLiteral(changes.map((change) => change.debits)),
          integerArrayLiteral(changes.map((change) => change.credits)),
        ],
      );
      await client.query("commit");
    } catch (error) {
      await client.query("rollback").catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  };
}

function sqliteWriter(
  database: Database,
  sqlite: BetterSqlite3.Database,
  accountIds: readonly number[],
): BulkWrite {
  const insertTransfers = sqliteTransferInsert(sqlite);
  const insertJournal = sqlite.prepare(
    "insert into journal (seq, prev_hash, hash, transfer_count, created_at) values (?, ?, ?, ?, ?)",
  );
  const updateHead = sqlite.prepare("update journal_head set seq = ?, hash = ? where id = 1");
  const raiseBalances = sqlite.prepare(
    `update accounts set debits_posted = debits_posted + ?, credits_posted = credits_posted + ?
     where id = ?`,
  );
  const write = sqlite.transaction((group: BulkGroup) => {
    for (const batch of group.batches) {
      insertTransfers(batch.transfers);
      const entry = batch.journal;
      insertJournal.run(
        entry.seq,
        entry.prevHash,
        entry.hash,
        entry.transferCount,
        entry.createdAt,
      );
      updateHead.run(entry.seq, entry.hash);
    }
    for (const change of balanceChanges(group, accountIds)) {
      raiseBalances.run(change.debits, change.credits, change.id);
    }
  });
  // Through Kysely's connection, as the ledger's batches go: its mutex keeps other queries off.
  return (group) => database.kysely.connection().execute(async () => write.immediate(group));
}
