import type { BillPresentmentStore } from "../ports/bill-presentment-store.ts";
import type { QuotedBillLookup } from "./bill-payment-service.ts";

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
