import { type Kysely, sql, type Transaction } from "kysely";
import type { BatchApply, LedgerStore } from "../../app/ports/ledger-store.ts";
import type { AccountState } from "../../domain/ledger/account.ts";
import type { BatchOutcome } from "../../domain/ledger/batch-engine.ts";
import type { JournalEntry } from "../../domain/ledger/journal.ts";
import {
  isResolution,
  type StoredTransfer,
  type TransferKind,
  type TransferRequest,
} from "../../domain/ledger/transfer.ts";
import { LedgerReads } from "./ledger-reads.ts";
import {
  type AccountRow,
  accountIdsOf,
  accountStateFromRow,
  type TransferRow,
  transferFromRow,
} from "./ledger-rows.ts";
import { integerArrayLiteral, textArrayLiteral } from "./postgres-array-literal.ts";
import type { ClearhubSchema } from "./schema.ts";

type Trx = Transaction<ClearhubSchema>;

/**
 * The batch path on PostgreSQL: a handful of statements per batch, whatever its size, with
 * arrays passed through `unnest` so thousands of rows cost one round trip.
 */
export class PostgresLedgerStore extends LedgerReads implements LedgerStore {
  constructor(private readonly kysely: Kysely<ClearhubSchema>) {
    super(kysely);
  }

  commitBatch(requests: readonly TransferRequest[], apply: BatchApply): Promise<BatchOutcome> {
    return this.kysely.transaction().execute(async (trx) => {
      const pendingIds = requests.filter(isResolution).map((request) => request.pendingId);
      // Pending transfers never change once written: reading them first tells which accounts to lock.
      const knownPendings = await selectTransfers(trx, pendingIds);
      const accounts = await selectAccounts(
        trx,
        accountIdsOf(requests, knownPendings.values()),
        "lock",
      );
      const journalHead = await lockJournalHead(trx);
      // Read after the head lock: every writer holds it, so nothing can appear behind our back.
      const pendings = await selectTransfers(trx, pendingIds);
      await loadLatePendingAccounts(trx, pendings, accounts);
      const resolutions = await selectResolutions(trx, pendingIds);
      const now = Date.now();
      const applyTo = (transfers: Map<string, StoredTransfer>) =>
        apply({ accounts: cloneAccounts(accounts), transfers, resolutions, journalHead, now });
      return (
        (await writeIfNoIdIsStored(trx, requests, applyTo(pendings))) ??
        (await writeKnowingStoredIds(trx, requests, pendings, applyTo))
      );
    });
  }
}

/**
 * The fast path: assume no request id is stored yet (retries are rare) and let the primary key
 * prove it for every transfer the batch creates, instead of probing the index for every id
 * first. Requests that failed were not inserted, so their ids are looked up afterwards: a
 * stored one must answer `exists`, which outranks their failure. Returns undefined, with
 * everything since the savepoint undone, if any request id was stored after all.
 */
async function writeIfNoIdIsStored(
  trx: Trx,
  requests: readonly TransferRequest[],
  outcome: BatchOutcome,
): Promise<BatchOutcome | undefined> {
  if (outcome.journal === null) return undefined;
  await sql`savepoint assume_new_ids`.execute(trx);
  try {
    await writeOutcome(trx, outcome, outcome.journal);
    const failedIds = requests
      .filter((_, index) => outcome.results[index] !== "ok")
      .map((r) => r.id);
    if ((await selectTransfers(trx, failedIds)).size === 0) return outcome;
  } catch (error) {
    if (!isStoredTransferId(error)) throw error;
  }
  await sql`rollback to savepoint assume_new_ids`.execute(trx);
  return undefined;
}

/** The exact path: look up which request ids are stored, so retries answer `exists`. */
async function writeKnowingStoredIds(
  trx: Trx,
  requests: readonly TransferRequest[],
  pendings: ReadonlyMap<string, StoredTransfer>,
  applyTo: (transfers: Map<string, StoredTransfer>) => BatchOutcome,
): Promise<BatchOutcome> {
  const transfers = await selectTransfers(
    trx,
    requests.map((request) => request.id),
  );
  for (const [id, pending] of pendings) transfers.set(id, pending);
  const outcome = applyTo(transfers);
  if (outcome.journal !== null) await writeOutcome(trx, outcome, outcome.journal);
  return outcome;
}

function isStoredTransferId(error: unknown): boolean {
  const { code, constraint } = error as { code?: string; constraint?: string };
  return code === uniqueViolation && constraint === "transfers_pkey";
}

const uniqueViolation = "23505";

/** The engine updates accounts in place; each attempt starts from the balances as locked. */
function cloneAccounts(accounts: ReadonlyMap<number, AccountState>): Map<number, AccountState> {
  const copies = new Map<number, AccountState>();
  for (const [id, account] of accounts) copies.set(id, { ...account });
  return copies;
}

/**
 * A pending another node committed between our first read and the head lock has accounts we
 * did not lock. Its balances cannot change while we hold the head lock, so they are read without
 * a row lock: taking one now, out of id order, could deadlock with a batch waiting for the head.
 */
async function loadLatePendingAccounts(
  trx: Trx,
  transfers: ReadonlyMap<string, StoredTransfer>,
  accounts: Map<number, AccountState>,
): Promise<void> {
  const pendings = [...transfers.values()].filter((transfer) => transfer.kind === "pending");
  const missing = accountIdsOf([], pendings).filter((id) => !accounts.has(id));
  if (missing.length === 0) return;
  for (const [id, account] of await selectAccounts(trx, missing, "read")) accounts.set(id, account);
}

