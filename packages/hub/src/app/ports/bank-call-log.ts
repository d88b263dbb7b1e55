/** Which call the hub made: an operation's own (by its kind) or a status inquiry. */
export type BankCallName = "debit" | "credit" | "refund" | "inquiry";

/**
 * One call to a bank about a transaction, as the trace reads it back: the rows the runner
 * records through the participant call log (participant-call-log.ts), for a bank.
 */
export interface BankCallRecord {
  readonly at: number;
  readonly bankId: string;
  readonly endpointId: string;
  readonly transactionId: string;
  readonly call: BankCallName;
  /** 1 for an operation's own call; the inquiry's number for an inquiry. */
  readonly attempt: number;
  /**
   * `answered:<status>`, `refused:<code>`, `not_sent` (nothing reached the bank) or `unknown`
   * (sent, no answer to rely on).
   */
  readonly outcome: string;
  readonly detail: string | null;
  readonly latencyMs: number;
}
