import type { AccountBalances } from "../../app/ports/ledger-store.ts";
import type { AccountKind, AccountState } from "../../domain/ledger/account.ts";
import type { JournalEntry } from "../../domain/ledger/journal.ts";
import type {
  StoredTransfer,
  TransferKind,
  TransferRequest,
} from "../../domain/ledger/transfer.ts";

/** Both drivers may hand back an integer column as number or bigint; ids and times fit in a number. */
type Integer = number | bigint;

export interface TransferRow {
  id: string;
  kind: string;
  debit_account_id: Integer;
  credit_account_id: Integer;
  amount: Integer;
  currency: string;
  pending_id: string | null;
  timeout_ms: Integer | null;
  expires_at: Integer | null;
  reference: string | null;
  linked: Integer | boolean;
  batch_seq: Integer;
  batch_index: Integer;
  created_at: Integer;
}

export interface AccountRow {
  id: Integer;
  participant_id: string;
  kind: string;
  currency: string;
  debit_limit: Integer | null;
  debits_posted: Integer;
  credits_posted: Integer;
  debits_pending: Integer;
  credits_pending: Integer;
}

export interface JournalRow {
  seq: Integer;
  prev_hash: string;
  hash: string;
  transfer_count: Integer;
  created_at: Integer;
}

export const transferColumns = [
  "id",
  "kind",
  "debit_account_id",
  "credit_account_id",
  "amount",
  "currency",
  "pending_id",
  "timeout_ms",
  "expires_at",
  "reference",
  "linked",
  "batch_seq",
  "batch_index",
  "created_at",
] as const;

function nullableNumber(value: Integer | null): number | null {
  return value === null ? null : Number(value);
}

export function transferFromRow(row: TransferRow): StoredTransfer {
  return {
    id: row.id,
    kind: row.kind as TransferKind,
    debitAccountId: Number(row.debit_account_id),
    creditAccountId: Number(row.credit_account_id),
    amount: BigInt(row.amount),
    currency: row.currency,
    pendingId: row.pending_id,
    timeoutMs: nullableNumber(row.timeout_ms),
    expiresAt: nullableNumber(row.expires_at),
    reference: row.reference,
    linked: Number(row.linked) === 1,
    batchSeq: Number(row.batch_seq),
    batchIndex: Number(row.batch_index),
    createdAt: Number(row.created_at),
  };
}

export function balancesFromRow(row: AccountRow): AccountBalances {
  return {
    id: Number(row.id),
    participantId: row.participant_id,
    kind: row.kind as AccountKind,
    currency: row.currency,
    debitLimit: row.debit_limit === null ? null : BigInt(row.debit_limit),
    debitsPosted: BigInt(row.debits_posted),
    creditsPosted: BigInt(row.credits_posted),
    debitsPending: BigInt(row.debits_pending),
    creditsPending: BigInt(row.credits_pending),
  };
}

export function accountStateFromRow(row: AccountRow & { status: string }): AccountState {
  return { ...balancesFromRow(row), participantActive: row.status === "active" };
}

export function journalFromRow(row: JournalRow): JournalEntry {
  return {
    seq: Number(row.seq),
    prevHash: row.prev_hash,
    hash: row.hash,
    transferCount: Number(row.transfer_count),
    createdAt: Number(row.created_at),
  };
}

/** Account ids a batch touches: the posting requests' own, and those of the pendings it resolves. */
export function accountIdsOf(
  requests: readonly TransferRequest[],
  pendings: Iterable<StoredTransfer>,
): number[] {
  const ids = new Set<number>();
  for (const request of requests) {
    if (request.kind === "posted" || request.kind === "pending") {
      ids.add(request.debitAccountId);
      ids.add(request.creditAccountId);
    }
  }
  for (const pending of pendings) {
    ids.add(pending.debitAccountId);
    ids.add(pending.creditAccountId);
  }
  // Ids no account can have are left out: they answer account_not_found without a query.
  return [...ids].filter(isStorableAccountId).sort((a, b) => a - b);
}

/** Account ids are positive 32-bit integers (PostgreSQL `serial`). */
export const accountIdMax = 2 ** 31 - 1;

export function isStorableAccountId(id: number): boolean {
  return Number.isInteger(id) && id > 0 && id <= accountIdMax;
}
