import { amountMinorMax } from "../money/amount.ts";
import { type AccountState, exposure } from "./account.ts";
import {
  assertBalanced,
  assertNonNegative,
  type Balances,
  balancesOf,
} from "./balance-invariants.ts";
import { type JournalEntry, type JournalHead, nextJournalEntry } from "./journal.ts";
import type { TransferResultCode } from "./result-code.ts";
import {
  isResolution,
  type PostingRequest,
  type ResolutionRequest,
  type StoredTransfer,
  type TransferKind,
  type TransferRequest,
} from "./transfer.ts";
import { sameFields, validate } from "./transfer-validation.ts";

/** The most transfers one batch may carry; bounds memory and the time locks are held. */
export const batchSizeMax = 8190;

/** What the store loaded and locked for one batch. The engine mutates `accounts` in place. */
export interface LedgerSnapshot {
  readonly accounts: ReadonlyMap<number, AccountState>;
  /** Stored transfers whose id is a request id or a requested `pendingId`. */
  readonly transfers: ReadonlyMap<string, StoredTransfer>;
  /** For each requested `pendingId` already resolved: the kind that resolved it. */
  readonly resolutions: ReadonlyMap<string, TransferKind>;
  readonly journalHead: JournalHead;
  readonly now: number;
}

export interface BatchOutcome {
  readonly results: TransferResultCode[];
  readonly created: StoredTransfer[];
  readonly changedAccounts: AccountState[];
  /** Pending transfers created here and still open at the end of the batch. */
  readonly openedPendings: StoredTransfer[];
  /** Pending transfers from earlier batches that this batch resolved. */
  readonly closedPendingIds: string[];
  readonly journal: JournalEntry | null;
}

/**
 * Where a linked group that never ends begins: the run of linked requests at the tail of the
 * batch. Such a group is refused whole, unevaluated. Returns `requests.length` if there is none.
 */
export function openChainStart(requests: readonly TransferRequest[]): number {
  if (requests[requests.length - 1]?.linked !== true) return requests.length;
  let start = requests.length - 1;
  while (start > 0 && requests[start - 1]?.linked === true) start--;
  return start;
}

/** The results of an open group of `size` requests: the last one names the cause. */
export function openChainResults(size: number): TransferResultCode[] {
  if (size === 0) return [];
  return [
    ...Array<TransferResultCode>(size - 1).fill("linked_event_failed"),
    "linked_event_chain_open",
  ];
}

/** The ids every request of a batch needs loaded: its own id and the pending it resolves. */
export function referencedTransferIds(requests: readonly TransferRequest[]): string[] {
  const ids = new Set<string>();
  for (const request of requests) {
    ids.add(request.id);
    if (isResolution(request)) ids.add(request.pendingId);
  }
  return [...ids];
}

/**
 * Applies a batch in order, as if each transfer were alone, and returns one result per
 * request. Pure: all I/O happens in the store before (load and lock) and after (write).
 */
export function applyBatch(
  snapshot: LedgerSnapshot,
  requests: readonly TransferRequest[],
): BatchOutcome {
  if (requests.length > batchSizeMax) throw new Error("batch larger than batchSizeMax");
  return new BatchRun(snapshot).run(requests);
}

type Sign = 1n | -1n;

class BatchRun {
  private readonly results: TransferResultCode[] = [];
  private readonly created: StoredTransfer[] = [];
  private readonly createdById = new Map<string, StoredTransfer>();
  private readonly resolvedInBatch = new Map<string, TransferKind>();
  /** Each touched account's balances as loaded, to prove the batch moved as much out as in. */
  private readonly before = new Map<AccountState, Balances>();
  private readonly journalSeq: number;
  /** Transfers applied by the open linked group, undone if any member fails. */
  private chainApplied: StoredTransfer[] = [];
  private chainStart = -1;

  constructor(private readonly snapshot: LedgerSnapshot) {
    this.journalSeq = snapshot.journalHead.seq + 1;
  }

