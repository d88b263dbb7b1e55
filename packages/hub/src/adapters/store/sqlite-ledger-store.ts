import type BetterSqlite3 from "better-sqlite3";
import type { Kysely } from "kysely";
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
import {
  deliveriesFor,
  type EndpointSubscription,
} from "../../domain/notifications/webhook-delivery.ts";
import { type BatchAnnex, batchAnnex, eventRecipients } from "./batch-annex.ts";
import { cloneAccounts, unappliedRequestIds } from "./batch-attempt.ts";
import { LedgerReads } from "./ledger-reads.ts";
import {
  type AccountRow,
  accountIdsOf,
  accountStateFromRow,
  type TransferRow,
  transferFromRow,
} from "./ledger-rows.ts";
import type { ClearhubSchema } from "./schema.ts";
import { sqliteTransferInsert } from "./sqlite-transfer-insert.ts";

/**
 * The batch path on SQLite. better-sqlite3 is synchronous, so the whole batch runs as one
 * `BEGIN IMMEDIATE` transaction with prepared statements and no await inside it; Kysely's
 * connection mutex keeps its own queries off the connection meanwhile.
 */
export class SqliteLedgerStore extends LedgerReads implements LedgerStore {
  private prepared: ReturnType<typeof prepareStatements> | undefined;

  constructor(
    private readonly kysely: Kysely<ClearhubSchema>,
    private readonly sqlite: BetterSqlite3.Database,
  ) {
    super(kysely);
  }

  /** Prepared on first use: the tables exist only once migrations have run. */
  private get statements(): ReturnType<typeof prepareStatements> {
    this.prepared ??= prepareStatements(this.sqlite);
    return this.prepared;
  }

  commitBatch(requests: readonly TransferRequest[], apply: BatchApply): Promise<BatchOutcome> {
    const runBatch = this.sqlite.transaction(() => this.runBatch(requests, apply));
    return this.kysely.connection().execute(async () => runBatch.immediate());
  }

  private runBatch(requests: readonly TransferRequest[], apply: BatchApply): BatchOutcome {
    const s = this.statements;
    const pendings = new Map<string, StoredTransfer>();
    const resolutions = new Map<string, TransferKind>();
    for (const request of requests.filter(isResolution)) {
      const pending = s.selectTransfer.get(request.pendingId) as TransferRow | undefined;
      if (pending !== undefined) pendings.set(pending.id, transferFromRow(pending));
      const resolution = s.selectResolution.get(request.pendingId) as
        | { kind: TransferKind }
        | undefined;
      if (resolution !== undefined) resolutions.set(request.pendingId, resolution.kind);
    }
    const accounts = new Map<number, AccountState>();
    for (const id of accountIdsOf(requests, pendings.values())) {
      const row = s.selectAccount.get(id) as (AccountRow & { status: string }) | undefined;
      if (row !== undefined) accounts.set(id, accountStateFromRow(row));
    }
    const head = s.selectHead.get() as { seq: bigint; hash: string };
    const journalHead = { seq: Number(head.seq), hash: head.hash };
    const now = Date.now();
    const applyTo = (transfers: Map<string, StoredTransfer>) =>
      apply({ accounts: cloneAccounts(accounts), transfers, resolutions, journalHead, now });
    const assumed = applyTo(new Map(pendings));
    if (this.writeIfNoIdIsStored(requests, assumed)) return assumed;
    const transfers = this.selectTransfers(requests.map((request) => request.id));
    for (const [id, pending] of pendings) transfers.set(id, pending);
    const outcome = applyTo(transfers);
    if (outcome.journal !== null) this.writeOutcome(requests, outcome, outcome.journal);
    return outcome;
  }

  /** See batch-attempt.ts. A nested better-sqlite3 transaction is a savepoint: a throw undoes it. */
  private writeIfNoIdIsStored(
    requests: readonly TransferRequest[],
    outcome: BatchOutcome,
  ): boolean {
    const journal = outcome.journal;
    if (journal === null) return false;
    try {
      this.sqlite.transaction(() => {
        this.writeOutcome(requests, outcome, journal);
        if (this.selectTransfers(unappliedRequestIds(requests, outcome)).size > 0) {
          throw new StoredIdFound();
        }
      })();
      return true;
    } catch (error) {
      if (error instanceof StoredIdFound || isStoredTransferId(error)) return false;
      throw error;
    }
  }

