import type { Selectable } from "kysely";
import type {
  BarcodeInstrument,
  BarcodePayment,
  BarcodePaymentState,
} from "../../domain/barcode/barcode-payment.ts";
import type { RiskLevel } from "../../domain/barcode/risk-level.ts";
import type { BarcodePaymentsTable } from "./barcode-tables.ts";

export function barcodePaymentFromRow(row: Selectable<BarcodePaymentsTable>): BarcodePayment {
  return {
    initiatorId: row.initiator_id,
    id: row.id,
    paymentId: row.payment_id,
    instrument: row.instrument as BarcodeInstrument,
    issuerId: row.issuer_id,
    acquirerId: row.acquirer_id,
    merchantId: row.merchant_id,
    amountMinor: BigInt(row.amount),
    currency: row.currency,
    orderReference: row.order_reference,
    sealedNumber: row.sealed_number,
    maskedNumber: row.masked_number,
    customerKey: row.customer_key,
    verificationLevel: row.verification_level as RiskLevel | null,
    requestHash: row.request_hash,
    state: row.state as BarcodePaymentState,
    authorizationCode: row.authorization_code,
    failureCode: row.failure_code,
    failureText: row.failure_text,
    refundedMinor: BigInt(row.refunded),
    nextInquiryAt: Number(row.next_inquiry_at),
    inquiries: Number(row.inquiries),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    settledAt: row.settled_at === null ? null : Number(row.settled_at),
  };
}

export function barcodePaymentRow(payment: BarcodePayment): BarcodePaymentsTable {
  return {
    initiator_id: payment.initiatorId,
    id: payment.id,
    payment_id: payment.paymentId,
    instrument: payment.instrument,
    issuer_id: payment.issuerId,
    acquirer_id: payment.acquirerId,
    merchant_id: payment.merchantId,
    amount: payment.amountMinor,
    currency: payment.currency,
    order_reference: payment.orderReference,
    sealed_number: payment.sealedNumber,
    masked_number: payment.maskedNumber,
    customer_key: payment.customerKey,
    verification_level: payment.verificationLevel,
    request_hash: payment.requestHash,
    state: payment.state,
    authorization_code: payment.authorizationCode,
    failure_code: payment.failureCode,
    failure_text: payment.failureText,
    refunded: payment.refundedMinor,
    next_inquiry_at: BigInt(payment.nextInquiryAt),
    inquiries: payment.inquiries,
    created_at: BigInt(payment.createdAt),
    updated_at: BigInt(payment.updatedAt),
    settled_at: payment.settledAt === null ? null : BigInt(payment.settledAt),
  };
}
