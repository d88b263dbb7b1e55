import { type Insertable, type Kysely, sql, type Transaction } from "kysely";
import { operatorParticipantId } from "../../app/participants/participant-service.ts";
import type { CloseOutcome, CloseRequest } from "../../app/ports/settlement-store.ts";
import type {
  AccountSnapshot,
  NetPosition,
  WindowEnds,
} from "../../domain/settlement/net-position.ts";
import { type SettlementWindow, windowId } from "../../domain/settlement/settlement-window.ts";
import type { Dialect } from "./dialect.ts";
import type { ClearhubSchema } from "./schema.ts";
import { positionFromRow, positionToRow, windowFromRow, windowToRow } from "./settlement-rows.ts";
import type { SettlementPositionsTable } from "./settlement-tables.ts";

type Trx = Transaction<ClearhubSchema>;

/** Rows per insert statement: well under both dialects' bound parameter limits. */
const rowsPerInsertMax = 1000;

/**
 * The close, in the caller's transaction. Its first statement takes the journal head's row
 * (PostgreSQL) or the database's write lock (SQLite), as every ledger batch does before it
 * writes: a batch in flight commits wholly before the close reads the head, and the next one
 * waits until the close commits, so each batch lands in exactly one window. Nothing after
 * that first statement reads a transfer: the work is one row per netted account.
 */
export async function closeInTransaction(
  trx: Trx,
  dialect: Dialect,
  request: CloseRequest,
  net: (ends: WindowEnds) => NetPosition[],
): Promise<CloseOutcome> {
  const head = await lockJournalHead(trx);
  const open = await lockedOpenWindow(trx, dialect, request.currency, request.now);
  const target = request.target;
  if (target.kind === "window" && open.id !== target.windowId) {
    return { kind: "already_closed", window: await findWindow(trx, target.windowId) };
  }
  if (target.kind === "opened_before" && open.openedAt >= target.cutoffAt) {
    return { kind: "already_closed", window: undefined };
  }
  const end = await snapshotNettedAccounts(trx, request.currency);
  const ends: WindowEnds = {
    start: await readSnapshot(trx, request.currency, open.startSeq),
    end,
    legs: await countLegs(trx, request.currency, head),
    carried: await readCarriedPositions(trx, open.id),
  };
  const positions = net(ends);
  const empty = head === open.startSeq && ends.carried.length === 0;
  const closed: SettlementWindow = {
    ...open,
    // An empty window closes and settles at once: nothing to instruct, nothing to move.
    state: empty ? "settled" : "closed",
    endSeq: head,
    closedAt: request.now,
    closedBy: request.closedBy,
    settledAt: empty ? request.now : null,
  };
  const next = openingWindow(request.currency, open.number + 1, head, request.now);
  // No batch since the window opened: the close that opened it took this very snapshot (at
  // seq 0, every account held nothing), and writing it again would collide with that one.
  if (head !== open.startSeq) await writeSnapshot(trx, request.currency, head, end);
  await insertPositions(
    trx,
    positions.map((p) => positionToRow(open.id, p)),
  );
  await trx
    .updateTable("settlement_windows")
    .set(windowToRow(closed))
    .where("id", "=", open.id)
    .execute();
  await trx.insertInto("settlement_windows").values(windowToRow(next)).execute();
  return { kind: "closed", window: closed, next };
}

function openingWindow(
  currency: string,
  number: number,
  startSeq: number,
  now: number,
): SettlementWindow {
  return {
    id: windowId(currency, number),
    currency,
    number,
    state: "open",
    startSeq,
    endSeq: null,
    openedAt: now,
    closedAt: null,
    closedBy: null,
    settledAt: null,
    abortedAt: null,
    carriedInto: null,
  };
}

/**
 * The first window of a currency holds the journal from its beginning, when every account
 * held nothing: it needs no snapshot at its start. Inserted unless one is open already; two
 * nodes racing meet on the unique index of open windows and one insert does nothing.
 */
export async function ensureOpenWindow(
  db: Kysely<ClearhubSchema>,
  currency: string,
  now: number,
): Promise<void> {
  const first = openingWindow(currency, 1, 0, now);
  await db
    .insertInto("settlement_windows")
    .values(windowToRow(first))
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}

async function lockJournalHead(trx: Trx): Promise<number> {
  // An update that changes nothing: on PostgreSQL it takes the head's row lock, on SQLite it
  // takes the write lock at once, instead of on the first real write.
  const row = await sql<{ seq: bigint }>`
    update journal_head set seq = seq where id = 1 returning seq`.execute(trx);
  const seq = row.rows[0]?.seq;
  if (seq === undefined) throw new Error("journal head row is missing: run the migrations");
  return Number(seq);
}

