import type { BillPresentmentStore } from "../ports/bill-presentment-store.ts";
import type { QuotedBillLookup } from "./bill-payment-service.ts";

/**
 * The bill a payment's `billRef` names, from the presentments: only the channel's own (another
 * channel's reference answers as an unknown one, so a reference leaks nothing), and only until
 * it expires.
 */
export function quotedBillsFrom(
  presentments: BillPresentmentStore,
  clock: () => number,
): (channelId: string, billRef: string) => Promise<QuotedBillLookup> {
  return async (channelId, billRef) => {
    const presented = await presentments.find(channelId, billRef);
    if (presented === undefined || presented.channelId !== channelId) return { found: "none" };
    const { presentedAtMs } = presented;
    if (clock() >= presented.expiresAtMs) return { found: "expired", presentedAtMs };
    const { bill } = presented;
    return {
      found: "bill",
      presentedAtMs,
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
