/** Biller profiles as an operator sends them, for the registry's tests. */
import type { BillerProfileInput } from "../../src/domain/billers/biller-profile.ts";

/** A water company: one account number with a Luhn check, bills fetched and paid exactly. */
export const waterProfile: BillerProfileInput = {
  category: "water",
  parameters: [
    {
      name: "account_number",
      label: "Account number",
      type: "numeric",
      pattern: "[1-9][0-9]*",
      minLength: 8,
      maxLength: 12,
      checkDigit: "luhn",
    },
  ],
  billFetch: "mandatory",
  amountExactness: "exact",
  presentmentCacheTtlSeconds: 900,
  capacity: {
    inquiriesPerSecond: 20,
    concurrentCallsMax: 8,
    postingsPerSecond: 10,
    postingReserveBasisPoints: 3000,
  },
  currencies: ["CNY"],
};
