import type { Selectable } from "kysely";
import type {
  BankOperation,
  BankOperationKind,
  BankOperationState,
} from "../../domain/bank-operations/bank-operation.ts";
import type { BankOperationsTable } from "./bank-tables.ts";

function nullableNumber(value: bigint | number | null): number | null {
  return value === null ? null : Number(value);
}

export function operationFromRow(row: Selectable<BankOperationsTable>): BankOperation {
  return {
    paymentInstitutionId: row.payment_institution_id,
    id: row.id,
    kind: row.kind as BankOperationKind,
    bankId: row.bank_id,
    agreementId: row.agreement_id,
    originalId: row.original_id,
    amountMinor: BigInt(row.amount),
    feeMinor: row.fee_minor === null ? null : BigInt(row.fee_minor),
    currency: row.currency,
    transactionId: row.transaction_id,
    state: row.state as BankOperationState,
    requestHash: row.request_hash,
    failureCode: row.failure_code,
    failureText: row.failure_text,
    bankReference: row.bank_reference,
    sealedCreditor: row.creditor,
    maskedCreditor: row.creditor_masked === null ? null : JSON.parse(row.creditor_masked),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    completedAt: nullableNumber(row.completed_at),
    nextInquiryAt: Number(row.next_inquiry_at),
    inquiries: Number(row.inquiries),
  };
}

export function operationRow(operation: BankOperation): BankOperationsTable {
  return {
    payment_institution_id: operation.paymentInstitutionId,
    id: operation.id,
    kind: operation.kind,
    bank_id: operation.bankId,
    agreement_id: operation.agreementId,
    original_id: operation.originalId,
    amount: operation.amountMinor,
    fee_minor: operation.feeMinor,
    currency: operation.currency,
    transaction_id: operation.transactionId,
    state: operation.state,
    request_hash: operation.requestHash,
    failure_code: operation.failureCode,
    failure_text: operation.failureText,
    bank_reference: operation.bankReference,
    creditor: operation.sealedCreditor,
    creditor_masked:
      operation.maskedCreditor === null ? null : JSON.stringify(operation.maskedCreditor),
    created_at: BigInt(operation.createdAt),
    updated_at: BigInt(operation.updatedAt),
    completed_at: operation.completedAt === null ? null : BigInt(operation.completedAt),
    next_inquiry_at: BigInt(operation.nextInquiryAt),
    inquiries: operation.inquiries,
  };
}
