/**
 * Why a biller rejected a posted payment: the closed set of reasons of the biller interface. A
 * rejection is final for its posting id: the biller credited nothing and never will under it, and
 * the hub clears the money back to the channel. A biller maps its own codes onto these and may
 * say more in the reason text.
 */
export const postingRejectionReasons = {
  customer_unknown: { meaning: "The biller holds no customer with these parameters." },
  customer_inactive: {
    meaning: "The customer's account at the biller is closed or blocked from payments.",
  },
  bill_unknown: { meaning: "The customer has no bill with this number." },
  bill_already_paid: {
    meaning: "The bill was settled by another payment; the biller takes no second one.",
  },
  bill_withdrawn: { meaning: "The biller cancelled or replaced the bill." },
  amount_mismatch: {
    meaning: "The amount is not the one the bill demands, and the bill takes no other.",
  },
  amount_below_minimum: { meaning: "The amount is below the bill's minimum." },
  amount_above_maximum: { meaning: "The amount is above the bill's maximum." },
  currency_not_supported: { meaning: "The biller does not bill this customer in the currency." },
  declined: {
    meaning: "The biller declined without giving a reason (a rule it does not disclose).",
  },
  posting_not_received: {
    meaning:
      "Answered to a status inquiry: the biller never received the posting. From then on the id is closed: a late arrival of the posting is answered with this rejection and credits nothing.",
  },
} as const satisfies Record<string, { meaning: string }>;

export type PostingRejectionReason = keyof typeof postingRejectionReasons;

export const postingRejectionReasonNames = Object.keys(
  postingRejectionReasons,
) as PostingRejectionReason[];
