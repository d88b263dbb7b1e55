/**
 * What a participant can be told by webhook. The set is closed: an endpoint subscribes to some
 * of these, and each delivery carries exactly one.
 */
export const eventTypes = {
  "transfer.credited": "A posted transfer credited your position (sent to the payee).",
  "transfer.reserved": "A pending transfer reserved funds for you (sent to the payee).",
  "transfer.committed": "A pending transfer was committed (sent to both parties).",
  "transfer.voided": "A pending transfer was voided (sent to both parties).",
  "transfer.expired": "A pending transfer expired before it was committed (sent to both parties).",
  "agreement.unsigned":
    "A quick-pay agreement ended, by the bank or by you (sent to the payment institution).",
  "payment.succeeded":
    "An agreement payment debited the customer's account (sent to the payment institution).",
  "payment.failed":
    "An agreement payment failed; no money moved (sent to the payment institution).",
  "payout.succeeded": "A payout credited the customer's account (sent to the payment institution).",
  "payout.failed": "A payout failed; no money moved (sent to the payment institution).",
  "refund.succeeded":
    "A refund returned money to the customer's account (sent to the payment institution).",
  "refund.failed": "A refund failed; no money moved (sent to the payment institution).",
  "channel.suspended":
    "The operator suspended some or all of your bill-payment capabilities (sent to the channel).",
  "channel.suspension_lifted":
    "The operator restored suspended capabilities (sent to the channel).",
  "channel.terminated":
    "The operator terminated you as a channel; that is final (sent to the channel).",
  "bill.presented":
    "A biller issued or changed a bill of a customer you subscribed to (sent to the channel).",
  "bill_payment.posted":
    "The biller credited the customer with a bill payment and gave its receipt (sent to the channel).",
  "bill_payment.rejected":
    "The biller refused a bill payment; the money was cleared back to you (sent to the channel).",
  "bill_payment.reversed":
    "The biller reversed a bill payment it had credited; the money was cleared back to you (sent to the channel).",
  "bill_payment.posting_failed":
    "A bill payment could not be posted to the biller within its deadline; the operator settles it with the biller (sent to the channel).",
  "barcode_payment.succeeded":
    "A barcode payment was cleared from the issuer to the acquirer (sent to both).",
  "barcode_payment.declined":
    "The issuer declined a consumer-presented barcode payment; no money moved (sent to both).",
  "barcode_payment.reversed":
    "A barcode payment whose outcome was unknown was reversed: the customer is not charged, and any money cleared went back (sent to both).",
  "barcode_refund.succeeded":
    "A refund of a barcode payment cleared from the acquirer back to the issuer, which credits its customer (sent to both).",
  "barcode_refund.declined":
    "A refund of a consumer-presented barcode payment was declined by the issuer; its amount may be refunded again (sent to both).",
} as const satisfies Record<string, string>;

export type EventType = keyof typeof eventTypes;

export const eventTypeNames = Object.keys(eventTypes) as EventType[];

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(eventTypes, value);
}

/** The stored form of a subscription: sorted, without duplicates, space-separated. */
export function encodeEventTypes(types: readonly EventType[]): string {
  return [...new Set(types)].sort().join(" ");
}

export function decodeEventTypes(encoded: string): EventType[] {
  return encoded.split(" ").filter(isEventType);
}
