import type { BankOperation } from "../../domain/bank-operations/bank-operation.ts";
import { isSettled } from "../../domain/bank-operations/bank-operation.ts";
import { bankOperationEvent } from "../../domain/bank-operations/bank-operation-event.ts";
import {
  applyOutcome,
  type BankOperationOutcome,
} from "../../domain/bank-operations/bank-operation-outcome.ts";
import type { FeeTransactionType } from "../../domain/fees/fee-schedule.ts";
import { transferResultCodes } from "../../domain/ledger/result-code.ts";
import type { PostingRequest } from "../../domain/ledger/transfer.ts";
import type { BankEndpointRouter, RouteOutcome } from "../banks/bank-endpoint-router.ts";
import { type BankCall, bankUnwell } from "../banks/guarded-bank-call.ts";
import type { ParticipantCall } from "../calls/guarded-call.ts";
import {
  type EndpointChoice,
  type OperationKind,
  type OperationRefusal,
  OperationRunner,
} from "../calls/operation-runner.ts";
import { resolveReservation } from "../calls/reserved-clearing.ts";
import { type FeePostings, transactionCode, withFee } from "../fees/fee-postings.ts";
import type { GroupCommit } from "../ledger/group-commit.ts";
import type { AgreementStore } from "../ports/agreement-store.ts";
import type { BankConnector, TransactionOutcome } from "../ports/bank-connector.ts";
import type { BankOperationStore } from "../ports/bank-operation-store.ts";
import type { EndpointGuard } from "../ports/endpoint-guard.ts";
import type { ParticipantCallLog } from "../ports/participant-call-log.ts";
import type { ParticipantStore } from "../ports/participant-store.ts";

export interface BankOperationTimings {
  /**
   * How long the ledger reservation holds. It must outlast the time to resolve an unknown
   * outcome: a day, against inquiries that back off to `inquiryDelayCapMs`. Should a bank stay
   * silent longer and the reservation expire, a later success is still recorded (see settle).
   */
  readonly reservationTimeoutMs: number;
  /**
   * When an operation still `processing` (its call under way, or its node gone) is first asked
   * about: past the longest endpoint timeout, so an inquiry does not race a live call.
   */
  readonly callGraceMs: number;
  readonly firstInquiryDelayMs: number;
  readonly inquiryDelayCapMs: number;
}

export const bankOperationTimingsDefaults: BankOperationTimings = {
  reservationTimeoutMs: 24 * 60 * 60 * 1000,
  callGraceMs: 130_000,
  firstInquiryDelayMs: 1_000,
  inquiryDelayCapMs: 5 * 60 * 1000,
};

/** The ledger accounts an operation moves between: positions in its currency. */
interface OperationAccounts {
  readonly debitAccountId: number;
  readonly creditAccountId: number;
}

type BankOperationKey = [paymentInstitutionId: string, id: string];

const feeTransactionTypeOf: Readonly<Record<BankOperation["kind"], FeeTransactionType>> = {
  debit: "agreement_payment",
  credit: "payout",
  refund: "refund",
};

/** A bank call in the runner's terms: the address named by owner, the refusal by code. */
function asParticipantCall(
  call: BankCall<TransactionOutcome>,
): ParticipantCall<TransactionOutcome, OperationRefusal> {
  return (address, options) =>
    call({ bankId: address.ownerId, endpointId: address.endpointId, url: address.url }, options);
}

/**
 * Debits, credits and refunds as a kind of the operation runner: cleared by a ledger
 * reservation, committed on success and voided on failure, failed at once when nothing reached
 * the bank, and asked about by the bank's status inquiry.
 */
