import type { Selectable } from "kysely";
import type {
  Agreement,
  AgreementCustomer,
  AgreementState,
  UnsignedBy,
} from "../../domain/agreements/agreement.ts";
import type { AgreementsTable } from "./bank-tables.ts";

function nullableNumber(value: bigint | number | null): number | null {
  return value === null ? null : Number(value);
}

export function agreementFromRow(row: Selectable<AgreementsTable>): Agreement {
  return {
    id: row.id,
    paymentInstitutionId: row.payment_institution_id,
    bankId: row.bank_id,
    state: row.state as AgreementState,
    pinnedEndpointId: row.pinned_endpoint_id,
    signRequestId: row.sign_request_id,
    bankSignRequestId: row.bank_sign_request_id,
    risk: {
      authenticationFactors: Number(row.authentication_factors),
      digitalCertificate: Number(row.digital_certificate) === 1,
    },
    requestHash: row.request_hash,
    sealedCustomer: row.customer,
    maskedCustomer: JSON.parse(row.customer_masked) as AgreementCustomer,
    agreementNumber: row.agreement_number,
    otpExpiresAt: nullableNumber(row.otp_expires_at),
    failureCode: row.failure_code,
    failureText: row.failure_text,
    unsignedBy: row.unsigned_by as UnsignedBy | null,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    signedAt: nullableNumber(row.signed_at),
    unsignedAt: nullableNumber(row.unsigned_at),
  };
}

function nullableBigint(value: number | null): bigint | null {
  return value === null ? null : BigInt(value);
}

export function agreementRow(agreement: Agreement): AgreementsTable {
  return {
    payment_institution_id: agreement.paymentInstitutionId,
    id: agreement.id,
    bank_id: agreement.bankId,
    state: agreement.state,
    pinned_endpoint_id: agreement.pinnedEndpointId,
    sign_request_id: agreement.signRequestId,
    bank_sign_request_id: agreement.bankSignRequestId,
    authentication_factors: agreement.risk.authenticationFactors,
    digital_certificate: agreement.risk.digitalCertificate ? 1 : 0,
    request_hash: agreement.requestHash,
    customer: agreement.sealedCustomer,
    customer_masked: JSON.stringify(agreement.maskedCustomer),
    agreement_number: agreement.agreementNumber,
    otp_expires_at: nullableBigint(agreement.otpExpiresAt),
    failure_code: agreement.failureCode,
    failure_text: agreement.failureText,
    unsigned_by: agreement.unsignedBy,
    created_at: BigInt(agreement.createdAt),
    updated_at: BigInt(agreement.updatedAt),
    signed_at: nullableBigint(agreement.signedAt),
    unsigned_at: nullableBigint(agreement.unsignedAt),
  };
}