  run(requests: readonly TransferRequest[]): BatchOutcome {
    const openStart = openChainStart(requests);
    for (let index = 0; index < openStart; index++) {
      const request = requests[index] as TransferRequest;
      if (request.linked === true && this.chainStart < 0) this.chainStart = index;
      const code = this.applyOne(request);
      this.results.push(code);
      if (code !== "ok" && this.chainStart >= 0) {
        index = this.failChain(requests, index);
      } else if (request.linked !== true) {
        this.chainStart = -1;
        this.chainApplied = [];
      }
    }
    this.results.push(...openChainResults(requests.length - openStart));
    return this.outcome();
  }

  /** Undoes the group's applied transfers and marks every other member failed; returns the group's last index. */
  private failChain(requests: readonly TransferRequest[], failedIndex: number): number {
    for (const transfer of this.chainApplied.reverse()) this.unapply(transfer);
    for (let index = this.chainStart; index < failedIndex; index++) {
      this.results[index] = "linked_event_failed";
    }
    let last = failedIndex;
    while (requests[last]?.linked === true) {
      last++;
      this.results.push("linked_event_failed");
    }
    this.chainStart = -1;
    this.chainApplied = [];
    return last;
  }

  private applyOne(request: TransferRequest): TransferResultCode {
    const invalid = validate(request);
    if (invalid !== null) return invalid;
    const existing = this.findTransfer(request.id);
    if (existing !== undefined) {
      return sameFields(request, existing) ? "exists" : "exists_with_different_fields";
    }
    return isResolution(request) ? this.resolve(request) : this.post(request);
  }

  private post(request: PostingRequest): TransferResultCode {
    const debit = this.snapshot.accounts.get(request.debitAccountId);
    const credit = this.snapshot.accounts.get(request.creditAccountId);
    if (debit === undefined || credit === undefined) return "account_not_found";
    if (debit.currency !== request.currency || credit.currency !== request.currency) {
      return "currency_mismatch";
    }
    if (!debit.participantActive || !credit.participantActive) return "participant_inactive";
    if (wouldOverflow(debit, credit, request.amount)) return "balance_overflow";
    const limitBreach = checkDebitLimit(debit, request.amount);
    if (limitBreach !== null) return limitBreach;
    const timeoutMs = request.kind === "pending" ? (request.timeoutMs ?? null) : null;
    this.record({
      id: request.id,
      kind: request.kind,
      debitAccountId: debit.id,
      creditAccountId: credit.id,
      amount: request.amount,
      currency: request.currency,
      pendingId: null,
      timeoutMs,
      expiresAt: timeoutMs === null ? null : this.snapshot.now + timeoutMs,
      reference: request.reference ?? null,
      linked: request.linked === true,
    });
    return "ok";
  }

  /** Commit, void or expire: the pending's amount leaves `pending` for `posted` or for nothing. */
  private resolve(request: ResolutionRequest): TransferResultCode {
    const pending = this.findTransfer(request.pendingId);
    if (pending === undefined || pending.kind !== "pending") return "pending_not_found";
    const resolvedBy =
      this.resolvedInBatch.get(pending.id) ?? this.snapshot.resolutions.get(pending.id);
    if (resolvedBy !== undefined) return resolvedCode(resolvedBy);
    const expired = this.snapshot.now >= (pending.expiresAt ?? Number.POSITIVE_INFINITY);
    if (request.kind === "expire" && !expired) return "pending_not_expired";
    if (request.kind !== "expire" && expired) return "pending_expired";
    this.record({
      id: request.id,
      kind: request.kind,
      debitAccountId: pending.debitAccountId,
      creditAccountId: pending.creditAccountId,
      amount: pending.amount,
      currency: pending.currency,
      pendingId: pending.id,
      timeoutMs: null,
      expiresAt: null,
      reference: request.reference ?? null,
      linked: request.linked === true,
    });
    return "ok";
  }

