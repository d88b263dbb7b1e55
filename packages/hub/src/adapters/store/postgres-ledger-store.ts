import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Kysely } from "kysely";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
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
import type { TransferEvent } from "../../domain/notifications/transfer-event.ts";
import { deliveriesFor } from "../../domain/notifications/webhook-delivery.ts";
import { batchAnnex, eventRecipients } from "./batch-annex.ts";
import { cloneAccounts, unappliedRequestIds } from "./batch-attempt.ts";
import { LedgerReads } from "./ledger-reads.ts";
import {
  type AccountRow,
  accountIdsOf,
  accountStateFromRow,
  type TransferRow,
  transferFromRow,
} from "./ledger-rows.ts";
import { integerArrayLiteral, textArrayLiteral } from "./postgres-array-literal.ts";
import { transfersCopyText } from "./postgres-copy-text.ts";
import type { ClearhubSchema } from "./schema.ts";

type Client = pg.PoolClient;

/**
 * The batch path on PostgreSQL: three round trips for a batch of new transfers, whatever its
 * size. One begins the transaction and takes its locks, one writes everything (columns passed
 * as arrays through `unnest`, so thousands of rows cost one round trip), one commits. Every
 * round trip is a wait for the database, and under load for a core, so a batch that makes
 * fewer commits sooner. Resolutions first read their reservations, failed requests have their
 * ids looked up, webhook deliveries are inserted, and large batches stream their transfers in
 * through COPY, the cheapest way into PostgreSQL. It speaks to node-postgres directly, not
 * through Kysely, for COPY and for the one query that carries several statements.
 */
export class PostgresLedgerStore extends LedgerReads implements LedgerStore {
  constructor(
    kysely: Kysely<ClearhubSchema>,
    private readonly pool: pg.Pool,
  ) {
    super(kysely);
  }

