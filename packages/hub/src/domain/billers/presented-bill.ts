/**
 * A bill as a biller pushed it, with its amounts in integer minor units of its currency: the
 * hub's own form, parsed once at the edge and written back as decimal strings in events.
 */
export interface PresentedBill {
  readonly billNumber: string;
  readonly currency: string;
  readonly amountDueMinor: bigint;
  readonly amountMinMinor: bigint | null;
  readonly amountMaxMinor: bigint | null;
  /** ISO dates, `YYYY-MM-DD`. */
  readonly dueDate: string;
  readonly period: { readonly from: string; readonly to: string } | null;
  readonly description: string | null;
}

export type PresentedBillError = "bill_amounts_inconsistent" | "bill_period_reversed";

/**
 * What the biller interface promises of a bill beyond its fields' shapes: the least payable is
 * at most the amount due, the most payable at least it, and a period ends on or after it
 * starts. ISO dates compare as text. A bill breaking them is refused, not passed on: a channel
 * would show its user a bill that cannot be paid as shown.
 */
export function presentedBillError(bill: PresentedBill): PresentedBillError | undefined {
  if (bill.amountMinMinor !== null && bill.amountMinMinor > bill.amountDueMinor) {
    return "bill_amounts_inconsistent";
  }
  if (bill.amountMaxMinor !== null && bill.amountMaxMinor < bill.amountDueMinor) {
    return "bill_amounts_inconsistent";
  }
  if (bill.period !== null && bill.period.to < bill.period.from) return "bill_period_reversed";
  return undefined;
}
