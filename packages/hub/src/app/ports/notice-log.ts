/**
 * The notices participants' systems send the hub (a bank's transaction result or unsigning, a
 * biller's new bill or reversal), kept once applied so that a repeat is answered without acting
 * again. Keyed by the sending participant and its own notice id: two senders may reuse an id.
 * A notice is recorded after its effect is written; every effect is idempotent on its own, so a
 * crash between the two only means a repeat applies it again, harmlessly.
 */
export interface NoticeLog {
  /** Whether this sender's notice with this id was recorded. */
  seen(senderId: string, noticeId: string): Promise<boolean>;
  /**
   * Records the notice; a second record of the same (sender, id) changes nothing.
   * `transactionId`: the transaction a result notice concerns, so a trace finds it.
   */
  record(
    senderId: string,
    noticeId: string,
    kind: string,
    at: number,
    transactionId?: string | undefined,
  ): Promise<void>;
}
