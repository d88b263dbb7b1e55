import type { BillPresentmentStore } from "../ports/bill-presentment-store.ts";

/** The bill a payment quotes, as the presentment kept it: what the amount is checked against. */
export interface QuotedBill {
  readonly billerId: string;
  readonly customerParameters: Readonly<Record<string, string>>;
  readonly billNumber: string;
  readonly currency: string;
  readonly amountDueMinor: bigint;
  readonly amountMinMinor: bigint | null;
  readonly amountMaxMinor: bigint | null;
}

/**
 * The channel's own presentment by reference: unknown, or the bill it quoted with when the hub
 * presented it (which decides whether a suspension's honour policy covers the payment) and
 * whether its reference has expired.
 */
export type QuotedBillLookup =
  | { readonly found: "none" }
  | {
      readonly found: "bill";
      readonly bill: QuotedBill;
      readonly presentedAtMs: number;
      readonly expired: boolean;
    };

/**
 * The bill a payment's `billRef` names, from the presentments: only the channel's own (another
 * channel's reference answers as an unknown one, so a reference leaks nothing), and whether it
 * has expired by now.
 */
export function quotedBillsFrom(
  presentments: BillPresentmentStore,
  clock: () => number,
): (channelId: string, billRef: string) => Promise<QuotedBillLookup> {
  return async (channelId, billRef) => {
    const presented = await presentments.find(channelId, billRef);
    if (presented === undefined || presented.channelId !== channelId) return { found: "none" };
    const { presentedAtMs, bill } = presented;
    return {
      found: "bill",
      presentedAtMs,
      expired: clock() >= presented.expiresAtMs,
      bill: {
        billerId: presented.billerId,
        customerParameters: presented.customerParameters,
        billNumber: bill.billNumber,
        currency: bill.currency.code,
        amountDueMinor: bill.amountDueMinor,
        amountMinMinor: bill.amountMinMinor ?? null,
        amountMaxMinor: bill.amountMaxMinor ?? null,
      },
    };
  };
}
