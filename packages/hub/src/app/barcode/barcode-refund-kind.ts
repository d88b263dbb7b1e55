import {
  applyRefundOutcome,
  type BarcodeRefund,
  type BarcodeRefundOutcome,
  barcodeRefundTransferIdOf,
  isBarcodeRefundSettled,
} from "../../domain/barcode/barcode-refund.ts";
import { barcodeRefundEvents } from "../../domain/barcode/barcode-refund-event.ts";
import { transferResultCodes } from "../../domain/ledger/result-code.ts";
import type { PostingRequest } from "../../domain/ledger/transfer.ts";
import { findCurrency } from "../../domain/money/currency.ts";
import type { ParticipantCall } from "../calls/guarded-call.ts";
import {
  type EndpointChoice,
  type OperationKind,
  type OperationRefusal,
  OperationRunner,
} from "../calls/operation-runner.ts";
import { resolveReservation } from "../calls/reserved-clearing.ts";
import type { GroupCommit } from "../ledger/group-commit.ts";
import type { PositionAccounts } from "../participants/position-accounts.ts";
import type { BarcodeRefundKey, BarcodeRefundStore } from "../ports/barcode-refund-store.ts";
import type { EndpointGuard } from "../ports/endpoint-guard.ts";
import type { ParticipantCallLog } from "../ports/participant-call-log.ts";
import type { WalletConnector, WalletRefundOutcome } from "../ports/wallet-connector.ts";

export interface BarcodeRefundTimings {
  /** How long the reservation holds: past the time to settle an unknown refund (a day). */
  readonly reservationTimeoutMs: number;
  /** When a refund still `processing` is first asked about: past the longest call. */
  readonly callGraceMs: number;
  readonly firstInquiryDelayMs: number;
  readonly inquiryDelayCapMs: number;
}

export const barcodeRefundTimingsDefaults: BarcodeRefundTimings = {
  reservationTimeoutMs: 24 * 60 * 60 * 1000,
  callGraceMs: 130_000,
  firstInquiryDelayMs: 1_000,
  inquiryDelayCapMs: 5 * 60 * 1000,
};

export interface BarcodeRefundKindDeps {
  readonly store: BarcodeRefundStore;
  readonly positions: PositionAccounts;
  readonly ledger: GroupCommit;
  readonly wallet: Pick<WalletConnector, "refund" | "inquireRefund">;
  /** The issuer's wallet-interface endpoint: its primary. */
  readonly endpointFor: (issuerId: string) => Promise<EndpointChoice>;
  readonly timings: BarcodeRefundTimings;
}

type RefundCall = ParticipantCall<WalletRefundOutcome, OperationRefusal>;

function failed(code: string, text: string): BarcodeRefundOutcome {
  return { kind: "failed", code, text };
}

/**
 * Refunds of consumer-presented barcode payments as a kind of the operation runner, like bank
 * refunds: the money reserved acquirer → issuer before the issuer's wallet is called, committed
 * on `refunded`, voided on `refund_declined` (the store gives the amount back with the state),
 * failed at once when nothing reached the issuer, and asked about by `/refund-inquiries`.
 */
