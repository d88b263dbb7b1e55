/**
 * One movement of a customer's money that the hub asks a bank to make on a payment
 * institution's behalf, with the ledger reservation that mirrors it:
 * - `debit`: an agreement payment, from the customer's account (the bank owes the institution);
 * - `credit`: a payout, to a customer's account (the institution owes the bank);
 * - `refund`: part or all of an earlier debit, back to the account it came from.
 *
 * Every kind goes through the same states:
 * - `processing`: recorded and reserved in the ledger; the bank's answer has not come yet;
 * - `pending`: the bank answered that it decides later (a notice or an inquiry tells);
 * - `unknown`: the call was sent but its answer was lost: only the bank knows; an inquiry asks;
 * - `succeeded`, `failed`: final, and the ledger reservation committed or voided to match.
 */
export type BankOperationKind = "debit" | "credit" | "refund";

export type BankOperationState = "processing" | "pending" | "unknown" | "succeeded" | "failed";

export const bankOperationStates: readonly BankOperationState[] = [
  "processing",
  "pending",
  "unknown",
  "succeeded",
  "failed",
];

/** The states an inquiry may still change. */
export const unsettledStates: readonly BankOperationState[] = ["processing", "pending", "unknown"];

export interface BankOperation {
  readonly paymentInstitutionId: string;
  /** The institution's id: its idempotency key. */
  readonly id: string;
  readonly kind: BankOperationKind;
  readonly bankId: string;
  /** The agreement a debit quotes; null for other kinds. */
  readonly agreementId: string | null;
  /** For a refund: the institution's id of the debit it refunds. */
  readonly originalId: string | null;
  readonly amountMinor: bigint;
  /**
   * The fee the institution (the initiator) is charged, priced once when the operation is
   * recorded: reserved with the operation's reservation, committed or voided with it. Null for
   * none.
   */
  readonly feeMinor: bigint | null;
  readonly currency: string;
  /**
   * The hub's id of the transaction, sent to the bank as its idempotency key and used as the
   * ledger reservation's id: fixed when the operation is recorded, the same on every retry.
   */
  readonly transactionId: string;
  readonly state: BankOperationState;
  readonly requestHash: string;
  readonly failureCode: string | null;
  readonly failureText: string | null;
  readonly bankReference: string | null;
  /** A payout's creditor by account details: sealed, and masked for answers; else null. */
  readonly sealedCreditor: string | null;
  readonly maskedCreditor: { readonly name: string; readonly accountNumber: string } | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly completedAt: number | null;
  /** When an inquiry is next due while the operation is unsettled. */
  readonly nextInquiryAt: number;
  readonly inquiries: number;
}

export function isSettled(state: BankOperationState): boolean {
  return state === "succeeded" || state === "failed";
}
