import { createHash } from "node:crypto";
import { hubPostedTransferIdPrefixes } from "../ledger/transfer.ts";

/**
 * A bill payment: a channel's customer paid a biller through the hub. The money cleared in the
 * ledger when the payment was accepted (channel position → biller position); what is left is
 * telling the biller, which the posting does.
 *
 * - `accepted`: cleared; the posting has not surely reached the biller (never sent, refused
 *   before the biller read it, or sent by a node that died). Taken up by posting it again under
 *   the same posting id, which the biller keeps as its idempotency key.
 * - `posting`: sent, the outcome not known (a timeout, an unusable answer) or `pending` at the
 *   biller. Taken up by the posting status inquiry, which always settles it: an id the biller
 *   never received is answered `rejected` and closed.
 * - `posted`: the biller credited the customer and gave its receipt.
 * - `rejected`: the biller refused the posting for good; the money was cleared back.
 * - `reversed`: the biller took back a payment it had credited; the money was cleared back.
 * - `posting_failed`: the posting stayed unsettled past its deadline of days. The money stays
 *   with the biller, because the hub cannot prove the biller never credited the customer (an
 *   earlier attempt may have arrived); the operator settles it with the biller.
 */
export const billPaymentStates = [
  "accepted",
  "posting",
  "posted",
  "rejected",
  "reversed",
  "posting_failed",
] as const;
export type BillPaymentState = (typeof billPaymentStates)[number];

export const unsettledBillPaymentStates = ["accepted", "posting"] as const;

export function isBillPaymentSettled(state: BillPaymentState): boolean {
  return state !== "accepted" && state !== "posting";
}

export interface BillPayment {
  /** The channel that took the customer's payment. */
  readonly channelId: string;
  /** The channel's id of the payment: its idempotency key. */
  readonly id: string;
  readonly billerId: string;
  /** The presentment the payment quoted, or null for a direct payment. */
  readonly billRef: string | null;
  /** The customer parameters, sealed: they identify a customer. */
  readonly sealedParameters: string;
  /** SHA-256 of the parameters in canonical JSON: finds a customer's payments without opening. */
  readonly parametersHash: string;
  readonly billNumber: string | null;
  readonly amountMinor: bigint;
  /**
   * The fee the channel (the payer) was charged, posted to the operator's fee account in the
   * clearing's linked group; null for none. Kept when the money is cleared back: it paid for
   * the clearing, which happened.
   */
  readonly feeMinor: bigint | null;
  readonly currency: string;
  /** SHA-256 of the canonical request: the same id with another body is not a retry. */
  readonly requestHash: string;
  readonly state: BillPaymentState;
  /** The hub's id of the posting, sent to the biller: derived from the payment's key. */
  readonly postingId: string;
  readonly receiptNumber: string | null;
  readonly failureCode: string | null;
  readonly failureText: string | null;
  /** When the posting is given up as `posting_failed` if still unsettled. */
  readonly failAt: number;
  readonly nextInquiryAt: number;
  /** Take-ups so far (posts sent again and status inquiries): the backoff counts from it. */
  readonly inquiries: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** When the biller credited the customer, as it said. */
  readonly postedAt: number | null;
  readonly reversedAt: number | null;
}

function keyDigest(purpose: string, channelId: string, id: string): string {
  return createHash("sha256")
    .update(`${purpose}\u0000${channelId}\u0000${id}`, "utf8")
    .digest("hex")
    .slice(0, 40);
}

/**
 * The posting id the biller sees: derived from the channel and its payment id, so it is the
 * same however often the payment is taken up, and says nothing about the channel's ids.
 */
export function postingIdOf(channelId: string, id: string): string {
  return `bp-${keyDigest("posting", channelId, id)}`;
}

/**
 * The ledger transfer that clears the payment (channel → biller). Derived from the payment's
 * key, so a retry of a request whose row was never written finds the transfer (`exists`)
 * rather than moving the money twice. The ledger keeps `~` for its own resolutions, so posted
 * transfers the hub writes use the client alphabet, under the prefix the participant API keeps
 * for the hub.
 */
export function clearingTransferIdOf(channelId: string, id: string): string {
  return `${hubPostedTransferIdPrefixes.billPayment}${keyDigest("clearing", channelId, id)}`;
}

/**
 * The transfer that clears the money back (biller → channel) after a rejection or a reversal:
 * one id for both, so a payment is cleared back at most once whatever path comes first.
 */
export function clearBackTransferIdOf(channelId: string, id: string): string {
  return `${clearingTransferIdOf(channelId, id)}.back`;
}