export class BarcodeRefundKind
  implements
    OperationKind<BarcodeRefund, BarcodeRefundKey, WalletRefundOutcome, BarcodeRefundOutcome>
{
  readonly name = "barcode_refund";
  readonly store: BarcodeRefundStore;
  readonly backoff: BarcodeRefundTimings;

  constructor(private readonly deps: BarcodeRefundKindDeps) {
    this.store = deps.store;
    this.backoff = deps.timings;
  }

  keyOf(refund: BarcodeRefund): BarcodeRefundKey {
    return [refund.acquirerId, refund.id];
  }

  isSettled(refund: BarcodeRefund): boolean {
    return isBarcodeRefundSettled(refund.state);
  }

  transactionIdOf(refund: BarcodeRefund): string {
    return refund.refundId;
  }

  callNameOf(): string {
    return "refund";
  }

  /** Reserves the amount acquirer → issuer under the refund's derived transfer id. */
  async clear(refund: BarcodeRefund): Promise<BarcodeRefundOutcome | undefined> {
    const reservation = await this.posting(refund, "pending");
    if (reservation === undefined) return failed("currency_not_held", "a position is missing");
    const [code = "storage_unavailable"] = await this.deps.ledger.submit([reservation]);
    if (code === "ok" || code === "exists") return undefined;
    if (code === "exists_with_different_fields") {
      return failed(code, "the refund's reservation was made with other fields");
    }
    return failed(code, transferResultCodes[code].meaning);
  }

  endpointFor(refund: BarcodeRefund): Promise<EndpointChoice> {
    return this.deps.endpointFor(refund.issuerId);
  }

  /** Nothing reached the issuer, so it refunded nothing: the refund is declined at once. */
  whenNotSent(_refund: BarcodeRefund, detail: string): BarcodeRefundOutcome {
    return failed("issuer_unavailable", detail);
  }

  outcomeOfAnswer(answer: WalletRefundOutcome): BarcodeRefundOutcome {
    return answer.status === "refunded"
      ? { kind: "succeeded", at: answer.refundedAtMs }
      : failed(answer.reasonCode, answer.reasonText);
  }

  /**
   * A refusal refunded nothing, so the refund is declined; a refusal of the id as reused says
   * an earlier request under it stands, so only an inquiry can tell.
   */
  outcomeOfRefusal(refusal: OperationRefusal): BarcodeRefundOutcome {
    if (refusal.code === "idempotency_key_reused") return { kind: "unknown" };
    if (refusal.code === "wallet_busy") return failed("issuer_unavailable", refusal.reason);
    return failed(refusal.code, refusal.reason);
  }

  unwell(refusal: OperationRefusal): boolean {
    return refusal.code === "wallet_busy";
  }

  takeUp(refund: BarcodeRefund) {
    return { by: "inquiry" as const, call: this.inquiryCall(refund) };
  }

  refundCall(refund: BarcodeRefund): RefundCall {
    const currency = this.currencyOf(refund);
    return (address, options) =>
      this.deps.wallet.refund(
        address,
        {
          refundId: refund.refundId,
          paymentId: refund.paymentId,
          amountMinor: refund.amountMinor,
          currency,
        },
        options,
      );
  }

  inquiryCall(refund: BarcodeRefund): RefundCall {
    return (address, options) => this.deps.wallet.inquireRefund(address, refund.refundId, options);
  }

  /** Commits the reservation on success, voids it on failure; a late success is posted. */
  async resolve(refund: BarcodeRefund, outcome: BarcodeRefundOutcome): Promise<void> {
    if (outcome.kind !== "succeeded" && outcome.kind !== "failed") return;
    const pendingId = barcodeRefundTransferIdOf(refund.acquirerId, refund.id);
    const kind = outcome.kind === "succeeded" ? "commit" : "void";
    const resolved = await resolveReservation(this.deps.ledger, kind, pendingId, false);
    if (resolved === "gone") return this.postLateSuccess(refund);
    if (resolved === "committed") throw new Error(`void of ${pendingId} found it committed`);
  }

  apply(
    refund: BarcodeRefund,
    outcome: BarcodeRefundOutcome,
    at: number,
    nextInquiryAt: number,
  ): BarcodeRefund | undefined {
    return applyRefundOutcome(refund, outcome, at, nextInquiryAt);
  }

  events(settled: BarcodeRefund) {
    return barcodeRefundEvents(settled);
  }

  private async postLateSuccess(refund: BarcodeRefund): Promise<void> {
    const late = await this.posting(refund, "posted");
    if (late === undefined) throw new Error(`positions of refund ${refund.refundId} vanished`);
    const [code = "storage_unavailable"] = await this.deps.ledger.submit([
      { ...late, id: `${late.id}.late`, reference: `${late.reference}:late` },
    ]);
    if (code !== "ok" && code !== "exists") {
      throw new Error(`late posting of refund ${refund.refundId} answered ${code}`);
    }
  }

  /** The refund's transfer acquirer → issuer, posted or reserved; undefined without positions. */
  async posting(
    refund: BarcodeRefund,
    kind: "posted" | "pending",
  ): Promise<PostingRequest | undefined> {
    const [acquirerAccountId, issuerAccountId] = await Promise.all([
      this.deps.positions.idOf(refund.acquirerId, refund.currency),
      this.deps.positions.idOf(refund.issuerId, refund.currency),
    ]);
    if (acquirerAccountId === undefined || issuerAccountId === undefined) return undefined;
    return {
      kind,
      id: barcodeRefundTransferIdOf(refund.acquirerId, refund.id),
      debitAccountId: acquirerAccountId,
      creditAccountId: issuerAccountId,
      amount: refund.amountMinor,
      currency: refund.currency,
      ...(kind === "pending" ? { timeoutMs: this.backoff.reservationTimeoutMs } : {}),
      reference: `barcode-refund:${refund.refundId}`,
      detail: {
        initiatorId: refund.acquirerId,
        payerId: refund.acquirerId,
        payeeId: refund.issuerId,
        requestHash: refund.requestHash,
        sealedParties: null,
      },
    };
  }

  private currencyOf(refund: BarcodeRefund) {
    const currency = findCurrency(refund.currency);
    if (currency === undefined)
      throw new Error(`refund ${refund.refundId} has an unknown currency`);
    return currency;
  }
}

/**
 * The one state machine of consumer-presented refunds: the operation runner with the kind
 * above. The status inquiry takes up due refunds through `takeUp`.
 */
export class BarcodeRefundRunner {
  readonly kind: BarcodeRefundKind;
  readonly runner: OperationRunner<
    BarcodeRefund,
    BarcodeRefundKey,
    WalletRefundOutcome,
    BarcodeRefundOutcome
  >;

  constructor(
    deps: BarcodeRefundKindDeps,
    guard: EndpointGuard,
    callLog: ParticipantCallLog,
    clock: () => number,
  ) {
    this.kind = new BarcodeRefundKind(deps);
    this.runner = new OperationRunner(this.kind, guard, callLog, clock);
  }

  /** Runs a freshly recorded refund to the end of its call. */
  run(refund: BarcodeRefund): Promise<BarcodeRefund> {
    return this.runner.run(refund, this.kind.refundCall(refund));
  }

  takeUp(refund: BarcodeRefund): Promise<BarcodeRefund> {
    return this.runner.takeUp(refund);
  }
}