  private record(fields: Omit<StoredTransfer, "batchSeq" | "batchIndex" | "createdAt">): void {
    // Field by field, not `{ ...fields }`: the spread copy left V8 with slow-mode objects that
    // made every later read of the transfer (balances, hashing, encoding) five times slower.
    const transfer: StoredTransfer = {
      id: fields.id,
      kind: fields.kind,
      debitAccountId: fields.debitAccountId,
      creditAccountId: fields.creditAccountId,
      amount: fields.amount,
      currency: fields.currency,
      pendingId: fields.pendingId,
      timeoutMs: fields.timeoutMs,
      expiresAt: fields.expiresAt,
      reference: fields.reference,
      linked: fields.linked,
      batchSeq: this.journalSeq,
      batchIndex: this.created.length,
      createdAt: this.snapshot.now,
    };
    this.created.push(transfer);
    this.createdById.set(transfer.id, transfer);
    if (transfer.pendingId !== null) this.resolvedInBatch.set(transfer.pendingId, transfer.kind);
    this.applyBalances(transfer, 1n);
    if (this.chainStart >= 0) this.chainApplied.push(transfer);
  }

  /** A linked group's transfers are always the newest ones, so undoing them pops the tail. */
  private unapply(transfer: StoredTransfer): void {
    if (this.created.pop() !== transfer) throw new Error("linked group undone out of order");
    this.applyBalances(transfer, -1n);
    this.createdById.delete(transfer.id);
    if (transfer.pendingId !== null) this.resolvedInBatch.delete(transfer.pendingId);
  }

  private applyBalances(transfer: StoredTransfer, sign: Sign): void {
    const debit = this.snapshot.accounts.get(transfer.debitAccountId);
    const credit = this.snapshot.accounts.get(transfer.creditAccountId);
    if (debit === undefined || credit === undefined) {
      throw new Error(`accounts of transfer ${transfer.id} were not loaded`);
    }
    if (!this.before.has(debit)) this.before.set(debit, balancesOf(debit));
    if (!this.before.has(credit)) this.before.set(credit, balancesOf(credit));
    const amount = transfer.amount * sign;
    if (transfer.kind === "posted") {
      debit.debitsPosted += amount;
      credit.creditsPosted += amount;
    } else if (transfer.kind === "pending") {
      debit.debitsPending += amount;
      credit.creditsPending += amount;
    } else {
      debit.debitsPending -= amount;
      credit.creditsPending -= amount;
      if (transfer.kind === "commit") {
        debit.debitsPosted += amount;
        credit.creditsPosted += amount;
      }
    }
    assertNonNegative(debit);
    assertNonNegative(credit);
  }

  private findTransfer(id: string): StoredTransfer | undefined {
    return this.createdById.get(id) ?? this.snapshot.transfers.get(id);
  }

  private outcome(): BatchOutcome {
    const openedPendings = new Map<string, StoredTransfer>();
    const closedPendingIds: string[] = [];
    for (const transfer of this.created) {
      if (transfer.kind === "pending") openedPendings.set(transfer.id, transfer);
      else if (transfer.pendingId !== null && !openedPendings.delete(transfer.pendingId)) {
        closedPendingIds.push(transfer.pendingId);
      }
    }
    const journal =
      this.created.length === 0
        ? null
        : nextJournalEntry(this.snapshot.journalHead, this.created, this.snapshot.now);
    assertBalanced(this.before);
    return {
      results: this.results,
      created: this.created,
      changedAccounts: [...this.before.keys()],
      openedPendings: [...openedPendings.values()],
      closedPendingIds,
      journal,
    };
  }
}

/** Commits and voids only move amounts already counted, so only new postings can overflow. */
function wouldOverflow(debit: AccountState, credit: AccountState, amount: bigint): boolean {
  return (
    debit.debitsPosted + debit.debitsPending + amount > amountMinorMax ||
    credit.creditsPosted + credit.creditsPending + amount > amountMinorMax
  );
}

function checkDebitLimit(debit: AccountState, amount: bigint): TransferResultCode | null {
  if (debit.debitLimit === null) return null;
  if (exposure(debit) + amount <= debit.debitLimit) return null;
  return debit.kind === "position" ? "exceeds_net_debit_cap" : "insufficient_liquidity";
}

function resolvedCode(kind: TransferKind): TransferResultCode {
  if (kind === "commit") return "already_committed";
  if (kind === "void") return "already_voided";
  return "pending_expired";
}
