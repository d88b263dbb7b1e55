import { formatAmount } from "../money/amount.ts";
import { findCurrency } from "../money/currency.ts";
import type { EventType } from "../notifications/event-type.ts";
import type { PreparedEvent } from "../notifications/webhook-delivery.ts";
import { failureOf } from "../recorded-failure.ts";
import type { BillPayment, BillPaymentState } from "./bill-payment.ts";

const eventTypes: Partial<Record<BillPaymentState, EventType>> = {
  posted: "bill_payment.posted",
  rejected: "bill_payment.rejected",
  reversed: "bill_payment.reversed",
  posting_failed: "bill_payment.posting_failed",
};

/**
 * The event a settled payment raises for its channel, written to the outbox with the state.
 * Each state is reached once, so the event id is fixed: a repeated write delivers once.
 */
export function billPaymentEvent(payment: BillPayment): PreparedEvent {
  const type = eventTypes[payment.state];
  if (type === undefined) throw new Error(`bill payment ${payment.id} is not settled`);
  const currency = findCurrency(payment.currency);
  if (currency === undefined) throw new Error(`bill payment ${payment.id} has unknown currency`);
  const id = `${type}:${payment.channelId}:${payment.id}`;
  const createdAt = payment.updatedAt;
  const payload = JSON.stringify({
    id,
    type,
    createdAt: new Date(createdAt).toISOString(),
    data: {
      paymentId: payment.id,
      billerId: payment.billerId,
      billRef: payment.billRef,
      billNumber: payment.billNumber,
      amount: formatAmount(payment.amountMinor, currency),
      currency: payment.currency,
      fee:
        payment.feeMinor === null
          ? null
          : { amount: formatAmount(payment.feeMinor, currency), currency: payment.currency },
      state: payment.state,
      postingId: payment.postingId,
      receiptNumber: payment.receiptNumber,
      failure: failureOf(payment),
    },
  });
  return { id, type, recipientId: payment.channelId, payload, createdAt };
}
