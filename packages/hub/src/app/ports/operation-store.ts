import type { PreparedEvent } from "../../domain/notifications/webhook-delivery.ts";

/** What the operation runner reads of every operation, whatever its kind. */
export interface RunnableOperation {
  /** The kind's state; `processing`, `pending`, `unknown` unsettled, the kind names the rest. */
  readonly state: string;
  /** When the operation is next taken up while unsettled (an inquiry, or a call sent again). */
  readonly nextInquiryAt: number;
  /** How many times it was taken up: the backoff counts from it. */
  readonly inquiries: number;
}

export type OperationWriteResult<Operation> =
  | { readonly ok: true; readonly operation: Operation }
  | { readonly ok: false; readonly code: string };

/**
 * Where the operations of one kind are kept (bank operations, bill postings): the store the
 * runner and the inquiry job need, keyed as the kind keys them (`Key` is the argument list of
 * `find`). Inserting is the kind's own business: its caps and its key differ.
 */
export interface OperationStore<Operation extends RunnableOperation, Key extends unknown[]> {
  find(...key: Key): Promise<Operation | undefined>;
  /** Writes `next` if the stored state is still `fromState`, with `events` into the outbox. */
  update(
    next: Operation,
    fromState: Operation["state"],
    events?: readonly PreparedEvent[] | undefined,
  ): Promise<OperationWriteResult<Operation>>;
  /**
   * Takes up to `limit` unsettled operations due at `now`, oldest due first, counting one more
   * take-up on each and moving the next to `now + leaseMs`. Concurrent claims, from this process
   * or another hub node, never take the same operation.
   */
  claimDueInquiries(now: number, limit: number, leaseMs: number): Promise<Operation[]>;
}
