import {
  type BarcodePayment,
  clearingOf,
  clearingTransferOf,
  isBarcodePaymentSettled,
} from "../../domain/barcode/barcode-payment.ts";
import { barcodePaymentEvents } from "../../domain/barcode/barcode-payment-event.ts";
import {
  applyCodePaymentResult,
  type CodePaymentResult,
} from "../../domain/barcode/code-payment-outcome.ts";
import { transferResultCodes } from "../../domain/ledger/result-code.ts";
import type { PostingRequest } from "../../domain/ledger/transfer.ts";
import { findCurrency } from "../../domain/money/currency.ts";
import type { BarcodeLimitService } from "../barcode-limits/barcode-limit-service.ts";
import type { ParticipantCall } from "../calls/guarded-call.ts";
import type {
  EndpointChoice,
  OperationKind,
  OperationRefusal,
  TakeUpBackoff,
} from "../calls/operation-runner.ts";
import { resolveReservation } from "../calls/reserved-clearing.ts";
import type { GroupCommit } from "../ledger/group-commit.ts";
import type { PositionAccounts } from "../participants/position-accounts.ts";
import type { BarcodePaymentKey, BarcodePaymentStore } from "../ports/barcode-payment-store.ts";
import type {
  CodePaymentCall,
  CodePaymentOutcome,
  WalletConnector,
} from "../ports/wallet-connector.ts";

export interface CodePaymentTimings extends TakeUpBackoff {
  /** How long the reservation holds: past the longest an unknown outcome takes to settle. */
  readonly reservationTimeoutMs: number;
  /** When a payment still `authorising` (its node gone) is first asked about: past any call. */
  readonly callGraceMs: number;
}

export const codePaymentTimingsDefaults: CodePaymentTimings = {
  reservationTimeoutMs: 24 * 60 * 60 * 1000,
  callGraceMs: 130_000,
  firstInquiryDelayMs: 1_000,
  inquiryDelayCapMs: 5 * 60 * 1000,
};

export interface CodePaymentKindDeps {
  readonly store: BarcodePaymentStore;
  readonly wallet: WalletConnector;
  readonly endpointFor: (issuerId: string) => Promise<EndpointChoice>;
  readonly positions: PositionAccounts;
  readonly ledger: GroupCommit;
  readonly limits: Pick<BarcodeLimitService, "hold" | "release">;
  readonly timings: CodePaymentTimings;
}

/** What the issuer's answer says, in the runner's terms. */
export function resultOfAnswer(answer: CodePaymentOutcome): CodePaymentResult {
  switch (answer.status) {
    case "approved":
      return {
        kind: "succeeded",
        authorizationCode: answer.authorizationCode,
        customerRef: answer.customerRef,
        verificationLevel: answer.verificationLevel,
      };
    case "declined":
      return { kind: "failed", code: answer.reasonCode, reason: answer.reasonText };
    case "pending":
      return { kind: "pending" };
    case "reversed":
      return { kind: "failed", code: "reversed", reason: "", reversed: true };
  }
}

/**
 * Consumer-presented barcode payments as a kind of the operation runner: reserved issuer →
 * acquirer in the ledger, authorised by the issuer's wallet interface through the guard,
 * committed when approved within the customer's daily limit and voided otherwise, asked about
 * while unknown or pending. A payment to be undone (given up by the acquirer, or approved past
 * the limit) is `reversing`: its take-up sends the reversal again until the issuer confirms,
 * and then any money that moved is cleared back.
 *
 * The reversal and a late approval may race. The acquirer's reversal writes `reversing` before
 * it voids the reservation, so a commit that finds the reservation gone re-reads the payment
 * and posts nothing if it is being reversed; a void that finds it committed leaves the money to
 * be cleared back when the issuer confirms (`.back`, once, by its derived id).
 */
