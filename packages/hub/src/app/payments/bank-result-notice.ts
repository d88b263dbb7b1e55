import type { BankOperationKind } from "../../domain/bank-operations/bank-operation.ts";
import type { BankOperationOutcome } from "../../domain/bank-operations/bank-operation-outcome.ts";

/**
 * A bank's notice that a transaction it answered `pending` is final, as the app reads it: the
 * HTTP layer decodes the bank interface's message into this, so the app knows no wire format.
 * Only a final outcome can be noticed; a pending or unknown one is not news.
 */
export interface BankResultNotice {
  readonly noticeId: string;
  readonly operation: BankOperationKind;
  readonly transactionId: string;
  readonly outcome: Extract<BankOperationOutcome, { kind: "succeeded" | "failed" }>;
}
