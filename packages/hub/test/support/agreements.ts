import type { Agreement } from "../../src/domain/agreements/agreement.ts";

/** An agreement as the store keeps it, pinned where a test needs it. */
export function pinnedAgreement(
  id: string,
  bankId: string,
  pinnedEndpointId: string,
  state: Agreement["state"],
  paymentInstitutionId = "wallet-a",
): Agreement {
  return {
    id,
    paymentInstitutionId,
    bankId,
    state,
    pinnedEndpointId,
    signRequestId: `sr-${id}`,
    bankSignRequestId: null,
    risk: { authenticationFactors: 2, digitalCertificate: true },
    requestHash: "hash",
    sealedCustomer: "sealed-text",
    maskedCustomer: {
      holderName: "Li Wei",
      accountNumber: "****0001",
      idType: "resident_id",
      idNumber: "1****1X",
      mobile: "****0001",
    },
    agreementNumber: null,
    otpExpiresAt: null,
    failureCode: null,
    failureText: null,
    unsignedBy: null,
    signedAt: null,
    unsignedAt: null,
    createdAt: 100,
    updatedAt: 100,
  };
}