export class CodePaymentKind
  implements OperationKind<BarcodePayment, BarcodePaymentKey, CodePaymentOutcome, CodePaymentResult>
{
  readonly name = "barcode";
  readonly store: BarcodePaymentStore;
  readonly backoff: CodePaymentTimings;

  constructor(private readonly deps: CodePaymentKindDeps) {
    this.store = deps.store;
    this.backoff = deps.timings;
  }

  keyOf(payment: BarcodePayment): BarcodePaymentKey {
    return [payment.initiatorId, payment.id];
  }

  isSettled(payment: BarcodePayment): boolean {
    return isBarcodePaymentSettled(payment.state);
  }

  transactionIdOf(payment: BarcodePayment): string {
    return payment.paymentId;
  }

  callNameOf(payment: BarcodePayment): string {
    return payment.state === "reversing" ? "reversal" : "authorisation";
  }

  /** Reserves the amount issuer → acquirer under the payment's clearing id. */
  async clear(payment: BarcodePayment): Promise<CodePaymentResult | undefined> {
    const accounts = await this.accountsOf(payment);
    if (accounts === undefined) {
      return {
        kind: "failed",
        code: "payment_currency_unsupported",
        reason: "a position is missing",
      };
    }
    const reservation = clearingOf(payment, accounts, {
      timeoutMs: this.deps.timings.reservationTimeoutMs,
    });
    const [code = "storage_unavailable"] = await this.deps.ledger.submit([reservation]);
    if (code === "ok" || code === "exists") return undefined;
    return { kind: "failed", code, reason: transferResultCodes[code].meaning };
  }

  endpointFor(payment: BarcodePayment): Promise<EndpointChoice> {
    return this.deps.endpointFor(payment.issuerId);
  }

  /** Nothing reached the issuer: an authorisation fails at once; a reversal is sent again. */
  whenNotSent(payment: BarcodePayment, detail: string): CodePaymentResult | "retry" {
    if (payment.state === "reversing") return "retry";
    return { kind: "failed", code: "issuer_unavailable", reason: detail };
  }

  outcomeOfAnswer(answer: CodePaymentOutcome): CodePaymentResult {
    return resultOfAnswer(answer);
  }

  outcomeOfRefusal(refusal: OperationRefusal): CodePaymentResult {
    return { kind: "failed", code: `issuer_refused_${refusal.code}`, reason: refusal.reason };
  }

  unwell(refusal: OperationRefusal): boolean {
    return refusal.code === "wallet_busy";
  }

  takeUp(payment: BarcodePayment) {
    return payment.state === "reversing"
      ? { by: "call" as const, call: this.reversalCall(payment) }
      : { by: "inquiry" as const, call: this.inquiryCall(payment) };
  }

  /** The payment's own call: the authorisation, with the number the acquirer read. */
  authorisationCall(
    payment: CodePaymentCall,
  ): ParticipantCall<CodePaymentOutcome, OperationRefusal> {
    return (endpoint, options) => this.deps.wallet.authorize(endpoint, payment, options);
  }

  inquiryCall(payment: BarcodePayment): ParticipantCall<CodePaymentOutcome, OperationRefusal> {
    return (endpoint, options) => this.deps.wallet.inquire(endpoint, payment.paymentId, options);
  }

  reversalCall(payment: BarcodePayment): ParticipantCall<CodePaymentOutcome, OperationRefusal> {
    const currency = findCurrency(payment.currency);
    if (currency === undefined) throw new Error(`${payment.paymentId} has an unknown currency`);
    const reversal = { paymentId: payment.paymentId, amountMinor: payment.amountMinor, currency };
    return (endpoint, options) => this.deps.wallet.reverse(endpoint, reversal, options);
  }

  /**
   * An approval counts against the customer's daily limit at the level the customer verified;
   * past it, the payment is refused and undone at the issuer. The hold is keyed by the payment,
   * so an approval learnt twice holds once.
   */
  async vet(payment: BarcodePayment, result: CodePaymentResult): Promise<CodePaymentResult> {
    if (result.kind !== "succeeded" || payment.state === "reversing") return result;
    const held = await this.deps.limits.hold({
      paymentId: payment.paymentId,
      payerId: payment.issuerId,
      customerRef: result.customerRef,
      level: result.verificationLevel,
      amount: payment.amountMinor,
      currency: payment.currency,
      at: payment.createdAt,
    });
    if (held.ok) return result;
    return { kind: "failed", code: held.code, reason: "the customer's daily limit", reverse: true };
  }

  async resolve(payment: BarcodePayment, result: CodePaymentResult): Promise<void> {
    const pendingId = clearingTransferOf(payment);
    if (result.kind === "succeeded") {
      const resolved = await resolveReservation(this.deps.ledger, "commit", pendingId, false);
      if (resolved === "gone") await this.postLateUnlessReversing(payment);
      return;
    }
    const resolved = await resolveReservation(this.deps.ledger, "void", pendingId, false);
    if (result.kind !== "failed" || result.reversed !== true) return;
    // The issuer confirmed the reversal: whatever moved comes back, and the day's hold goes.
    if (resolved === "committed") await this.clearBack(payment);
    await this.deps.limits.release(payment.paymentId);
  }

  apply(payment: BarcodePayment, result: CodePaymentResult, at: number, nextInquiryAt: number) {
    return applyCodePaymentResult(payment, result, at, nextInquiryAt);
  }

  events(settled: BarcodePayment) {
    return barcodePaymentEvents(settled);
  }

  /**
   * The issuer charged the customer but the reservation expired first: the money must still
   * move. Unless the payment is being reversed: then the reversal voided it on purpose.
   */
  private async postLateUnlessReversing(payment: BarcodePayment): Promise<void> {
    const current = await this.store.find(payment.initiatorId, payment.id);
    if (current?.state === "reversing" || current?.state === "reversed") return;
    await this.post(payment, `${clearingTransferOf(payment)}.late`, "issuer");
  }

  private clearBack(payment: BarcodePayment): Promise<void> {
    return this.post(payment, `${clearingTransferOf(payment)}.back`, "acquirer");
  }

  private async post(payment: BarcodePayment, id: string, from: "issuer" | "acquirer") {
    const accounts = await this.accountsOf(payment);
    if (accounts === undefined) throw new Error(`positions of ${payment.paymentId} vanished`);
    const forward = from === "issuer";
    const posting: PostingRequest = {
      kind: "posted",
      id,
      debitAccountId: forward ? accounts.debitAccountId : accounts.creditAccountId,
      creditAccountId: forward ? accounts.creditAccountId : accounts.debitAccountId,
      amount: payment.amountMinor,
      currency: payment.currency,
      reference: `barcode-payment:${payment.paymentId}:${forward ? "late" : "back"}`,
    };
    const [code = "storage_unavailable"] = await this.deps.ledger.submit([posting]);
    if (code !== "ok" && code !== "exists") {
      throw new Error(`posting ${id} answered ${code}; the next take-up retries`);
    }
  }

  private async accountsOf(
    payment: BarcodePayment,
  ): Promise<{ debitAccountId: number; creditAccountId: number } | undefined> {
    const [issuer, acquirer] = await Promise.all([
      this.deps.positions.idOf(payment.issuerId, payment.currency),
      this.deps.positions.idOf(payment.acquirerId, payment.currency),
    ]);
    if (issuer === undefined || acquirer === undefined) return undefined;
    return { debitAccountId: issuer, creditAccountId: acquirer };
  }
}