async function selectTransfers(
  trx: Trx,
  ids: readonly string[],
): Promise<Map<string, StoredTransfer>> {
  const found = new Map<string, StoredTransfer>();
  if (ids.length === 0) return found;
  const { rows } = await sql<TransferRow>`
    select * from transfers where id = any(${textArrayLiteral(ids)}::text[])`.execute(trx);
  for (const row of rows) found.set(row.id, transferFromRow(row));
  return found;
}

async function selectResolutions(
  trx: Trx,
  pendingIds: readonly string[],
): Promise<Map<string, TransferKind>> {
  const found = new Map<string, TransferKind>();
  if (pendingIds.length === 0) return found;
  const { rows } = await sql<{ pending_id: string; kind: TransferKind }>`
    select pending_id, kind from transfers where pending_id = any(${pendingIds}::text[])`.execute(
    trx,
  );
  for (const row of rows) found.set(row.pending_id, row.kind);
  return found;
}

/** Row locks in ascending id order, the same order in every process, so batches never deadlock. */
async function selectAccounts(
  trx: Trx,
  ids: readonly number[],
  mode: "lock" | "read",
): Promise<Map<number, AccountState>> {
  const found = new Map<number, AccountState>();
  if (ids.length === 0) return found;
  const { rows } = await sql<AccountRow & { status: string }>`
    select a.id, a.participant_id, a.kind, a.currency, a.debit_limit, a.debits_posted,
           a.credits_posted, a.debits_pending, a.credits_pending, p.status
    from accounts a join participants p on p.id = a.participant_id
    where a.id = any(${ids}::int4[])
    order by a.id
    ${mode === "lock" ? sql`for update of a` : sql``}`.execute(trx);
  for (const row of rows) found.set(Number(row.id), accountStateFromRow(row));
  return found;
}

async function lockJournalHead(trx: Trx): Promise<{ seq: number; hash: string }> {
  const { rows } = await sql<{ seq: bigint; hash: string }>`
    select seq, hash from journal_head where id = 1 for update`.execute(trx);
  const head = rows[0];
  if (head === undefined) throw new Error("journal head row is missing: run the migrations");
  return { seq: Number(head.seq), hash: head.hash };
}

async function writeOutcome(trx: Trx, outcome: BatchOutcome, journal: JournalEntry): Promise<void> {
  await insertTransfers(trx, outcome.created);
  await updateBalances(trx, outcome.changedAccounts);
  if (outcome.openedPendings.length > 0) {
    await sql`
      insert into open_pendings (transfer_id, expires_at)
      select * from unnest(${textArrayLiteral(outcome.openedPendings.map((t) => t.id))}::text[],
                           ${integerArrayLiteral(outcome.openedPendings.map((t) => t.expiresAt))}::int8[])`.execute(
      trx,
    );
  }
  if (outcome.closedPendingIds.length > 0) {
    await sql`delete from open_pendings where transfer_id = any(${outcome.closedPendingIds}::text[])`.execute(
      trx,
    );
  }
  await sql`
    insert into journal (seq, prev_hash, hash, transfer_count, created_at)
    values (${journal.seq}, ${journal.prevHash}, ${journal.hash}, ${journal.transferCount}, ${journal.createdAt})`.execute(
    trx,
  );
  await sql`update journal_head set seq = ${journal.seq}, hash = ${journal.hash} where id = 1`.execute(
    trx,
  );
}

async function insertTransfers(trx: Trx, transfers: readonly StoredTransfer[]): Promise<void> {
  const text = (pick: (transfer: StoredTransfer) => string | null) =>
    textArrayLiteral(transfers.map(pick));
  const integer = (pick: (transfer: StoredTransfer) => number | bigint | null) =>
    integerArrayLiteral(transfers.map(pick));
  await sql`
    insert into transfers (id, kind, debit_account_id, credit_account_id, amount, currency,
      pending_id, timeout_ms, expires_at, reference, linked, batch_seq, batch_index, created_at)
    select * from unnest(
      ${text((t) => t.id)}::text[], ${text((t) => t.kind)}::text[],
      ${integer((t) => t.debitAccountId)}::int4[], ${integer((t) => t.creditAccountId)}::int4[],
      ${integer((t) => t.amount)}::int8[], ${text((t) => t.currency)}::text[],
      ${text((t) => t.pendingId)}::text[], ${integer((t) => t.timeoutMs)}::int8[],
      ${integer((t) => t.expiresAt)}::int8[], ${text((t) => t.reference)}::text[],
      ${integer((t) => (t.linked ? 1 : 0))}::int2[], ${integer((t) => t.batchSeq)}::int8[],
      ${integer((t) => t.batchIndex)}::int4[], ${integer((t) => t.createdAt)}::int8[])`.execute(
    trx,
  );
}

/** Absolute values, not increments: the rows are locked, so what we computed is what holds. */
async function updateBalances(trx: Trx, accounts: readonly AccountState[]): Promise<void> {
  const integer = (pick: (account: AccountState) => number | bigint) =>
    integerArrayLiteral(accounts.map(pick));
  await sql`
    update accounts a set debits_posted = v.dp, credits_posted = v.cp,
      debits_pending = v.dq, credits_pending = v.cq
    from unnest(${integer((a) => a.id)}::int4[],
                ${integer((a) => a.debitsPosted)}::int8[], ${integer((a) => a.creditsPosted)}::int8[],
                ${integer((a) => a.debitsPending)}::int8[], ${integer((a) => a.creditsPending)}::int8[])
      as v(id, dp, cp, dq, cq)
    where a.id = v.id`.execute(trx);
}
