import type { Selectable } from "kysely";
import type { BarcodeInstrument } from "../../domain/barcode/barcode-payment.ts";
import type { BarcodeRefund, BarcodeRefundState } from "../../domain/barcode/barcode-refund.ts";
import type { BarcodeRefundsTable } from "./barcode-tables.ts";

export function barcodeRefundFromRow(row: Selectable<BarcodeRefundsTable>): BarcodeRefund {
  return {
    acquirerId: row.acquirer_id,
    id: row.id,
    refundId: row.refund_id,
    paymentId: row.payment_id,
    instrument: row.instrument as BarcodeInstrument,
    issuerId: row.issuer_id,
    amountMinor: BigInt(row.amount),
    currency: row.currency,
    reason: row.reason,
    state: row.state as BarcodeRefundState,
    failureCode: row.failure_code,
    failureText: row.failure_text,
    requestHash: row.request_hash,
    nextInquiryAt: Number(row.next_inquiry_at),
    inquiries: Number(row.inquiries),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    settledAt: row.settled_at === null ? null : Number(row.settled_at),
  };
}

export function barcodeRefundRow(refund: BarcodeRefund): BarcodeRefundsTable {
  return {
    acquirer_id: refund.acquirerId,
    id: refund.id,
    refund_id: refund.refundId,
    payment_id: refund.paymentId,
    instrument: refund.instrument,
    issuer_id: refund.issuerId,
    amount: refund.amountMinor,
    currency: refund.currency,
    reason: refund.reason,
    state: refund.state,
    failure_code: refund.failureCode,
    failure_text: refund.failureText,
    request_hash: refund.requestHash,
    next_inquiry_at: BigInt(refund.nextInquiryAt),
    inquiries: refund.inquiries,
    created_at: BigInt(refund.createdAt),
    updated_at: BigInt(refund.updatedAt),
    settled_at: refund.settledAt === null ? null : BigInt(refund.settledAt),
  };
}
