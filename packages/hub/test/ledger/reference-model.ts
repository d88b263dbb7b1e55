/**
 * A deliberately simple, independent in-memory reference ledger for model-based tests.
 *
 * It shares no code with the batch engine (only types and documented constants): it processes
 * one transfer at a time, checks the documented rules in their documented precedence order (the
 * first rule that objects answers), and undoes a failed linked group by restoring a copy of the
 * whole state taken when the group began. Slow, obvious, and meant to stay so.
 */
import type { AccountKind } from "../../src/domain/ledger/account.ts";
import type { TransferResultCode } from "../../src/domain/ledger/result-code.ts";
import {
  expiryTransferId,
  type PostingRequest,
  pendingTimeoutMsMax,
  type ResolutionRequest,
  referenceLengthMax,
  type TransferKind,
  type TransferRequest,
  transferIdPattern,
} from "../../src/domain/ledger/transfer.ts";
import { amountMinorMax } from "../../src/domain/money/amount.ts";

export interface ModelAccount {
  readonly id: number;
  readonly participantId: string;
  readonly kind: AccountKind;
  readonly currency: string;
  /** null: no limit. */
  readonly debitLimit: bigint | null;
  debitsPosted: bigint;
  creditsPosted: bigint;
  debitsPending: bigint;
  creditsPending: bigint;
}

/** What the model remembers of an applied transfer: the fields idempotency compares, and expiry. */
export interface ModelTransfer {
  readonly id: string;
  readonly kind: TransferKind;
  readonly debitAccountId: number;
  readonly creditAccountId: number;
  readonly amount: bigint;
  readonly currency: string;
  readonly pendingId: string | null;
  readonly timeoutMs: number | null;
  readonly expiresAt: number | null;
  readonly reference: string | null;
  readonly linked: boolean;
}

interface State {
  accounts: Map<number, ModelAccount>;
  transfers: Map<string, ModelTransfer>;
  /** pending id → the kind of transfer (commit, void, expire) that resolved it. */
  resolvedBy: Map<string, TransferKind>;
}

/**
 * At most 128 UTF-16 code units, no control character (C0, DEL, C1), and well-formed UTF-16. A
 * string iterates by code point, yielding a lone surrogate as a code point of its own.
 */
function referenceValid(reference: string): boolean {
  if (reference.length > referenceLengthMax) return false;
  for (const character of reference) {
    const codePoint = character.codePointAt(0) as number;
    if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) return false;
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) return false;
  }
  return true;
}

function copyState(state: State): State {
  return {
    accounts: new Map([...state.accounts].map(([id, account]) => [id, { ...account }])),
    transfers: new Map(state.transfers),
    resolvedBy: new Map(state.resolvedBy),
  };
}

export class ReferenceLedger {
  private state: State;
  /** participant id → whether it may send and receive new postings. */
  private readonly active = new Map<string, boolean>();

  constructor(
    accounts: Iterable<ModelAccount>,
    participants: Iterable<readonly [string, boolean]>,
    /** The clock the ledger sees; the test advances it. */
    public now: number,
  ) {
    this.state = {
      accounts: new Map([...accounts].map((account) => [account.id, { ...account }])),
      transfers: new Map(),
      resolvedBy: new Map(),
    };
    for (const [id, isActive] of participants) this.active.set(id, isActive);
  }

  setParticipantActive(participantId: string, isActive: boolean): void {
    this.active.set(participantId, isActive);
  }

  /** Every account, by id. */
  accounts(): ModelAccount[] {
    return [...this.state.accounts.values()]
      .map((account) => ({ ...account }))
      .sort((a, b) => a.id - b.id);
  }

  transfer(id: string): ModelTransfer | undefined {
    return this.state.transfers.get(id);
  }

  /** Pending transfers neither committed, voided nor expired. */
  openPendingIds(): string[] {
    return [...this.state.transfers.values()]
      .filter((t) => t.kind === "pending" && !this.state.resolvedBy.has(t.id))
      .map((t) => t.id)
      .sort();
  }

