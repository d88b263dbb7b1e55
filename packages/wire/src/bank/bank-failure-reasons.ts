/**
 * Why a bank says a debit, credit or refund failed, as the bank writes it: the closed set of
 * reasons of the bank interface. A bank maps its own codes onto these and may say more in the
 * reason text. A failed transaction moved no money, and the same transaction id will fail the
 * same way again: `retryWithNewId` says whether a new transaction (a new id) might succeed later.
 * The hub's domain keeps its own set; its bank adapter proves at compile time that the two are
 * the same.
 */
export const bankFailureReasons = {
  insufficient_funds: {
    retryWithNewId: true,
    meaning: "The account's available balance is below the amount.",
  },
  limit_exceeded: {
    retryWithNewId: true,
    meaning: "The amount passes a limit of the agreement or the account (per payment, per day).",
  },
  agreement_unknown: {
    retryWithNewId: false,
    meaning: "The bank holds no agreement with this number for this payment institution.",
  },
  agreement_unsigned: {
    retryWithNewId: false,
    meaning: "The agreement was unsigned, by the customer, the bank or the hub.",
  },
  account_unknown: { retryWithNewId: false, meaning: "The bank holds no such account." },
  account_closed: { retryWithNewId: false, meaning: "The account is closed." },
  account_frozen: {
    retryWithNewId: true,
    meaning: "The account is frozen (by a court order, a dispute, a fraud hold).",
  },
  creditor_name_mismatch: {
    retryWithNewId: false,
    meaning: "The creditor's name differs from the account holder's.",
  },
  currency_not_supported: {
    retryWithNewId: false,
    meaning: "The account is not held in the transaction's currency.",
  },
  original_transaction_unknown: {
    retryWithNewId: false,
    meaning: "A refund names a debit the bank never made for this payment institution.",
  },
  original_transaction_not_refundable: {
    retryWithNewId: false,
    meaning: "A refund names a transaction that is not a succeeded debit, or in another currency.",
  },
  refund_exceeds_debit: {
    retryWithNewId: false,
    meaning:
      "The refund, with the refunds of the same debit that succeeded or are pending, would pass the debit's amount.",
  },
  declined: {
    retryWithNewId: true,
    meaning:
      "The bank declined without giving a reason (risk control, a rule it does not disclose).",
  },
  transaction_not_received: {
    retryWithNewId: true,
    meaning:
      "Answered to an inquiry: the bank never received the transaction. From then on the id is closed: a late arrival of the request is answered with this failure and applies nothing.",
  },
} as const satisfies Record<string, { retryWithNewId: boolean; meaning: string }>;

export type BankFailureReason = keyof typeof bankFailureReasons;

export const bankFailureReasonNames = Object.keys(bankFailureReasons) as BankFailureReason[];
