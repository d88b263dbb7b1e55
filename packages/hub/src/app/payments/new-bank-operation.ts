import { randomUUID } from "node:crypto";
import type { BankOperation } from "../../domain/bank-operations/bank-operation.ts";

/** What distinguishes one new operation; the rest starts the same for every kind. */
export type NewOperationFields = Pick<
  BankOperation,
  | "paymentInstitutionId"
  | "id"
  | "kind"
  | "bankId"
  | "agreementId"
  | "originalId"
  | "amountMinor"
  | "currency"
  | "requestHash"
> &
  Partial<Pick<BankOperation, "sealedCreditor" | "maskedCreditor">>;

/**
 * A new operation, `processing`, with its transaction id fixed for good: the bank's
 * idempotency key and the ledger reservation's id. Its first inquiry waits out the call.
 */
export function newBankOperation(
  fields: NewOperationFields,
  now: number,
  callGraceMs: number,
): BankOperation {
  return {
    feeMinor: null,
    sealedCreditor: null,
    maskedCreditor: null,
    ...fields,
    transactionId: `tx-${randomUUID()}`,
    state: "processing",
    failureCode: null,
    failureText: null,
    bankReference: null,
    createdAt: now,
    updatedAt: now,
    completedAt: null,
    nextInquiryAt: now + callGraceMs,
    inquiries: 0,
  };
}
