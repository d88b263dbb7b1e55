import { amountMinorMax } from "../money/amount.ts";
import { type AccountState, exposure } from "./account.ts";
import { type JournalEntry, type JournalHead, nextJournalEntry } from "./journal.ts";
import type { TransferResultCode } from "./result-code.ts";
import {
  expiryTransferId,
  isResolution,
  type PostingRequest,
  pendingTimeoutMsMax,
  type ResolutionRequest,
  referenceLengthMax,
  type StoredTransfer,
  type TransferKind,
  type TransferRequest,
  transferIdPattern,
} from "./transfer.ts";

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

function validate(request: TransferRequest): TransferResultCode | null {
  if (request.kind === "expire") {
    if (request.id !== expiryTransferId(request.pendingId)) return "id_invalid";
  } else if (!transferIdPattern.test(request.id)) {
    return "id_invalid";
  }
  if (request.kind === "posted" || request.kind === "pending") {
    if (request.amount <= 0n) return "amount_must_be_positive";
    if (request.debitAccountId === request.creditAccountId) return "accounts_must_be_different";
    if (!validTimeout(request)) return "timeout_invalid";
  }
  if (request.reference !== undefined && !validReference(request.reference)) {
    return "reference_invalid";
  }
  return null;
}

/** In a `u` regular expression \p{Cs} matches only unpaired surrogates; paired ones form a code point. */
const unstorableCharacter = /\p{Cc}|\p{Cs}/u;

/** What the databases store byte for byte, so a retry compares equal and the journal hash holds. */
function validReference(reference: string): boolean {
  return reference.length <= referenceLengthMax && !unstorableCharacter.test(reference);
}

function validTimeout(request: PostingRequest): boolean {
  if (request.kind === "posted") return request.timeoutMs === undefined;
  const timeoutMs = request.timeoutMs;
  return (
    timeoutMs !== undefined &&
    Number.isSafeInteger(timeoutMs) &&
    timeoutMs > 0 &&
    timeoutMs <= pendingTimeoutMsMax
  );
}

/** Idempotency compares the fields the client chose, as TigerBeetle does, not a hash of them. */
function sameFields(request: TransferRequest, stored: StoredTransfer): boolean {
  if (request.kind !== stored.kind) return false;
  if ((request.reference ?? null) !== stored.reference) return false;
  if ((request.linked === true) !== stored.linked) return false;
  if (isResolution(request)) return request.pendingId === stored.pendingId;
  return (
    request.debitAccountId === stored.debitAccountId &&
    request.creditAccountId === stored.creditAccountId &&
    request.amount === stored.amount &&
    request.currency === stored.currency &&
    (request.timeoutMs ?? null) === stored.timeoutMs
  );
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

function assertNonNegative(account: AccountState): void {
  if (
    account.debitsPosted < 0n ||
    account.creditsPosted < 0n ||
    account.debitsPending < 0n ||
    account.creditsPending < 0n
  ) {
    throw new Error(`account ${account.id} balance went negative`);
  }
}

interface Balances {
  readonly debitsPosted: bigint;
  readonly creditsPosted: bigint;
  readonly debitsPending: bigint;
  readonly creditsPending: bigint;
}

function balancesOf(account: AccountState): Balances {
  const { debitsPosted, creditsPosted, debitsPending, creditsPending } = account;
  return { debitsPosted, creditsPosted, debitsPending, creditsPending };
}

/** Double entry: per currency, the batch added as much to debits as to credits, posted and pending. */
function assertBalanced(before: ReadonlyMap<AccountState, Balances>): void {
  const netByCurrency = new Map<string, { posted: bigint; pending: bigint }>();
  for (const [account, was] of before) {
    const net = netByCurrency.get(account.currency) ?? { posted: 0n, pending: 0n };
    net.posted +=
      account.debitsPosted - was.debitsPosted - (account.creditsPosted - was.creditsPosted);
    net.pending +=
      account.debitsPending - was.debitsPending - (account.creditsPending - was.creditsPending);
    netByCurrency.set(account.currency, net);
  }
  for (const [currency, net] of netByCurrency) {
    if (net.posted !== 0n || net.pending !== 0n) {
      throw new Error(`batch does not balance in ${currency}`);
    }
  }
}
