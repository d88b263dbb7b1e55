import { formatAmount } from "../money/amount.ts";
import { findCurrency } from "../money/currency.ts";
import type { EventType } from "../notifications/event-type.ts";
import type { PreparedEvent } from "../notifications/webhook-delivery.ts";
import { failureOf } from "../recorded-failure.ts";
import type { BarcodeRefund, BarcodeRefundState } from "./barcode-refund.ts";

const eventTypes: Partial<Record<BarcodeRefundState, EventType>> = {
  succeeded: "barcode_refund.succeeded",
  declined: "barcode_refund.declined",
};

/**
 * The events a settled refund raises: one for the acquirer and one for the issuer (which
 * credits its customer on success), written to the outbox with the state. Each state is reached
 * once, so the ids are fixed and a repeated write delivers once.
 */
export function barcodeRefundEvents(refund: BarcodeRefund): PreparedEvent[] {
  const type = eventTypes[refund.state];
  if (type === undefined) throw new Error(`barcode refund ${refund.refundId} is not settled`);
  return [...new Set([refund.acquirerId, refund.issuerId])].map((recipientId) => {
    const id = `${type}:${recipientId}:${refund.refundId}`;
    const payload = JSON.stringify({
      id,
      type,
      createdAt: new Date(refund.updatedAt).toISOString(),
      data: barcodeRefundData(refund, recipientId),
    });
    return { id, type, recipientId, payload, createdAt: refund.updatedAt };
  });
}

/** A refund as a party to it sees it; only the acquirer is shown its own id. */
export function barcodeRefundData(refund: BarcodeRefund, viewerId: string) {
  const currency = findCurrency(refund.currency);
  if (currency === undefined) {
    throw new Error(`barcode refund ${refund.refundId} has an unknown currency`);
  }
  return {
    refundId: refund.refundId,
    id: viewerId === refund.acquirerId ? refund.id : null,
    paymentId: refund.paymentId,
    acquirerId: refund.acquirerId,
    issuerId: refund.issuerId,
    amount: formatAmount(refund.amountMinor, currency),
    currency: refund.currency,
    reason: refund.reason,
    state: refund.state,
    failure: failureOf(refund),
    createdAt: new Date(refund.createdAt).toISOString(),
    settledAt: refund.settledAt === null ? null : new Date(refund.settledAt).toISOString(),
  };
}