async function lockedOpenWindow(
  trx: Trx,
  dialect: Dialect,
  currency: string,
  now: number,
): Promise<SettlementWindow> {
  const select = () =>
    trx
      .selectFrom("settlement_windows")
      .selectAll()
      .where("currency", "=", currency)
      .where("state", "=", "open")
      .$if(dialect === "postgres", (query) => query.forUpdate())
      .executeTakeFirst();
  let row = await select();
  if (row === undefined) {
    await ensureOpenWindow(trx, currency, now);
    row = await select();
  }
  if (row === undefined) throw new Error(`no open settlement window for ${currency}`);
  return windowFromRow(row);
}

async function findWindow(trx: Trx, id: string): Promise<SettlementWindow | undefined> {
  const row = await trx
    .selectFrom("settlement_windows")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row === undefined ? undefined : windowFromRow(row);
}

/**
 * The accounts that settle: every participant's position, and the operator's fee account,
 * whose fees are owed by the positions that paid them.
 */
async function snapshotNettedAccounts(trx: Trx, currency: string): Promise<AccountSnapshot[]> {
  const rows = await trx
    .selectFrom("accounts")
    .select(["id", "participant_id", "debits_posted", "credits_posted"])
    .where("currency", "=", currency)
    .where((eb) =>
      eb.or([
        eb("kind", "=", "position"),
        eb.and([eb("kind", "=", "fee"), eb("participant_id", "=", operatorParticipantId)]),
      ]),
    )
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    accountId: Number(row.id),
    participantId: row.participant_id,
    debitsPosted: BigInt(row.debits_posted),
    creditsPosted: BigInt(row.credits_posted),
  }));
}

async function readSnapshot(
  trx: Trx,
  currency: string,
  seq: number,
): Promise<Map<number, AccountSnapshot>> {
  const rows = await trx
    .selectFrom("settlement_snapshots as s")
    .innerJoin("accounts as a", "a.id", "s.account_id")
    .select(["s.account_id", "a.participant_id", "s.debits_posted", "s.credits_posted"])
    .where("s.currency", "=", currency)
    .where("s.seq", "=", BigInt(seq))
    .execute();
  const snapshot = new Map<number, AccountSnapshot>();
  for (const row of rows) {
    snapshot.set(Number(row.account_id), {
      accountId: Number(row.account_id),
      participantId: row.participant_id,
      debitsPosted: BigInt(row.debits_posted),
      creditsPosted: BigInt(row.credits_posted),
    });
  }
  return snapshot;
}

async function writeSnapshot(
  trx: Trx,
  currency: string,
  seq: number,
  accounts: readonly AccountSnapshot[],
): Promise<void> {
  const rows = accounts.map((account) => ({
    currency,
    seq: BigInt(seq),
    account_id: account.accountId,
    debits_posted: account.debitsPosted,
    credits_posted: account.creditsPosted,
  }));
  for (let from = 0; from < rows.length; from += rowsPerInsertMax) {
    await trx
      .insertInto("settlement_snapshots")
      .values(rows.slice(from, from + rowsPerInsertMax))
      .execute();
  }
}

/**
 * Legs whose transfers the ledger holds and no close has counted yet: posted since the last
 * close (that close held the head too, so it saw every leg committed before it). They are
 * counted in this window, whose snapshot includes them.
 */
async function countLegs(trx: Trx, currency: string, head: number) {
  const rows = await trx
    .selectFrom("settlement_legs as l")
    .innerJoin("transfers as t", "t.id", "l.transfer_id")
    .select(["l.account_id", "l.amount", "l.transfer_id"])
    .where("l.currency", "=", currency)
    .where("l.counted_seq", "is", null)
    .execute();
  if (rows.length > 0) {
    await trx
      .updateTable("settlement_legs")
      .set({ counted_seq: BigInt(head) })
      .where(
        "transfer_id",
        "in",
        rows.map((row) => row.transfer_id),
      )
      .execute();
  }
  return rows.map((row) => ({ accountId: Number(row.account_id), amount: BigInt(row.amount) }));
}

async function readCarriedPositions(trx: Trx, windowId: string): Promise<NetPosition[]> {
  const rows = await trx
    .selectFrom("settlement_positions as p")
    .innerJoin("settlement_windows as w", "w.id", "p.window_id")
    .selectAll("p")
    .where("w.carried_into", "=", windowId)
    .execute();
  return rows.map(positionFromRow);
}

async function insertPositions(
  trx: Trx,
  rows: readonly Insertable<SettlementPositionsTable>[],
): Promise<void> {
  for (let from = 0; from < rows.length; from += rowsPerInsertMax) {
    await trx
      .insertInto("settlement_positions")
      .values(rows.slice(from, from + rowsPerInsertMax))
      .execute();
  }
}
