import type { BankOperation, BankOperationState } from "./bank-operation.ts";

/** What was learnt about an operation: from the call, an inquiry or the bank's notice. */
export type BankOperationOutcome =
  | { readonly kind: "succeeded"; readonly bankReference: string; readonly completedAt: number }
  | { readonly kind: "failed"; readonly code: string; readonly text: string }
  | { readonly kind: "pending" }
  | { readonly kind: "unknown" };

/** The states each outcome may move an operation from. A settled operation never moves. */
const movesFrom: Readonly<Record<BankOperationOutcome["kind"], readonly BankOperationState[]>> = {
  succeeded: ["processing", "pending", "unknown"],
  failed: ["processing", "pending", "unknown"],
  pending: ["processing", "unknown"],
  unknown: ["processing"],
};

export type OutcomeResult =
  | { readonly ok: true; readonly operation: BankOperation }
  | { readonly ok: false; readonly code: "bank_operation_state_conflict" };

/**
 * The operation after the outcome, or a conflict when its state does not allow the move (a
 * late `pending` after `unknown` was settled, a second final answer). The store writes it only
 * if the state is still the one read. `nextInquiryAt` is where an unsettled operation is next
 * asked about.
 */
export function applyOutcome(
  operation: BankOperation,
  outcome: BankOperationOutcome,
  at: number,
  nextInquiryAt: number,
): OutcomeResult {
  if (!movesFrom[outcome.kind].includes(operation.state)) {
    return { ok: false, code: "bank_operation_state_conflict" };
  }
  const moved = { ...operation, state: outcome.kind, updatedAt: at };
  switch (outcome.kind) {
    case "succeeded":
      return {
        ok: true,
        operation: {
          ...moved,
          bankReference: outcome.bankReference,
          completedAt: outcome.completedAt,
        },
      };
    case "failed":
      return {
        ok: true,
        operation: {
          ...moved,
          failureCode: outcome.code,
          failureText: outcome.text,
          completedAt: at,
        },
      };
    case "pending":
    case "unknown":
      return { ok: true, operation: { ...moved, nextInquiryAt } };
  }
}

/** Waits between inquiries: the take-up delay every operation on a participant's system uses. */
export { takeUpDelayMs as inquiryDelayMs } from "../calls/take-up-delay.ts";
