import type {
  CodePaymentAnswer,
  WalletRefundAnswer,
  CodePaymentRequest as WireCodePaymentRequest,
  WalletRefundRequest as WireRefundRequest,
} from "@clearhub/wire";
import type {
  CodePaymentCall,
  CodePaymentOutcome,
  WalletRefundCall,
  WalletRefundOutcome,
} from "../../app/ports/wallet-connector.ts";
import { formatAmount } from "../../domain/money/amount.ts";

/**
 * The app's requests as the wallet interface writes them, and the issuer's answers (already
 * checked against the interface's schemas) as the app reads them. A decoder answers undefined
 * for an answer that cannot be this request's (another id echoed) or whose time does not parse:
 * the caller then treats the call as unknown.
 */

function timeMs(text: string): number | undefined {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

export function encodeCodePayment(payment: CodePaymentCall): WireCodePaymentRequest {
  return {
    paymentId: payment.paymentId,
    instrument: { kind: payment.instrument.kind, number: payment.instrument.number },
    amount: formatAmount(payment.amountMinor, payment.currency),
    currency: payment.currency.code,
    merchant: { ...payment.merchant },
    requestedAt: new Date(payment.requestedAtMs).toISOString(),
  } as WireCodePaymentRequest;
}

export function decodeCodePaymentOutcome(
  answer: CodePaymentAnswer,
  paymentId: string,
): CodePaymentOutcome | undefined {
  if (answer.paymentId !== paymentId) return undefined;
  switch (answer.status) {
    case "approved": {
      const approvedAtMs = timeMs(answer.approvedAt);
      if (approvedAtMs === undefined) return undefined;
      return {
        paymentId,
        status: "approved",
        authorizationCode: answer.authorizationCode,
        customerRef: answer.customerRef,
        verificationLevel: answer.verificationLevel,
        approvedAtMs,
      };
    }
    case "declined":
      return {
        paymentId,
        status: "declined",
        reasonCode: answer.reasonCode,
        reasonText: answer.reasonText,
      };
    case "pending":
      return { paymentId, status: "pending" };
    case "reversed": {
      const reversedAtMs = timeMs(answer.reversedAt);
      return reversedAtMs === undefined
        ? undefined
        : { paymentId, status: "reversed", reversedAtMs };
    }
  }
}

export function encodeWalletRefund(refund: WalletRefundCall): WireRefundRequest {
  return {
    refundId: refund.refundId,
    paymentId: refund.paymentId,
    amount: formatAmount(refund.amountMinor, refund.currency),
    currency: refund.currency.code,
  };
}

export function decodeWalletRefundOutcome(
  answer: WalletRefundAnswer,
  refundId: string,
): WalletRefundOutcome | undefined {
  if (answer.refundId !== refundId) return undefined;
  if (answer.status === "refund_declined") {
    return {
      refundId,
      status: "refund_declined",
      reasonCode: answer.reasonCode,
      reasonText: answer.reasonText,
    };
  }
  const refundedAtMs = timeMs(answer.refundedAt);
  return refundedAtMs === undefined ? undefined : { refundId, status: "refunded", refundedAtMs };
}
