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
 * The batch path on PostgreSQL: a handful of statements per batch, whatever its size. It
 * speaks to node-postgres directly, not through Kysely, because the transfers stream in
 * through COPY, the cheapest way into PostgreSQL; the other statements pass columns as arrays
 * through `unnest`, so thousands of rows still cost one round trip.
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
      await client.query("begin");
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
  // Pending transfers never change once written: reading them first tells which accounts to lock.
  const knownPendings = await selectTransfers(client, pendingIds);
  const accounts = await selectAccounts(
    client,
    accountIdsOf(requests, knownPendings.values()),
    "lock",
  );
  const journalHead = await lockJournalHead(client);
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

/** See batch-attempt.ts. Returns undefined, with the savepoint undone, if some id was stored. */
async function writeIfNoIdIsStored(
  client: Client,
  requests: readonly TransferRequest[],
  outcome: BatchOutcome,
): Promise<BatchOutcome | undefined> {
  if (outcome.journal === null) return undefined;
  await client.query("savepoint assume_new_ids");
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

function isStoredTransferId(error: unknown): boolean {
  const { code, constraint } = error as { code?: string; constraint?: string };
  return code === uniqueViolation && constraint === "transfers_pkey";
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
  for (const [id, account] of await selectAccounts(client, missing, "read")) {
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

const selectAccountsSql = `
  select a.id, a.participant_id, a.kind, a.currency, a.debit_limit, a.debits_posted,
         a.credits_posted, a.debits_pending, a.credits_pending, p.status
  from accounts a join participants p on p.id = a.participant_id
  where a.id = any($1::int4[])
  order by a.id`;

/** Row locks in ascending id order, the same order in every process, so batches never deadlock. */
async function selectAccounts(
  client: Client,
  ids: readonly number[],
  mode: "lock" | "read",
): Promise<Map<number, AccountState>> {
  const found = new Map<number, AccountState>();
  if (ids.length === 0) return found;
  const { rows } = await client.query<AccountRow & { status: string }>(
    mode === "lock" ? `${selectAccountsSql} for update of a` : selectAccountsSql,
    [integerArrayLiteral(ids)],
  );
  for (const row of rows) found.set(Number(row.id), accountStateFromRow(row));
  return found;
}

async function lockJournalHead(client: Client): Promise<{ seq: number; hash: string }> {
  const { rows } = await client.query<{ seq: bigint; hash: string }>(
    "select seq, hash from journal_head where id = 1 for update",
  );
  const head = rows[0];
  if (head === undefined) throw new Error("journal head row is missing: run the migrations");
  return { seq: Number(head.seq), hash: head.hash };
}

/**
 * The batch's rows after its transfers: balances, open reservations, details, the journal
 * entry and the new head, all in one statement of data-modifying CTEs (one round trip, not
 * five). They touch different tables, so running together on one snapshot changes nothing:
 * the reservations a batch opens and those it closes are disjoint (the engine nets out a
 * reservation opened and resolved in the same batch).
 */
const writeBatchRowsSql = `
  with balances as (
    update accounts a set debits_posted = v.dp, credits_posted = v.cp,
      debits_pending = v.dq, credits_pending = v.cq
    from unnest($1::int4[], $2::int8[], $3::int8[], $4::int8[], $5::int8[]) as v(id, dp, cp, dq, cq)
    where a.id = v.id
  ), opened as (
    insert into open_pendings (transfer_id, expires_at)
    select * from unnest($6::text[], $7::int8[])
  ), closed as (
    delete from open_pendings where transfer_id = any($8::text[])
  ), details as (
    insert into transfer_details (transfer_id, initiator_id, payer_id, payee_id, request_hash,
      parties, created_at)
    select * from unnest($9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
      $14::text[], $15::int8[])
  ), entry as (
    insert into journal (seq, prev_hash, hash, transfer_count, created_at)
    values ($16::int8, $17::text, $18::text, $19::int4, $20::int8)
  )
  update journal_head set seq = $16::int8, hash = $18::text where id = 1`;

async function writeOutcome(
  client: Client,
  requests: readonly TransferRequest[],
  outcome: BatchOutcome,
  journal: JournalEntry,
): Promise<void> {
  await copyTransfers(client, outcome.created);
  const annex = batchAnnex(requests, outcome);
  const accounts = outcome.changedAccounts;
  const column = (pick: (account: AccountState) => number | bigint) =>
    integerArrayLiteral(accounts.map(pick));
  const { details } = annex;
  await client.query(writeBatchRowsSql, [
    // Absolute values, not increments: the rows are locked, so what we computed is what holds.
    column((a) => a.id),
    column((a) => a.debitsPosted),
    column((a) => a.creditsPosted),
    column((a) => a.debitsPending),
    column((a) => a.creditsPending),
    textArrayLiteral(outcome.openedPendings.map((t) => t.id)),
    integerArrayLiteral(outcome.openedPendings.map((t) => t.expiresAt)),
    textArrayLiteral(outcome.closedPendingIds),
    textArrayLiteral(details.map((d) => d.transferId)),
    textArrayLiteral(details.map((d) => d.initiatorId)),
    textArrayLiteral(details.map((d) => d.payerId)),
    textArrayLiteral(details.map((d) => d.payeeId)),
    textArrayLiteral(details.map((d) => d.requestHash)),
    textArrayLiteral(details.map((d) => d.sealedParties)),
    integerArrayLiteral(details.map((d) => d.createdAt)),
    journal.seq,
    journal.prevHash,
    journal.hash,
    journal.transferCount,
    journal.createdAt,
  ]);
  await writeDeliveries(client, annex.events);
}

/** The outbox rows of the events whose recipients have endpoints that want them. */
async function writeDeliveries(client: Client, events: readonly TransferEvent[]): Promise<void> {
  if (events.length === 0) return;
  const { rows } = await client.query<{ participant_id: string; id: string; event_types: string }>(
    "select participant_id, id, event_types from webhook_endpoints where participant_id = any($1::text[])",
    [textArrayLiteral(eventRecipients(events))],
  );
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