class BankOperationKind
  implements
    OperationKind<BankOperation, BankOperationKey, TransactionOutcome, BankOperationOutcome>
{
  readonly name = "bank";

  constructor(
    readonly store: BankOperationStore,
    private readonly agreements: AgreementStore,
    private readonly participants: ParticipantStore,
    private readonly ledger: GroupCommit,
    private readonly router: BankEndpointRouter,
    private readonly bank: BankConnector,
    readonly backoff: BankOperationTimings,
    private readonly fees: FeePostings | undefined,
  ) {}

  keyOf(operation: BankOperation): BankOperationKey {
    return [operation.paymentInstitutionId, operation.id];
  }

  isSettled(operation: BankOperation): boolean {
    return isSettled(operation.state);
  }

  transactionIdOf(operation: BankOperation): string {
    return operation.transactionId;
  }

  callNameOf(operation: BankOperation): string {
    return operation.kind;
  }

  /**
   * Reserves the amount in the ledger under the transaction's id, and the institution's fee with
   * it, linked: both or neither, so a fee that would pass the cap fails the operation before the
   * bank is called.
   */
  async clear(operation: BankOperation): Promise<BankOperationOutcome | undefined> {
    const accounts = await this.accountsFor(operation);
    if (accounts === undefined) return failed("currency_not_held", "a position is missing");
    const reservation: PostingRequest = {
      kind: "pending",
      id: operation.transactionId,
      ...accounts,
      amount: operation.amountMinor,
      currency: operation.currency,
      timeoutMs: this.backoff.reservationTimeoutMs,
      reference: `${operation.kind}:${operation.id}`,
      detail: {
        initiatorId: operation.paymentInstitutionId,
        ...this.parties(operation),
        requestHash: operation.requestHash,
        sealedParties: null,
      },
    };
    const fee = await this.feeOf(operation, reservation, accounts);
    const [own, feeCode] = await this.ledger.submit(withFee(reservation, fee));
    const reserved = transactionCode(own ?? "storage_unavailable", feeCode);
    if (reserved !== "ok" && reserved !== "exists") {
      return failed(reserved, transferResultCodes[reserved].meaning);
    }
    return undefined;
  }

  /** An operation quoting an agreement follows it; others go to the bank's primary. */
  async endpointFor(operation: BankOperation): Promise<EndpointChoice> {
    return this.route(operation);
  }

  /** Nothing reached the bank, so it recorded nothing: the operation fails at once. */
  whenNotSent(_operation: BankOperation, detail: string): BankOperationOutcome {
    return failed("bank_unavailable", detail);
  }

  outcomeOfAnswer(answer: TransactionOutcome): BankOperationOutcome {
    return outcomeOfAnswer(answer);
  }

  outcomeOfRefusal(refusal: OperationRefusal): BankOperationOutcome {
    return outcomeOfRefusal(refusal);
  }

  unwell(refusal: OperationRefusal): boolean {
    return bankUnwell(refusal);
  }

  takeUp(operation: BankOperation) {
    return { by: "inquiry" as const, call: this.inquiryCall(operation) };
  }

  inquiryCall(operation: BankOperation): ParticipantCall<TransactionOutcome, OperationRefusal> {
    const { transactionId } = operation;
    return asParticipantCall((e, o) => this.bank.inquire(e, { transactionId }, o));
  }

  /**
   * Commits the reservation on success, voids it on failure. A success after the reservation
   * expired is posted as a transfer of its own, because the bank moved the money and the ledger
   * must say so.
   */
  async resolve(operation: BankOperation, outcome: BankOperationOutcome): Promise<void> {
    const kind = outcome.kind === "succeeded" ? "commit" : "void";
    const withFee = operation.feeMinor !== null;
    const resolved = await resolveReservation(this.ledger, kind, operation.transactionId, withFee);
    if (resolved === "gone") return this.postLateSuccess(operation);
    if (resolved === "committed") {
      throw new Error(`void of ${operation.transactionId} found it committed`);
    }
  }

  apply(
    operation: BankOperation,
    outcome: BankOperationOutcome,
    at: number,
    nextInquiryAt: number,
  ): BankOperation | undefined {
    const next = applyOutcome(operation, outcome, at, nextInquiryAt);
    return next.ok ? next.operation : undefined;
  }

  events(settled: BankOperation) {
    return [bankOperationEvent(settled)];
  }

  private async postLateSuccess(operation: BankOperation): Promise<void> {
    const accounts = await this.accountsFor(operation);
    if (accounts === undefined) throw new Error(`positions of ${operation.id} vanished`);
    const late: PostingRequest = {
      kind: "posted",
      id: `${operation.transactionId}.late`,
      ...accounts,
      amount: operation.amountMinor,
      currency: operation.currency,
      reference: `${operation.kind}:${operation.id}:late`,
    };
    // The bank moved the money, so the ledger must say so even if the fee cannot be charged
    // now: the fee goes beside the late posting, not linked to it.
    const fee = await this.feeOf(operation, late, accounts);
    const [code = "storage_unavailable"] = await this.ledger.submit(
      fee === null ? [late] : [late, fee],
    );
    if (code !== "ok" && code !== "exists") {
      throw new Error(`late posting of ${operation.transactionId} answered ${code}`);
    }
  }

  /** The fee transfer of the operation's posting or reservation, from the institution's position. */
  private async feeOf(
    operation: BankOperation,
    posting: PostingRequest,
    accounts: OperationAccounts,
  ): Promise<PostingRequest | null> {
    if (operation.feeMinor === null || this.fees === undefined) return null;
    const institutionAccountId =
      operation.kind === "debit" ? accounts.creditAccountId : accounts.debitAccountId;
    return this.fees.postingOf(posting, operation.feeMinor, institutionAccountId);
  }

  /** Debits run from the bank's position to the institution's; credits and refunds back. */
  private parties(operation: BankOperation): { payerId: string; payeeId: string } {
    return operation.kind === "debit"
      ? { payerId: operation.bankId, payeeId: operation.paymentInstitutionId }
      : { payerId: operation.paymentInstitutionId, payeeId: operation.bankId };
  }

  private async accountsFor(operation: BankOperation): Promise<OperationAccounts | undefined> {
    const { payerId, payeeId } = this.parties(operation);
    const [payer, payee] = await Promise.all([
      this.participants.findAccount(payerId, operation.currency, "position"),
      this.participants.findAccount(payeeId, operation.currency, "position"),
    ]);
    if (payer === undefined || payee === undefined) return undefined;
    return { debitAccountId: payer.id, creditAccountId: payee.id };
  }

  private async route(operation: BankOperation): Promise<RouteOutcome> {
    if (operation.agreementId === null) return this.router.forNewSigning(operation.bankId);
    const agreement = await this.agreements.find(
      operation.paymentInstitutionId,
      operation.agreementId,
    );
    if (agreement === undefined) return { ok: false, code: "bank_endpoint_not_found" };
    return this.router.forAgreement(agreement.bankId, {
      id: `${agreement.paymentInstitutionId}:${agreement.id}`,
      pinnedEndpointId: agreement.pinnedEndpointId,
    });
  }
}

