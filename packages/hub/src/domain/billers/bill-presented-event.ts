import { formatAmount } from "../money/amount.ts";
import { findCurrency } from "../money/currency.ts";
import type { PreparedEvent } from "../notifications/webhook-delivery.ts";
import type { BillSubscription } from "./bill-subscription.ts";
import type { PresentedBill } from "./presented-bill.ts";

/** A biller's notice of a new or changed bill, as the hub received it. */
export interface BillNoticeReceived {
  readonly billerId: string;
  readonly noticeId: string;
  readonly kind: "new" | "changed";
  readonly bill: PresentedBill;
  readonly issuedAt: string;
  readonly receivedAt: number;
}

/**
 * The `bill.presented` event one subscription raises for its channel. Its id names the
 * biller's notice and the subscription, so a notice written twice (a retry racing the first)
 * is one event in the outbox, and a channel subscribed once is told once.
 *
 * It carries the customer parameters masked only: the channel knows its customer by the
 * subscription id and its own reference, and the outbox stores payloads unsealed, so the clear
 * parameters never enter it.
 */
export function billPresentedEvent(
  notice: BillNoticeReceived,
  subscription: BillSubscription,
): PreparedEvent {
  const id = `bill.presented:${notice.billerId}:${notice.noticeId}:${subscription.id}`;
  const payload = JSON.stringify({
    id,
    type: "bill.presented",
    createdAt: new Date(notice.receivedAt).toISOString(),
    data: {
      subscriptionId: subscription.id,
      reference: subscription.reference,
      billerId: notice.billerId,
      customerParameters: subscription.customerMasked,
      kind: notice.kind,
      bill: billBody(notice.bill),
      issuedAt: notice.issuedAt,
    },
  });
  return {
    id,
    type: "bill.presented",
    recipientId: subscription.channelId,
    payload,
    createdAt: notice.receivedAt,
  };
}

function billBody(bill: PresentedBill) {
  const currency = findCurrency(bill.currency);
  if (currency === undefined) throw new Error(`bill currency ${bill.currency} is unknown`);
  const amount = (minor: bigint | null) => (minor === null ? null : formatAmount(minor, currency));
  return {
    billNumber: bill.billNumber,
    currency: bill.currency,
    amountDue: formatAmount(bill.amountDueMinor, currency),
    amountMin: amount(bill.amountMinMinor),
    amountMax: amount(bill.amountMaxMinor),
    dueDate: bill.dueDate,
    period: bill.period,
    description: bill.description,
  };
}