  /** What the expiry job would do now: expire every open pending whose timeout passed. */
  sweep(): number {
    const due = [...this.state.transfers.values()].filter(
      (t) =>
        t.kind === "pending" &&
        !this.state.resolvedBy.has(t.id) &&
        t.expiresAt !== null &&
        t.expiresAt <= this.now,
    );
    if (due.length === 0) return 0;
    const results = this.submit(
      due.map((t) => ({ kind: "expire", id: expiryTransferId(t.id), pendingId: t.id })),
    );
    return results.filter((code) => code === "ok").length;
  }

  /**
   * One caller's submission. A linked group is a run of `linked` requests plus the request
   * after it; it is applied all-or-nothing. A group still open at the end of the submission is
   * refused unevaluated.
   */
  submit(requests: readonly TransferRequest[]): TransferResultCode[] {
    let openFrom = requests.length;
    while (openFrom > 0 && requests[openFrom - 1]?.linked === true) openFrom--;

    const results: TransferResultCode[] = [];
    let index = 0;
    while (index < openFrom) {
      let end = index;
      while (requests[end]?.linked === true) end++;
      const group = requests.slice(index, end + 1);
      results.push(
        ...(group.length === 1
          ? [this.applyOne(group[0] as TransferRequest)]
          : this.applyGroup(group)),
      );
      index = end + 1;
    }
    const open = requests.length - openFrom;
    for (let i = 0; i < open; i++) {
      results.push(i === open - 1 ? "linked_event_chain_open" : "linked_event_failed");
    }
    return results;
  }

  private applyGroup(group: readonly TransferRequest[]): TransferResultCode[] {
    const saved = copyState(this.state);
    for (let i = 0; i < group.length; i++) {
      const code = this.applyOne(group[i] as TransferRequest);
      if (code !== "ok") {
        this.state = saved;
        return group.map((_, j) => (j === i ? code : "linked_event_failed"));
      }
    }
    return group.map(() => "ok");
  }

  /** The first rule, in the documented precedence order, that objects to `request` answers. */
  private check(request: TransferRequest): TransferResultCode {
    // Request validity, independent of state.
    if (request.kind === "expire") {
      if (request.id !== expiryTransferId(request.pendingId)) return "id_invalid";
    } else if (!transferIdPattern.test(request.id)) {
      return "id_invalid";
    }
    if (isPosting(request)) {
      if (!(request.amount > 0n)) return "amount_must_be_positive";
      if (request.debitAccountId === request.creditAccountId) return "accounts_must_be_different";
      if (!timeoutValid(request)) return "timeout_invalid";
    }
    if (request.reference !== undefined && !referenceValid(request.reference)) {
      return "reference_invalid";
    }
    // Idempotency.
    const existing = this.state.transfers.get(request.id);
    if (existing !== undefined) {
      return sameFields(request, existing) ? "exists" : "exists_with_different_fields";
    }
    if (isPosting(request)) {
      const debit = this.state.accounts.get(request.debitAccountId);
      const credit = this.state.accounts.get(request.creditAccountId);
      if (debit === undefined || credit === undefined) return "account_not_found";
      if (debit.currency !== request.currency || credit.currency !== request.currency) {
        return "currency_mismatch";
      }
      if (!this.isActive(debit) || !this.isActive(credit)) return "participant_inactive";
      // Debits and credits (posted + reserved) must stay within a signed 64-bit column.
      if (
        debit.debitsPosted + debit.debitsPending + request.amount > amountMinorMax ||
        credit.creditsPosted + credit.creditsPending + request.amount > amountMinorMax
      ) {
        return "balance_overflow";
      }
      if (debit.debitLimit !== null) {
        const netDebit = debit.debitsPosted + debit.debitsPending - debit.creditsPosted;
        if (netDebit + request.amount > debit.debitLimit) {
          return debit.kind === "position" ? "exceeds_net_debit_cap" : "insufficient_liquidity";
        }
      }
      return "ok";
    }
    // Commit, void, expire: resolvable exactly once, commit/void before the timeout, expire after.
    const pending = this.state.transfers.get(request.pendingId);
    if (pending === undefined || pending.kind !== "pending") return "pending_not_found";
    const resolvedBy = this.state.resolvedBy.get(pending.id);
    if (resolvedBy === "commit") return "already_committed";
    if (resolvedBy === "void") return "already_voided";
    if (resolvedBy === "expire") return "pending_expired";
    const expired = pending.expiresAt !== null && this.now >= pending.expiresAt;
    if (request.kind === "expire") return expired ? "ok" : "pending_not_expired";
    return expired ? "pending_expired" : "ok";
  }