/**
 * The one state machine of every debit, credit and refund: the operation runner
 * (calls/operation-runner.ts, whose header argues its crash safety) with the bank kind above:
 * reserve in the ledger, call the bank through the guard, then commit on success, void on
 * failure, or leave the outcome `unknown` for an inquiry. The ledger is written before the
 * state, and each ledger step has an id derived from the transaction's, so a crash between the
 * two is repaired by doing both again: the ledger answers `exists`, the state is written once.
 */
export class BankOperationRunner {
  readonly runner: OperationRunner<
    BankOperation,
    BankOperationKey,
    TransactionOutcome,
    BankOperationOutcome
  >;
  private readonly kind: BankOperationKind;

  constructor(
    store: BankOperationStore,
    agreements: AgreementStore,
    participants: ParticipantStore,
    ledger: GroupCommit,
    router: BankEndpointRouter,
    guard: EndpointGuard,
    bank: BankConnector,
    readonly timings: BankOperationTimings,
    callLog: ParticipantCallLog = { record: async () => undefined },
    clock: () => number = Date.now,
    /** Where operations are priced and their fees posted; none are charged without it. */
    private readonly fees?: FeePostings | undefined,
  ) {
    this.kind = new BankOperationKind(
      store,
      agreements,
      participants,
      ledger,
      router,
      bank,
      timings,
      fees,
    );
    this.runner = new OperationRunner(this.kind, guard, callLog, clock);
  }

  /**
   * The operation with its fee, priced once before it is recorded: the institution that
   * initiates it pays, whichever way the money moves.
   */
  async priced(operation: BankOperation): Promise<BankOperation> {
    if (this.fees === undefined) return operation;
    const feeMinor = await this.fees.priceOf(
      feeTransactionTypeOf[operation.kind],
      operation.paymentInstitutionId,
      operation.currency,
      operation.amountMinor,
    );
    return { ...operation, feeMinor };
  }

  /** Runs a freshly recorded operation to the end of its call. */
  run(operation: BankOperation, call: BankCall<TransactionOutcome>): Promise<BankOperation> {
    return this.runner.run(operation, asParticipantCall(call));
  }

  /** Asks the bank where the operation stands, and applies the answer. */
  inquire(operation: BankOperation): Promise<BankOperation> {
    return this.runner.inquire(operation, this.kind.inquiryCall(operation));
  }

  /** Applies an outcome learnt elsewhere (the bank's notice): the same settle as a call's. */
  settle(operation: BankOperation, outcome: BankOperationOutcome): Promise<BankOperation> {
    return this.runner.settle(operation, outcome);
  }
}

function failed(code: string, text: string): BankOperationOutcome {
  return { kind: "failed", code, text };
}

export function outcomeOfAnswer(answer: TransactionOutcome): BankOperationOutcome {
  switch (answer.status) {
    case "succeeded":
      return {
        kind: "succeeded",
        bankReference: answer.bankReference,
        completedAt: answer.completedAtMs,
      };
    case "failed":
      return failed(answer.reason, answer.reasonText);
    case "pending":
      return { kind: "pending" };
  }
}

/**
 * What a refusal says about the money. A refusal moved nothing (the bank recorded nothing), so
 * it fails at once; a refusal of the id as reused says an earlier request under it stands, so
 * only an inquiry can tell.
 */
function outcomeOfRefusal(refusal: OperationRefusal): BankOperationOutcome {
  if (refusal.code === "idempotency_key_reused") return { kind: "unknown" };
  if (refusal.code === "bank_busy") return failed("bank_unavailable", refusal.reason);
  return failed(refusal.code, refusal.reason);
}
