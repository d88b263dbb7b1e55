import { type Kysely, sql } from "kysely";
import type { Database } from "../adapters/store/database.ts";

/**
 * The reference the group-commit ledger is measured against, in the same run and on the same
 * database: the textbook ledger that commits each transfer in its own transaction, locking its
 * two account rows. Every transfer to the hot account queues for that account's row lock.
 * It works in tables of its own, dropped afterwards.
 */
export interface RowLockReferenceOptions {
  readonly accounts: number;
  readonly hot: number;
  /** Transactions in flight at once (bounded by the connection pool on PostgreSQL). */
  readonly concurrency: number;
  readonly durationMs: number;
}

export interface RowLockReferenceResult {
  readonly transfers: number;
  readonly seconds: number;
  readonly transfersPerSecond: number;
}

// biome-ignore lint/suspicious/noExplicitAny: the reference's tables are not part of the schema.
type AnyDb = Kysely<any>;

async function createTables(db: AnyDb, accounts: number): Promise<void> {
  await sql`create table reference_accounts (id integer primary key, balance bigint not null)`.execute(
    db,
  );
  await sql`create table reference_transfers (id text primary key, debit_account_id integer not null,
    credit_account_id integer not null, amount bigint not null)`.execute(db);
  for (let id = 1; id <= accounts; id++) {
    await sql`insert into reference_accounts (id, balance) values (${id}, 0)`.execute(db);
  }
}

async function dropTables(db: AnyDb): Promise<void> {
  await sql`drop table if exists reference_transfers`.execute(db);
  await sql`drop table if exists reference_accounts`.execute(db);
}

async function transferOne(
  db: AnyDb,
  database: Database,
  id: string,
  debit: number,
  credit: number,
): Promise<void> {
  const [first, second] = debit < credit ? [debit, credit] : [credit, debit];
  await db.transaction().execute(async (trx) => {
    if (database.dialect === "postgres") {
      await sql`select id from reference_accounts where id in (${first}, ${second}) order by id for update`.execute(
        trx,
      );
    }
    await sql`update reference_accounts set balance = balance - 1 where id = ${debit}`.execute(trx);
    await sql`update reference_accounts set balance = balance + 1 where id = ${credit}`.execute(
      trx,
    );
    await sql`insert into reference_transfers (id, debit_account_id, credit_account_id, amount)
      values (${id}, ${debit}, ${credit}, 1)`.execute(trx);
  });
}

export async function benchRowLockReference(
  database: Database,
  options: RowLockReferenceOptions,
): Promise<RowLockReferenceResult> {
  const db = database.kysely as unknown as AnyDb;
  await dropTables(db);
  await createTables(db, options.accounts);
  try {
    const pick = () => 1 + Math.floor(Math.random() * options.accounts);
    let done = 0;
    const started = performance.now();
    const deadline = started + options.durationMs;
    const caller = async () => {
      while (performance.now() < deadline) {
        const debit = Math.random() < options.hot ? 1 : pick();
        let credit = pick();
        while (credit === debit) credit = pick();
        await transferOne(db, database, `r${done++}`, debit, credit);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, caller));
    const seconds = (performance.now() - started) / 1000;
    const { rows } = await sql<{ total: number | bigint | string }>`
      select coalesce(sum(balance), 0) as total from reference_accounts`.execute(db);
    if (BigInt(rows[0]?.total ?? 1) !== 0n)
      throw new Error("the reference ledger does not balance");
    return { transfers: done, seconds, transfersPerSecond: Math.round(done / seconds) };
  } finally {
    await dropTables(db);
  }
}
