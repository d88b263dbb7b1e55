/**
 * Why an issuer declined a code or card payment: the closed set of reasons of the wallet
 * interface. A decline is final for its payment id: the issuer charged nothing and never will
 * under it. An issuer maps its own codes onto these and may say more in the reason text.
 */
export const codePaymentDeclineReasons = {
  code_unknown: {
    meaning: "The issuer knows no such payment code or card number.",
  },
  code_expired: { meaning: "The payment code's time ran out before the payment arrived." },
  code_used: { meaning: "The payment code paid before: each code pays once." },
  insufficient_funds: {
    meaning: "The customer's or the card's balance in the currency does not cover the amount.",
  },
  customer_blocked: { meaning: "The customer's account is blocked from payments." },
  limit_exceeded: { meaning: "The amount is over a limit the issuer sets for the customer." },
  card_blocked: { meaning: "The prepaid card is blocked, lost or cancelled." },
  payment_not_received: {
    meaning:
      "Answered to a status inquiry: the issuer never received the payment. From then on the id is closed: a late authorisation under it is answered with this decline and charges nothing.",
  },
  issuer_decision: {
    meaning:
      "The issuer or the customer declined without another reason (a risk rule, the customer refusing in the app).",
  },
} as const satisfies Record<string, { meaning: string }>;

export type CodePaymentDeclineReason = keyof typeof codePaymentDeclineReasons;

export const codePaymentDeclineReasonNames = Object.keys(
  codePaymentDeclineReasons,
) as CodePaymentDeclineReason[];

/**
 * Why an issuer declined a refund: final for the refund id, nothing credited and nothing ever
 * will be under it.
 */
export const walletRefundDeclineReasons = {
  payment_not_found: { meaning: "The issuer holds no payment with this id." },
  amount_exceeds_payment: {
    meaning: "With the refunds already made, the amount would pass the payment's.",
  },
  payment_not_approved: {
    meaning:
      "The payment was declined, is still pending, or was reversed: there is nothing to refund.",
  },
  refund_not_received: {
    meaning:
      "Answered to a refund inquiry: the issuer never received the refund. From then on the id is closed: a late refund under it is answered with this decline and credits nothing.",
  },
} as const satisfies Record<string, { meaning: string }>;

export type WalletRefundDeclineReason = keyof typeof walletRefundDeclineReasons;

export const walletRefundDeclineReasonNames = Object.keys(
  walletRefundDeclineReasons,
) as WalletRefundDeclineReason[];
