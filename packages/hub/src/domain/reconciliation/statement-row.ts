/**
 * One line of a participant's daily statement: a transaction the participant is payer or payee
 * of, as the hub's ledger records it. The hub's record is the ledger: every money movement
 * (participant transfers, agreement payments, payouts, refunds, bill payments) clears through a
 * transfer with its details (initiator, payer, payee), and the operation behind it, when there is
 * one, gives the business type, the participant's own reference and the status.
 */
export const statementTypes = [
  "transfer",
  "agreement_payment",
  "payout",
  "refund",
  "bill_payment",
] as const;
export type StatementType = (typeof statementTypes)[number];

export const statementStatuses = ["completed", "pending", "failed", "reversed", "unknown"] as const;
export type StatementStatus = (typeof statementStatuses)[number];

export function isStatementStatus(text: string): text is StatementStatus {
  return (statementStatuses as readonly string[]).includes(text);
}

export interface StatementRow {
  /** The ledger transfer that cleared the transaction. */
  readonly hubTransactionId: string;
  /** The id the initiating participant gave the transaction (its transfer, operation or payment id). */
  readonly participantReference: string;
  readonly type: StatementType;
  readonly counterpartyId: string;
  /** Seen from the participant: negative when it pays, positive when it is paid. */
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly feeMinor: bigint;
  readonly status: StatementStatus;
  /** The settlement window whose journal range holds the transfer that moved the money. */
  readonly windowId: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}
