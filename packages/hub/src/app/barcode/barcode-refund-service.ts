import { modeOfInstrument } from "../../domain/barcode/barcode-payment.ts";
import {
  type BarcodeRefund,
  barcodeRefundIdOf,
  isBarcodeRefundSettled,
} from "../../domain/barcode/barcode-refund.ts";
import { barcodeRefundEvents } from "../../domain/barcode/barcode-refund-event.ts";
import { transferResultCodes } from "../../domain/ledger/result-code.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import type { GroupCommit } from "../ledger/group-commit.ts";
import type { BarcodePaymentStore } from "../ports/barcode-payment-store.ts";
import type { BarcodeRefundStore } from "../ports/barcode-refund-store.ts";
import type { BarcodeRefundKind, BarcodeRefundRunner } from "./barcode-refund-kind.ts";

/** What the payment's acquirer asks: its refund id, how much, and why. The body is hashed. */
export interface NewBarcodeRefund {
  readonly id: string;
  readonly paymentId: string;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly reason: string | null;
  readonly requestHash: string;
}

export type BarcodeRefundRefusalCode =
  | "barcode_payment_not_found"
  | "barcode_payment_not_refundable"
  | "refund_currency_mismatch"
  | "refund_exceeds_payment"
  | "barcode_refund_not_found"
  | "participant_inactive"
  | "idempotency_key_reused";

export type BarcodeRefundResult =
  | { readonly ok: true; readonly refund: BarcodeRefund; readonly created: boolean }
  | { readonly ok: false; readonly code: BarcodeRefundRefusalCode };

export interface BarcodeRefundDeps {
  readonly store: BarcodeRefundStore;
  readonly payments: Pick<BarcodePaymentStore, "findByPaymentId">;
  readonly ledger: GroupCommit;
  /** Consumer-presented refunds run through it; its kind also builds the posted transfer. */
  readonly runner: Pick<BarcodeRefundRunner, "run" | "kind">;
  readonly timings: { readonly callGraceMs: number };
  readonly clock: () => number;
}

/**
 * Refunds of barcode payments, asked by the payment's acquirer. The refund is recorded first,
 * raising its payment's `refunded` in the same transaction only while the sum stays at most
 * the amount, so concurrent refunds never pass it together and a refused one writes nothing.
 *
 * - A merchant-presented payment's refund needs no call: it clears at once as a posted transfer
 *   acquirer → issuer under an id derived from the refund's key, and is written `succeeded`
 *   with the events telling both sides. A crash after the record is repaired by a retry of the
 *   request, which finds the refund `processing` and posts again (the ledger answers `exists`).
 * - A consumer-presented payment's refund runs through the operation runner (the kind in
 *   barcode-refund-kind.ts): reserved, sent to the issuer's wallet, committed or voided.
 */
export class BarcodeRefundService {
  constructor(private readonly deps: BarcodeRefundDeps) {}

  async refund(acquirer: Participant, request: NewBarcodeRefund): Promise<BarcodeRefundResult> {
    const existing = await this.deps.store.find(acquirer.id, request.id);
    if (existing !== undefined) return this.replay(existing, request);
    if (acquirer.status !== "active") return { ok: false, code: "participant_inactive" };
    const payment = await this.deps.payments.findByPaymentId(request.paymentId);
    if (payment === undefined || payment.acquirerId !== acquirer.id) {
      return { ok: false, code: "barcode_payment_not_found" };
    }
    if (payment.state !== "succeeded") return { ok: false, code: "barcode_payment_not_refundable" };
    if (payment.currency !== request.currency)
      return { ok: false, code: "refund_currency_mismatch" };
    if (request.amountMinor > payment.amountMinor - payment.refundedMinor) {
      return { ok: false, code: "refund_exceeds_payment" };
    }
    const now = this.deps.clock();
    const consumerPresented = modeOfInstrument(payment.instrument) === "consumer_presented";
    const refund: BarcodeRefund = {
      acquirerId: acquirer.id,
      id: request.id,
      refundId: barcodeRefundIdOf(acquirer.id, request.id),
      paymentId: payment.paymentId,
      instrument: payment.instrument,
      issuerId: payment.issuerId,
      amountMinor: request.amountMinor,
      currency: request.currency,
      reason: request.reason,
      state: "processing",
      failureCode: null,
      failureText: null,
      requestHash: request.requestHash,
      // A consumer-presented refund whose node dies mid-call is asked about after the call.
      nextInquiryAt: consumerPresented ? now + this.deps.timings.callGraceMs : now,
      inquiries: 0,
      createdAt: now,
      updatedAt: now,
      settledAt: null,
    };
    const recorded = await this.deps.store.insert(refund, []);
    if (!recorded.ok) return recorded;
    if (!recorded.created) return this.replay(recorded.refund, request);
    const settled = consumerPresented
      ? await this.deps.runner.run(recorded.refund)
      : await this.clearAtOnce(recorded.refund);
    return { ok: true, refund: settled, created: true };
  }

  /** A refund its acquirer or the payment's issuer is party to, by the hub's id. */
  async find(viewer: Participant, refundId: string): Promise<BarcodeRefundResult> {
    const refund = await this.deps.store.findByRefundId(refundId);
    const party =
      refund !== undefined && (refund.acquirerId === viewer.id || refund.issuerId === viewer.id);
    return party
      ? { ok: true, refund, created: false }
      : { ok: false, code: "barcode_refund_not_found" };
  }

  /** The same request again: the refund as it stands (a stranded merchant-presented one ends). */
  private async replay(
    stored: BarcodeRefund,
    request: NewBarcodeRefund,
  ): Promise<BarcodeRefundResult> {
    if (stored.requestHash !== request.requestHash) {
      return { ok: false, code: "idempotency_key_reused" };
    }
    const stranded =
      !isBarcodeRefundSettled(stored.state) &&
      modeOfInstrument(stored.instrument) === "merchant_presented";
    const refund = stranded ? await this.clearAtOnce(stored) : stored;
    return { ok: true, refund, created: false };
  }

  /**
   * Posts a merchant-presented refund acquirer → issuer and writes it settled with its events.
   * A ledger refusal (the acquirer's cap) declines it, which gives its amount back.
   */
  private async clearAtOnce(refund: BarcodeRefund): Promise<BarcodeRefund> {
    const kind: BarcodeRefundKind = this.deps.runner.kind;
    const posting = await kind.posting(refund, "posted");
    const [code = "storage_unavailable"] =
      posting === undefined
        ? ["currency_not_held" as const]
        : await this.deps.ledger.submit([posting]);
    const now = this.deps.clock();
    const next: BarcodeRefund =
      code === "ok" || code === "exists"
        ? { ...refund, state: "succeeded", updatedAt: now, settledAt: now }
        : {
            ...refund,
            state: "declined",
            failureCode: code,
            failureText:
              code === "currency_not_held"
                ? "a position is missing"
                : transferResultCodes[code].meaning,
            updatedAt: now,
            settledAt: now,
          };
    const written = await this.deps.store.update(next, refund.state, barcodeRefundEvents(next));
    if (written.ok) return written.operation;
    const current = await this.deps.store.find(refund.acquirerId, refund.id);
    if (current === undefined) throw new Error(`barcode refund ${refund.refundId} vanished`);
    return current;
  }
}
