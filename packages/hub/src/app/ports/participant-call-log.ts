/** One call to a participant's system about an operation, as the operator's trace shows it. */
export interface ParticipantCallRecord {
  readonly at: number;
  /** The participant whose system was called (a bank, a biller). */
  readonly participantId: string;
  readonly endpointId: string;
  /** The hub's id of the operation's transaction: its idempotency key with the callee. */
  readonly transactionId: string;
  /** Which call: the operation's own (by its kind, e.g. `debit`, `posting`) or `inquiry`. */
  readonly call: string;
  /** 1 for an operation's own call; the take-up's number after that. */
  readonly attempt: number;
  /**
   * `answered:<status>`, `refused:<code>`, `not_sent` (nothing reached the callee) or `unknown`
   * (sent, no answer to rely on).
   */
  readonly outcome: string;
  readonly detail: string | null;
  readonly latencyMs: number;
}

/** Records each call; the trace reads them back. A lost record never changes an outcome. */
export interface ParticipantCallLog {
  record(call: ParticipantCallRecord): Promise<void>;
}
