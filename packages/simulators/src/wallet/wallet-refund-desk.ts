import type {
  WalletRefundAnswer,
  WalletRefundDeclined,
  WalletRefundDeclineReason,
  WalletRefundInquiryRequest,
  WalletRefundRequest,
  WalletRefusalCode,
} from "@clearhub/wire";
import { parseAmount } from "../money/amount-codec.ts";
import { type DeskResult, refusal } from "../shared/desk-result.ts";
import type { CodePaymentDesk } from "./code-payment-desk.ts";

/** A refund as the issuer's books keep it. */
interface RefundRecord {
  readonly refundId: string;
  /** What makes a repeat the same refund; undefined for an id closed by an inquiry. */
  readonly fingerprint: string | undefined;
  readonly request: WalletRefundRequest | undefined;
  readonly answer: WalletRefundAnswer;
}

/** A refund as the admin routes and the books show it. */
export interface RefundView {
  readonly refundId: string;
  readonly request: WalletRefundRequest | undefined;
  readonly answer: WalletRefundAnswer;
}

function fingerprintOf(request: WalletRefundRequest): string {
  return JSON.stringify([request.paymentId, request.amount, request.currency]);
}

function declined(
  refundId: string,
  reasonCode: WalletRefundDeclineReason,
  reasonText: string,
): WalletRefundDeclined {
  return { refundId, status: "refund_declined", reasonCode, reasonText };
}

/**
 * Refunds of approved payments, idempotent by the hub's refund id: the first refund under an id
 * decides and credits the payer at once, a repeat answers the same, another refund under the id
 * is refused. The refunds of a payment never pass its amount together.
 */
export class WalletRefundDesk {
  private readonly records = new Map<string, RefundRecord>();

  constructor(
    private readonly payments: CodePaymentDesk,
    private readonly clock: () => number,
  ) {}

  refund(request: WalletRefundRequest): DeskResult<WalletRefundAnswer, WalletRefusalCode> {
    const known = this.records.get(request.refundId);
    if (known !== undefined) {
      if (known.fingerprint !== undefined && known.fingerprint !== fingerprintOf(request)) {
        return refusal(
          "idempotency_key_reused",
          `refund ${request.refundId} was made before with other content`,
        );
      }
      return { ok: true, answer: known.answer };
    }
    const decided = this.decide(request);
    if (!decided.ok) return decided;
    this.records.set(request.refundId, {
      refundId: request.refundId,
      fingerprint: fingerprintOf(request),
      request,
      answer: decided.answer,
    });
    return decided;
  }

  /** Where a refund stands; an id never received is closed with `refund_not_received`. */
  inquire(request: WalletRefundInquiryRequest): WalletRefundAnswer {
    const known = this.records.get(request.refundId);
    if (known !== undefined) return known.answer;
    const answer = declined(
      request.refundId,
      "refund_not_received",
      "the issuer never received this refund; the id is closed",
    );
    this.records.set(request.refundId, {
      refundId: request.refundId,
      fingerprint: undefined,
      request: undefined,
      answer,
    });
    return answer;
  }

  refunds(): RefundView[] {
    return [...this.records.values()].map(({ refundId, request, answer }) => ({
      refundId,
      request,
      answer,
    }));
  }

  /** Checks the refund against its payment and credits it when it passes. */
  private decide(request: WalletRefundRequest): DeskResult<WalletRefundAnswer, WalletRefusalCode> {
    const { refundId } = request;
    const payment = this.payments.record(request.paymentId);
    if (payment?.request === undefined || payment.currency === undefined) {
      return { ok: true, answer: declined(refundId, "payment_not_found", "no such payment") };
    }
    if (request.currency !== payment.request.currency) {
      return refusal("payment_mismatch", `the payment is in ${payment.request.currency}`);
    }
    const amount = parseAmount(request.amount, payment.currency);
    if (!amount.ok) return refusal("request_invalid", `amount ${request.amount}: ${amount.code}`);
    const status = this.payments.answerOf(payment).status;
    if (status !== "approved") {
      const text = `the payment is ${status}`;
      return { ok: true, answer: declined(refundId, "payment_not_approved", text) };
    }
    if (payment.refundedMinor + amount.minor > payment.amountMinor) {
      const text = `the payment was ${payment.request.amount}, refunds would pass it`;
      return { ok: true, answer: declined(refundId, "amount_exceeds_payment", text) };
    }
    this.payments.refund(payment, amount.minor);
    const refundedAt = new Date(this.clock()).toISOString();
    return { ok: true, answer: { refundId, status: "refunded", refundedAt } };
  }
}