  private selectTransfers(ids: readonly string[]): Map<string, StoredTransfer> {
    const found = new Map<string, StoredTransfer>();
    for (const id of ids) {
      const row = this.statements.selectTransfer.get(id) as TransferRow | undefined;
      if (row !== undefined) found.set(row.id, transferFromRow(row));
    }
    return found;
  }

  private writeOutcome(
    requests: readonly TransferRequest[],
    outcome: BatchOutcome,
    journal: JournalEntry,
  ): void {
    const s = this.statements;
    s.insertTransfers(outcome.created);
    for (const a of outcome.changedAccounts) {
      s.updateBalances.run(
        a.debitsPosted,
        a.creditsPosted,
        a.debitsPending,
        a.creditsPending,
        a.id,
      );
    }
    for (const t of outcome.openedPendings) s.insertOpenPending.run(t.id, t.expiresAt);
    for (const id of outcome.closedPendingIds) s.deleteOpenPending.run(id);
    s.insertJournal.run(
      journal.seq,
      journal.prevHash,
      journal.hash,
      journal.transferCount,
      journal.createdAt,
    );
    s.updateHead.run(journal.seq, journal.hash);
    this.writeAnnex(batchAnnex(requests, outcome));
  }

  private writeAnnex({ details, events }: BatchAnnex): void {
    const s = this.statements;
    for (const d of details) {
      s.insertDetail.run(
        d.transferId,
        d.initiatorId,
        d.payerId,
        d.payeeId,
        d.requestHash,
        d.sealedParties,
        d.createdAt,
      );
    }
    if (events.length === 0) return;
    const endpoints: EndpointSubscription[] = [];
    for (const participantId of eventRecipients(events)) {
      for (const row of s.selectEndpoints.all(participantId) as EndpointRow[]) {
        endpoints.push({ participantId, endpointId: row.id, eventTypes: row.event_types });
      }
    }
    for (const d of deliveriesFor(events, endpoints)) {
      s.insertDelivery.run(
        d.participantId,
        d.endpointId,
        d.eventId,
        d.eventType,
        d.payload,
        d.createdAt,
        d.createdAt,
      );
    }
  }
}

interface EndpointRow {
  readonly id: string;
  readonly event_types: string;
}

class StoredIdFound extends Error {}

function isStoredTransferId(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return code === "SQLITE_CONSTRAINT_PRIMARYKEY" && message?.includes("transfers.id") === true;
}

function prepareStatements(sqlite: BetterSqlite3.Database) {
  return {
    selectTransfer: sqlite.prepare("select * from transfers where id = ?"),
    selectResolution: sqlite.prepare("select kind from transfers where pending_id = ?"),
    selectAccount: sqlite.prepare(
      `select a.id, a.participant_id, a.kind, a.currency, a.debit_limit, a.debits_posted,
              a.credits_posted, a.debits_pending, a.credits_pending, p.status
       from accounts a join participants p on p.id = a.participant_id where a.id = ?`,
    ),
    selectHead: sqlite.prepare("select seq, hash from journal_head where id = 1"),
    insertTransfers: sqliteTransferInsert(sqlite),
    updateBalances: sqlite.prepare(
      `update accounts set debits_posted = ?, credits_posted = ?, debits_pending = ?,
         credits_pending = ? where id = ?`,
    ),
    insertOpenPending: sqlite.prepare(
      "insert into open_pendings (transfer_id, expires_at) values (?, ?)",
    ),
    deleteOpenPending: sqlite.prepare("delete from open_pendings where transfer_id = ?"),
    insertJournal: sqlite.prepare(
      "insert into journal (seq, prev_hash, hash, transfer_count, created_at) values (?, ?, ?, ?, ?)",
    ),
    updateHead: sqlite.prepare("update journal_head set seq = ?, hash = ? where id = 1"),
    insertDetail: sqlite.prepare(
      `insert into transfer_details (transfer_id, initiator_id, payer_id, payee_id, request_hash,
         parties, created_at) values (?, ?, ?, ?, ?, ?, ?)`,
    ),
    selectEndpoints: sqlite.prepare(
      "select id, event_types from webhook_endpoints where participant_id = ?",
    ),
    insertDelivery: sqlite.prepare(
      `insert into webhook_deliveries (participant_id, endpoint_id, event_id, event_type, payload,
         status, next_attempt_at, created_at) values (?, ?, ?, ?, ?, 'pending', ?, ?)`,
    ),
  };
}
