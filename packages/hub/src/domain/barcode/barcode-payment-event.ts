import { formatAmount } from "../money/amount.ts";
import { findCurrency } from "../money/currency.ts";
import type { EventType } from "../notifications/event-type.ts";
import type { PreparedEvent } from "../notifications/webhook-delivery.ts";
import { failureOf } from "../recorded-failure.ts";
import type { BarcodePayment, BarcodePaymentState } from "./barcode-payment.ts";

const eventTypes: Partial<Record<BarcodePaymentState, EventType>> = {
  succeeded: "barcode_payment.succeeded",
  declined: "barcode_payment.declined",
  reversed: "barcode_payment.reversed",
};

/**
 * The events a settled barcode payment raises: one for the issuer and one for the acquirer,
 * written to the outbox with the state. Each state is reached once, so the event ids are fixed
 * and a repeated write delivers once. Only the initiator is told its own request id.
 */
export function barcodePaymentEvents(payment: BarcodePayment): PreparedEvent[] {
  const type = eventTypes[payment.state];
  if (type === undefined) throw new Error(`barcode payment ${payment.paymentId} is not settled`);
  const recipients = [...new Set([payment.issuerId, payment.acquirerId])];
  return recipients.map((recipientId) => {
    const id = `${type}:${recipientId}:${payment.paymentId}`;
    const payload = JSON.stringify({
      id,
      type,
      createdAt: new Date(payment.updatedAt).toISOString(),
      data: barcodePaymentData(payment, recipientId),
    });
    return { id, type, recipientId, payload, createdAt: payment.updatedAt };
  });
}

/** A payment as a participant party to it sees it: in answers and in webhooks alike. */
export function barcodePaymentData(payment: BarcodePayment, viewerId: string) {
  const currency = findCurrency(payment.currency);
  if (currency === undefined) {
    throw new Error(`barcode payment ${payment.paymentId} has an unknown currency`);
  }
  return {
    paymentId: payment.paymentId,
    id: viewerId === payment.initiatorId ? payment.id : null,
    instrument: payment.instrument,
    issuerId: payment.issuerId,
    acquirerId: payment.acquirerId,
    merchantId: payment.merchantId,
    orderReference: payment.orderReference,
    amount: formatAmount(payment.amountMinor, currency),
    currency: payment.currency,
    refunded: formatAmount(payment.refundedMinor, currency),
    maskedNumber: payment.maskedNumber,
    verificationLevel: payment.verificationLevel,
    state: payment.state,
    authorizationCode: payment.authorizationCode,
    failure: failureOf(payment),
    createdAt: new Date(payment.createdAt).toISOString(),
    settledAt: payment.settledAt === null ? null : new Date(payment.settledAt).toISOString(),
  };
}
