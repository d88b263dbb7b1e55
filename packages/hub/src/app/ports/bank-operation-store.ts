import type { BankOperation } from "../../domain/bank-operations/bank-operation.ts";
import type { PreparedEvent } from "../../domain/notifications/webhook-delivery.ts";
import type { OperationStore } from "./operation-store.ts";

/**
 * A bound an insert must keep, checked in the insert's own transaction with the row it sums
 * locked, so concurrent requests cannot pass it together:
 * - `agreement_daily`: the debits of an agreement in a day, every one not failed counted;
 * - `refundable`: the refunds of a debit, every one not failed counted, up to the debit.
 */
export type OperationCap =
  | {
      readonly kind: "agreement_daily";
      readonly agreementId: string;
      readonly dayStart: number;
      readonly dayEnd: number;
      readonly maxMinor: bigint;
    }
  | { readonly kind: "refundable"; readonly originalId: string; readonly maxMinor: bigint };

export type OperationInsert =
  | { readonly ok: true; readonly operation: BankOperation; readonly created: boolean }
  | { readonly ok: false; readonly code: "exceeds_daily_limit" | "exceeds_refundable_amount" };

export type OperationWrite =
  | { readonly ok: true; readonly operation: BankOperation }
  | { readonly ok: false; readonly code: "bank_operation_state_conflict" };

/**
 * The bank operations of payment institutions, keyed by the institution and its own id: the
 * operation runner's store for the bank kind, with the inserts and lookups banks need.
 */
export interface BankOperationStore
  extends OperationStore<BankOperation, [paymentInstitutionId: string, id: string]> {
  /** Inserts the operation within the cap, or answers the one stored under its key. */
  insert(operation: BankOperation, cap?: OperationCap | undefined): Promise<OperationInsert>;
  find(paymentInstitutionId: string, id: string): Promise<BankOperation | undefined>;
  findByTransaction(bankId: string, transactionId: string): Promise<BankOperation | undefined>;
  /** Writes `next` if the stored state is still `fromState`, with `events` into the outbox. */
  update(
    next: BankOperation,
    fromState: BankOperation["state"],
    events?: readonly PreparedEvent[] | undefined,
  ): Promise<OperationWrite>;
  /**
   * Takes up to `limit` unsettled operations whose inquiry is due at `now`, oldest due first,
   * counting an inquiry on each and moving the next one to `now + leaseMs`. Concurrent claims,
   * from this process or another hub node, never take the same operation.
   */
  claimDueInquiries(now: number, limit: number, leaseMs: number): Promise<BankOperation[]>;
}