  async commitBatch(
    requests: readonly TransferRequest[],
    apply: BatchApply,
  ): Promise<BatchOutcome> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      const outcome = await runBatch(client, requests, apply);
      await client.query("commit");
      return outcome;
    } catch (error) {
      await client.query("rollback").catch((rollbackError: Error) => {
        broken = rollbackError; // the connection is unusable: the pool must not lend it again
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }
}

async function runBatch(
  client: Client,
  requests: readonly TransferRequest[],
  apply: BatchApply,
): Promise<BatchOutcome> {
  const pendingIds = requests.filter(isResolution).map((request) => request.pendingId);
  // Pending transfers never change once written: reading them first (before the transaction
  // even begins) tells which accounts to lock.
  const knownPendings = await selectTransfers(client, pendingIds);
  const { accounts, journalHead } = await beginLocked(
    client,
    accountIdsOf(requests, knownPendings.values()),
  );
  // Read after the head lock: every writer holds it, so nothing can appear behind our back.
  const pendings = await selectTransfers(client, pendingIds);
  await loadLatePendingAccounts(client, pendings, accounts);
  const resolutions = await selectResolutions(client, pendingIds);
  const now = Date.now();
  const applyTo = (transfers: Map<string, StoredTransfer>) =>
    apply({ accounts: cloneAccounts(accounts), transfers, resolutions, journalHead, now });
  return (
    (await writeIfNoIdIsStored(client, requests, applyTo(pendings))) ??
    (await writeKnowingStoredIds(client, requests, pendings, applyTo))
  );
}

/**
 * Begins the transaction and takes its locks in one round trip: the accounts' rows in
 * ascending id order (the same order in every process, so batches never deadlock), then the
 * journal head, which every writer holds until it commits, then the savepoint of the attempt
 * that assumes new ids (see batch-attempt.ts); nothing is written before it. A simple query
 * carrying several statements takes no parameters, so the ids, integers of our own, are inlined.
 */
async function beginLocked(
  client: Client,
  ids: readonly number[],
): Promise<{ accounts: Map<number, AccountState>; journalHead: { seq: number; hash: string } }> {
  if (!ids.every(Number.isSafeInteger)) throw new Error(`account ids must be integers: ${ids}`);
  const results = (await client.query(
    `begin;
     ${selectAccountsSql(`'${integerArrayLiteral(ids)}'::int4[]`)} for update of a;
     select seq, hash from journal_head where id = 1 for update;
     savepoint assume_new_ids`,
  )) as unknown as pg.QueryResult[];
  const accountRows = results[1]?.rows as (AccountRow & { status: string })[] | undefined;
  const head = results[2]?.rows[0] as { seq: bigint; hash: string } | undefined;
  if (accountRows === undefined) throw new Error("the lock statement answered no accounts");
  if (head === undefined) throw new Error("journal head row is missing: run the migrations");
  const accounts = new Map<number, AccountState>();
  for (const row of accountRows) accounts.set(Number(row.id), accountStateFromRow(row));
  return { accounts, journalHead: { seq: Number(head.seq), hash: head.hash } };
}

/** See batch-attempt.ts. Returns undefined, with the savepoint undone, if some id was stored. */
async function writeIfNoIdIsStored(
  client: Client,
  requests: readonly TransferRequest[],
  outcome: BatchOutcome,
): Promise<BatchOutcome | undefined> {
  if (outcome.journal === null) return undefined;
  try {
    await writeOutcome(client, requests, outcome, outcome.journal);
    const unapplied = unappliedRequestIds(requests, outcome);
    if ((await selectTransfers(client, unapplied)).size === 0) return outcome;
  } catch (error) {
    if (!isStoredTransferId(error)) throw error;
  }
  await client.query("rollback to savepoint assume_new_ids");
  return undefined;
}

/** The exact path: look up which request ids are stored, so retries answer `exists`. */
async function writeKnowingStoredIds(
  client: Client,
  requests: readonly TransferRequest[],
  pendings: ReadonlyMap<string, StoredTransfer>,
  applyTo: (transfers: Map<string, StoredTransfer>) => BatchOutcome,
): Promise<BatchOutcome> {
  const transfers = await selectTransfers(
    client,
    requests.map((request) => request.id),
  );
  for (const [id, pending] of pendings) transfers.set(id, pending);
  const outcome = applyTo(transfers);
  if (outcome.journal !== null) await writeOutcome(client, requests, outcome, outcome.journal);
  return outcome;
}

const uniqueViolation = "23505";
/**
 * The keys a batch's new rows take from their transfer's id. A row of each exists only beside
 * a stored transfer, so a collision on any of them means some id was stored; which of them
 * collides first is up to PostgreSQL, since the statement's CTEs run in no set order.
 */
const transferIdKeys: ReadonlySet<string> = new Set([
  "transfers_pkey",
  "open_pendings_pkey",
  "transfer_details_pkey",
]);

function isStoredTransferId(error: unknown): boolean {
  const { code, constraint } = error as { code?: string; constraint?: string };
  return code === uniqueViolation && constraint !== undefined && transferIdKeys.has(constraint);
}

/**
 * A pending another node committed between our first read and the head lock has accounts we
 * did not lock. Its balances cannot change while we hold the head lock, so they are read without
 * a row lock: taking one now, out of id order, could deadlock with a batch waiting for the head.
 */
async function loadLatePendingAccounts(
  client: Client,
  transfers: ReadonlyMap<string, StoredTransfer>,
  accounts: Map<number, AccountState>,
): Promise<void> {
  const pendings = [...transfers.values()].filter((transfer) => transfer.kind === "pending");
  const missing = accountIdsOf([], pendings).filter((id) => !accounts.has(id));
  if (missing.length === 0) return;
  for (const [id, account] of await readAccounts(client, missing)) {
    accounts.set(id, account);
  }
}

async function selectTransfers(
  client: Client,
  ids: readonly string[],
): Promise<Map<string, StoredTransfer>> {
  const found = new Map<string, StoredTransfer>();
  if (ids.length === 0) return found;
  const { rows } = await client.query<TransferRow>(
    "select * from transfers where id = any($1::text[])",
    [textArrayLiteral(ids)],
  );
  for (const row of rows) found.set(row.id, transferFromRow(row));
  return found;
}

async function selectResolutions(
  client: Client,
  pendingIds: readonly string[],
): Promise<Map<string, TransferKind>> {
  const found = new Map<string, TransferKind>();
  if (pendingIds.length === 0) return found;
  const { rows } = await client.query<{ pending_id: string; kind: TransferKind }>(
    "select pending_id, kind from transfers where pending_id = any($1::text[])",
    [textArrayLiteral(pendingIds)],
  );
  for (const row of rows) found.set(row.pending_id, row.kind);
  return found;
}

/** The accounts whose ids `ids` (an int4[] expression) holds, ascending, with their owner's status. */
function selectAccountsSql(ids: string): string {
  return `
    select a.id, a.participant_id, a.kind, a.currency, a.debit_limit, a.debits_posted,
           a.credits_posted, a.debits_pending, a.credits_pending, p.status
    from accounts a join participants p on p.id = a.participant_id
    where a.id = any(${ids})
    order by a.id`;
}

/** Reads accounts without locking them (see loadLatePendingAccounts). */
async function readAccounts(
  client: Client,
  ids: readonly number[],
): Promise<Map<number, AccountState>> {
  const found = new Map<number, AccountState>();
  if (ids.length === 0) return found;
  const { rows } = await client.query<AccountRow & { status: string }>(
    selectAccountsSql("$1::int4[]"),
    [integerArrayLiteral(ids)],
  );
  for (const row of rows) found.set(Number(row.id), accountStateFromRow(row));
  return found;
}

/**
 * Everything a batch writes, in one statement of data-modifying CTEs (one round trip): the
 * transfers (unless COPY brought them in just before), balances, opened and closed reservations, details, the journal entry and the new
 * head. They touch different tables, so running together on one snapshot changes nothing: the
 * reservations a batch opens and those it closes are disjoint (the engine nets out one opened
 * and resolved in the same batch). A transfer id already stored fails the whole statement on
 * the primary key. Its own result is the webhook endpoints of the events' recipients.
 */
const writeBatchSql = `
  with created as (
    insert into transfers (id, kind, debit_account_id, credit_account_id, amount, currency,
      pending_id, timeout_ms, expires_at, reference, linked, batch_seq, batch_index, created_at)
    select * from unnest($1::text[], $2::text[], $3::int4[], $4::int4[], $5::int8[], $6::text[],
      $7::text[], $8::int8[], $9::int8[], $10::text[], $11::int2[], $12::int8[], $13::int4[],
      $14::int8[])
  ), balances as (
    update accounts a set debits_posted = v.dp, credits_posted = v.cp,
      debits_pending = v.dq, credits_pending = v.cq
    from unnest($15::int4[], $16::int8[], $17::int8[], $18::int8[], $19::int8[])
      as v(id, dp, cp, dq, cq)
    where a.id = v.id
  ), opened as (
    insert into open_pendings (transfer_id, expires_at)
    select * from unnest($20::text[], $21::int8[])
  ), closed as (
    delete from open_pendings where transfer_id = any($22::text[])
  ), details as (
    insert into transfer_details (transfer_id, initiator_id, payer_id, payee_id, request_hash,
      parties, created_at)
    select * from unnest($23::text[], $24::text[], $25::text[], $26::text[], $27::text[],
      $28::text[], $29::int8[])
  ), entry as (
    insert into journal (seq, prev_hash, hash, transfer_count, created_at)
    values ($30::int8, $31::text, $32::text, $33::int4, $34::int8)
  ), head as (
    update journal_head set seq = $30::int8, hash = $32::text where id = 1
  )
  select participant_id, id, event_types from webhook_endpoints
  where participant_id = any($35::text[])`;

/**
 * From this many transfers a batch streams them in through COPY first, whose parsing costs the
 * database about a quarter less than arrays do; below it, the extra round trip costs more.
 */
const copyTransfersMin = 256;

async function writeOutcome(
  client: Client,
  requests: readonly TransferRequest[],
  outcome: BatchOutcome,
  journal: JournalEntry,
): Promise<void> {
  const copied = outcome.created.length >= copyTransfersMin;
  if (copied) await copyTransfers(client, outcome.created);
  const created = copied ? [] : outcome.created;
  const accounts = outcome.changedAccounts;
  const { details, events } = batchAnnex(requests, outcome);
  const texts = <T>(rows: readonly T[], pick: (row: T) => string | null) =>
    textArrayLiteral(rows.map(pick));
  const integers = <T>(rows: readonly T[], pick: (row: T) => number | bigint | null) =>
    integerArrayLiteral(rows.map(pick));
  const { rows } = await client.query<EndpointRow>(writeBatchSql, [
    texts(created, (t) => t.id),
    texts(created, (t) => t.kind),
    integers(created, (t) => t.debitAccountId),
    integers(created, (t) => t.creditAccountId),
    integers(created, (t) => t.amount),
    texts(created, (t) => t.currency),
    texts(created, (t) => t.pendingId),
    integers(created, (t) => t.timeoutMs),
    integers(created, (t) => t.expiresAt),
    texts(created, (t) => t.reference),
    integers(created, (t) => (t.linked ? 1 : 0)),
    integers(created, (t) => t.batchSeq),
    integers(created, (t) => t.batchIndex),
    integers(created, (t) => t.createdAt),
    // Absolute values, not increments: the rows are locked, so what we computed is what holds.
    integers(accounts, (a) => a.id),
    integers(accounts, (a) => a.debitsPosted),
    integers(accounts, (a) => a.creditsPosted),
    integers(accounts, (a) => a.debitsPending),
    integers(accounts, (a) => a.creditsPending),
    texts(outcome.openedPendings, (t) => t.id),
    integers(outcome.openedPendings, (t) => t.expiresAt),
    textArrayLiteral(outcome.closedPendingIds),
    texts(details, (d) => d.transferId),
    texts(details, (d) => d.initiatorId),
    texts(details, (d) => d.payerId),
    texts(details, (d) => d.payeeId),
    texts(details, (d) => d.requestHash),
    texts(details, (d) => d.sealedParties),
    integers(details, (d) => d.createdAt),
    journal.seq,
    journal.prevHash,
    journal.hash,
    journal.transferCount,
    journal.createdAt,
    textArrayLiteral(eventRecipients(events)),
  ]);
  await writeDeliveries(client, events, rows);
}

interface EndpointRow {
  readonly participant_id: string;
  readonly id: string;
  readonly event_types: string;
}

/** The outbox rows of the events whose recipients have endpoints that want them. */
async function writeDeliveries(
  client: Client,
  events: readonly TransferEvent[],
  rows: readonly EndpointRow[],
): Promise<void> {
  const deliveries = deliveriesFor(
    events,
    rows.map((row) => ({
      participantId: row.participant_id,
      endpointId: row.id,
      eventTypes: row.event_types,
    })),
  );
  if (deliveries.length === 0) return;
  await client.query(
    `insert into webhook_deliveries (participant_id, endpoint_id, event_id, event_type, payload,
       status, next_attempt_at, created_at)
     select p, e, i, t, b, 'pending', c, c
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int8[])
       as v(p, e, i, t, b, c)`,
    [
      textArrayLiteral(deliveries.map((d) => d.participantId)),
      textArrayLiteral(deliveries.map((d) => d.endpointId)),
      textArrayLiteral(deliveries.map((d) => d.eventId)),
      textArrayLiteral(deliveries.map((d) => d.eventType)),
      textArrayLiteral(deliveries.map((d) => d.payload)),
      integerArrayLiteral(deliveries.map((d) => d.createdAt)),
    ],
  );
}

async function copyTransfers(client: Client, transfers: readonly StoredTransfer[]): Promise<void> {
  await pipeline(
    Readable.from([transfersCopyText(transfers)]),
    client.query(
      copyFrom(`copy transfers (id, kind, debit_account_id, credit_account_id, amount, currency,
        pending_id, timeout_ms, expires_at, reference, linked, batch_seq, batch_index, created_at)
        from stdin`),
    ),
  );
}