  private applyOne(request: TransferRequest): TransferResultCode {
    const code = this.check(request);
    if (code !== "ok") return code;
    if (isPosting(request)) this.post(request);
    else this.resolve(request);
    return "ok";
  }

  private isActive(account: ModelAccount): boolean {
    const isActive = this.active.get(account.participantId);
    if (isActive === undefined) {
      throw new Error(`model: status of participant ${account.participantId} unknown`);
    }
    return isActive;
  }

  private post(request: PostingRequest): void {
    const debit = this.state.accounts.get(request.debitAccountId) as ModelAccount;
    const credit = this.state.accounts.get(request.creditAccountId) as ModelAccount;
    if (request.kind === "posted") {
      debit.debitsPosted += request.amount;
      credit.creditsPosted += request.amount;
    } else {
      debit.debitsPending += request.amount;
      credit.creditsPending += request.amount;
    }
    const timeoutMs = request.kind === "pending" ? (request.timeoutMs ?? null) : null;
    this.state.transfers.set(request.id, {
      id: request.id,
      kind: request.kind,
      debitAccountId: request.debitAccountId,
      creditAccountId: request.creditAccountId,
      amount: request.amount,
      currency: request.currency,
      pendingId: null,
      timeoutMs,
      expiresAt: timeoutMs === null ? null : this.now + timeoutMs,
      reference: request.reference ?? null,
      linked: request.linked === true,
    });
  }

  private resolve(request: ResolutionRequest): void {
    const pending = this.state.transfers.get(request.pendingId) as ModelTransfer;
    const debit = this.state.accounts.get(pending.debitAccountId) as ModelAccount;
    const credit = this.state.accounts.get(pending.creditAccountId) as ModelAccount;
    debit.debitsPending -= pending.amount;
    credit.creditsPending -= pending.amount;
    if (request.kind === "commit") {
      debit.debitsPosted += pending.amount;
      credit.creditsPosted += pending.amount;
    }
    this.state.resolvedBy.set(pending.id, request.kind);
    this.state.transfers.set(request.id, {
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
  }
}

function isPosting(request: TransferRequest): request is PostingRequest {
  return request.kind === "posted" || request.kind === "pending";
}

/** A pending transfer needs a whole number of milliseconds in 1..pendingTimeoutMsMax; a posted one none. */
function timeoutValid(request: PostingRequest): boolean {
  const timeoutMs = request.timeoutMs;
  if (request.kind === "posted") return timeoutMs === undefined;
  return (
    typeof timeoutMs === "number" &&
    Number.isInteger(timeoutMs) &&
    timeoutMs >= 1 &&
    timeoutMs <= pendingTimeoutMsMax
  );
}

/** Idempotency: a retry must repeat every field the client chose. */
function sameFields(request: TransferRequest, stored: ModelTransfer): boolean {
  const common =
    request.kind === stored.kind &&
    (request.reference ?? null) === stored.reference &&
    (request.linked === true) === stored.linked;
  if (!common) return false;
  if (isPosting(request)) {
    return (
      request.debitAccountId === stored.debitAccountId &&
      request.creditAccountId === stored.creditAccountId &&
      request.amount === stored.amount &&
      request.currency === stored.currency &&
      (request.timeoutMs ?? null) === stored.timeoutMs
    );
  }
  return request.pendingId === stored.pendingId;
}
