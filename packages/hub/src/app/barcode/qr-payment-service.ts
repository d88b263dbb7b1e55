import {
  type BarcodePayment,
  clearingOf,
  customerKeyOf,
  effectiveLevelOf,
  newBarcodePayment,
} from "../../domain/barcode/barcode-payment.ts";
import { barcodePaymentEvents } from "../../domain/barcode/barcode-payment-event.ts";
import {
  decodeMerchantPresentedCode,
  type MerchantPresentedCode,
} from "../../domain/barcode/merchant-presented-code.ts";
import type { Participant } from "../../domain/participant/participant.ts";
import type { BarcodeLimitService } from "../barcode-limits/barcode-limit-service.ts";
import type { GroupCommit } from "../ledger/group-commit.ts";
import type { MerchantDirectory } from "../merchants/merchant-directory.ts";
import type { PositionAccounts } from "../participants/position-accounts.ts";
import type { BarcodePaymentStore, DynamicCodeRef } from "../ports/barcode-payment-store.ts";
import {
  type NewQrPayment,
  type QrPaymentOutcome,
  type QrPaymentRefusal,
  refused,
} from "./qr-payment-request.ts";

export interface QrPaymentDeps {
  readonly store: BarcodePaymentStore;
  /** The hub's globally unique identifier in merchant account templates. */
  readonly globallyUniqueId: string;
  readonly merchants: Pick<MerchantDirectory, "payable">;
  readonly limits: Pick<BarcodeLimitService, "hold" | "release">;
  readonly positions: PositionAccounts;
  readonly ledger: GroupCommit;
  readonly clock: () => number;
}

/** The payments of one order an acquirer's lookup answers, at most. */
export const orderPaymentsMax = 20;

/**
 * Merchant-presented payments: a payer's institution sends the code its customer scanned. The
 * hub needs no call out: it checks the code whole (CRC, fields, expiry), the merchant and its
 * acquirer, then takes, in this order, what must be decided before money moves and can be given
 * back if the money cannot: the dynamic code's one use, then the customer's daily limit. It
 * clears the payment (issuer → acquirer) under a transfer id derived from the request, then
 * writes the payment `succeeded` with the events that tell both sides.
 *
 * Crash safety: the claim and the hold are keyed by the payment's id, so a retry of the same
 * request finds them its own; the transfer's derived id makes the ledger answer `exists`; the
 * row is then written. A refusal by the ledger gives the claim and the hold back.
 */
export class QrPaymentService {
  constructor(private readonly deps: QrPaymentDeps) {}

  async pay(payer: Participant, request: NewQrPayment): Promise<QrPaymentOutcome> {
    const existing = await this.deps.store.find(payer.id, request.id);
    if (existing !== undefined) return replay(existing, request);
    if (payer.status !== "active") return refused({ code: "participant_inactive" });
    const scanned = decodeMerchantPresentedCode(request.payload, this.deps.globallyUniqueId);
    if (!scanned.ok) {
      return refused({
        code: "qr_payload_invalid",
        problem: scanned.problem,
        detail: scanned.detail,
      });
    }
    const checked = await this.check(payer, request, scanned.code);
    if ("code" in checked) return refused(checked);
    const payment = this.newPayment(payer, request, scanned.code, checked.amountMinor);
    const taken = await this.takeClaimAndHold(payment, request, scanned.code);
    if (taken !== undefined) return refused(taken);
    const cleared = await this.clear(payment, checked);
    if (cleared !== undefined) {
      await this.giveBack(payment, scanned.code);
      return refused(cleared);
    }
    const inserted = await this.deps.store.insert(payment, barcodePaymentEvents(payment));
    if (!inserted.created) return replay(inserted.payment, request);
    return { ok: true, payment: inserted.payment, created: true };
  }

  async find(participant: Participant, paymentId: string): Promise<QrPaymentOutcome> {
    const payment = await this.deps.store.findByPaymentId(paymentId);
    const party =
      payment !== undefined &&
      (payment.issuerId === participant.id || payment.acquirerId === participant.id);
    return party
      ? { ok: true, payment, created: false }
      : refused({ code: "barcode_payment_not_found" });
  }

  /** An acquirer's lookup of what was paid for one of its merchants' orders. */
  findOrder(acquirer: Participant, merchantId: string, orderReference: string) {
    return this.deps.store.findOrder(
      { acquirerId: acquirer.id, merchantId, orderReference },
      orderPaymentsMax,
    );
  }

