import type { Selectable } from "kysely";
import type { BillPayment, BillPaymentState } from "../../domain/bill-payments/bill-payment.ts";
import type { BillPaymentsTable } from "./biller-tables.ts";

function nullableNumber(value: bigint | number | null): number | null {
  return value === null ? null : Number(value);
}

function nullableBigint(value: number | null): bigint | null {
  return value === null ? null : BigInt(value);
}

export function billPaymentFromRow(row: Selectable<BillPaymentsTable>): BillPayment {
  return {
    channelId: row.channel_id,
    id: row.id,
    billerId: row.biller_id,
    billRef: row.bill_ref,
    sealedParameters: row.customer_parameters,
    parametersHash: row.parameters_hash,
    billNumber: row.bill_number,
    amountMinor: BigInt(row.amount),
    feeMinor: row.fee_minor === null ? null : BigInt(row.fee_minor),
    currency: row.currency,
    requestHash: row.request_hash,
    state: row.state as BillPaymentState,
    postingId: row.posting_id,
    receiptNumber: row.receipt_number,
    failureCode: row.failure_code,
    failureText: row.failure_text,
    failAt: Number(row.fail_at),
    nextInquiryAt: Number(row.next_inquiry_at),
    inquiries: Number(row.inquiries),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    postedAt: nullableNumber(row.posted_at),
    reversedAt: nullableNumber(row.reversed_at),
  };
}

export function billPaymentRow(payment: BillPayment): BillPaymentsTable {
  return {
    channel_id: payment.channelId,
    id: payment.id,
    biller_id: payment.billerId,
    bill_ref: payment.billRef,
    customer_parameters: payment.sealedParameters,
    parameters_hash: payment.parametersHash,
    bill_number: payment.billNumber,
    amount: payment.amountMinor,
    fee_minor: payment.feeMinor,
    currency: payment.currency,
    request_hash: payment.requestHash,
    state: payment.state,
    posting_id: payment.postingId,
    receipt_number: payment.receiptNumber,
    failure_code: payment.failureCode,
    failure_text: payment.failureText,
    fail_at: BigInt(payment.failAt),
    next_inquiry_at: BigInt(payment.nextInquiryAt),
    inquiries: payment.inquiries,
    created_at: BigInt(payment.createdAt),
    updated_at: BigInt(payment.updatedAt),
    posted_at: nullableBigint(payment.postedAt),
    reversed_at: nullableBigint(payment.reversedAt),
  };
}