  private async check(
    payer: Participant,
    request: NewQrPayment,
    code: MerchantPresentedCode,
  ): Promise<
    { amountMinor: bigint; payerAccountId: number; acquirerAccountId: number } | QrPaymentRefusal
  > {
    if (code.expiresAt !== undefined && code.expiresAt <= this.deps.clock()) {
      return { code: "qr_code_expired" };
    }
    const amount = amountOf(request, code);
    if (typeof amount !== "bigint") return amount;
    const merchant = await this.deps.merchants.payable(code.acquirerId, code.merchantId);
    if (!merchant.ok) {
      return merchant.code === "merchant_not_found" || merchant.code === "merchant_closed"
        ? { code: merchant.code }
        : { code: "acquirer_inactive" };
    }
    const [payerAccountId, acquirerAccountId] = await Promise.all([
      this.deps.positions.idOf(payer.id, code.currency),
      this.deps.positions.idOf(code.acquirerId, code.currency),
    ]);
    if (payerAccountId === undefined || acquirerAccountId === undefined) {
      return { code: "payment_currency_unsupported" };
    }
    return { amountMinor: amount, payerAccountId, acquirerAccountId };
  }

  private async takeClaimAndHold(
    payment: BarcodePayment,
    request: NewQrPayment,
    code: MerchantPresentedCode,
  ): Promise<QrPaymentRefusal | undefined> {
    const dynamic = dynamicCodeOf(code);
    if (dynamic !== undefined) {
      const claim = await this.deps.store.claimDynamicCode(
        dynamic,
        payment.paymentId,
        payment.createdAt,
      );
      if (!claim.claimed) return { code: "qr_code_used" };
    }
    const held = await this.deps.limits.hold({
      paymentId: payment.paymentId,
      payerId: payment.issuerId,
      customerRef: request.customerRef,
      level: payment.verificationLevel ?? "D",
      amount: payment.amountMinor,
      currency: payment.currency,
      at: payment.createdAt,
    });
    if (held.ok) return undefined;
    if (dynamic !== undefined) await this.deps.store.releaseDynamicCode(dynamic, payment.paymentId);
    return held.code === "limit_exceeded"
      ? { code: "limit_exceeded", remainingMinor: held.remaining, limitMinor: held.limit }
      : { code: "currency_has_no_limits" };
  }

  private async giveBack(payment: BarcodePayment, code: MerchantPresentedCode): Promise<void> {
    await this.deps.limits.release(payment.paymentId);
    const dynamic = dynamicCodeOf(code);
    if (dynamic !== undefined) await this.deps.store.releaseDynamicCode(dynamic, payment.paymentId);
  }

  private async clear(
    payment: BarcodePayment,
    accounts: { payerAccountId: number; acquirerAccountId: number },
  ): Promise<QrPaymentRefusal | undefined> {
    const clearing = clearingOf(payment, {
      debitAccountId: accounts.payerAccountId,
      creditAccountId: accounts.acquirerAccountId,
    });
    const [code] = await this.deps.ledger.submit([clearing]);
    if (code === "ok" || code === "exists") return undefined;
    if (code === "exists_with_different_fields") return { code: "idempotency_key_reused" };
    return { code: code ?? "storage_unavailable" };
  }

  private newPayment(
    payer: Participant,
    request: NewQrPayment,
    code: MerchantPresentedCode,
    amountMinor: bigint,
  ): BarcodePayment {
    const instrument = code.initiation === "dynamic" ? "dynamic_qr" : "static_qr";
    const now = this.deps.clock();
    return newBarcodePayment(
      {
        initiatorId: payer.id,
        id: request.id,
        instrument,
        issuerId: payer.id,
        acquirerId: code.acquirerId,
        merchantId: code.merchantId,
        amountMinor,
        currency: code.currency,
        orderReference: code.reference ?? null,
        customerKey: customerKeyOf(payer.id, request.customerRef),
        verificationLevel: effectiveLevelOf(instrument, request.verificationLevel),
        requestHash: request.requestHash,
        state: "succeeded",
        nextInquiryAt: now,
      },
      now,
    );
  }
}

/** The amount paid: the dynamic code's, or the one the customer entered for a static code. */
function amountOf(request: NewQrPayment, code: MerchantPresentedCode): bigint | QrPaymentRefusal {
  if (request.currency !== undefined && request.currency !== code.currency) {
    return { code: "qr_amount_mismatch" };
  }
  if (code.amountMinor === undefined) {
    return request.amountMinor ?? { code: "qr_amount_required" };
  }
  if (request.amountMinor !== undefined && request.amountMinor !== code.amountMinor) {
    return { code: "qr_amount_mismatch" };
  }
  return code.amountMinor;
}

function dynamicCodeOf(code: MerchantPresentedCode): DynamicCodeRef | undefined {
  if (code.initiation !== "dynamic" || code.reference === undefined) return undefined;
  return {
    acquirerId: code.acquirerId,
    merchantId: code.merchantId,
    orderReference: code.reference,
  };
}

function replay(stored: BarcodePayment, request: { requestHash: string }): QrPaymentOutcome {
  return stored.requestHash === request.requestHash
    ? { ok: true, payment: stored, created: false }
    : refused({ code: "idempotency_key_reused" });
}
