import { describe, expect, it } from "vitest";
import {
  type Agreement,
  type AgreementState,
  agreementStates,
} from "../../../src/domain/agreements/agreement.ts";
import {
  type AgreementChange,
  applyAgreementChange,
} from "../../../src/domain/agreements/agreement-transition.ts";

function agreement(state: AgreementState): Agreement {
  return {
    id: "ag-1",
    paymentInstitutionId: "wallet-a",
    bankId: "bank-a",
    state,
    pinnedEndpointId: "main",
    signRequestId: "sr-1",
    bankSignRequestId: null,
    risk: { authenticationFactors: 1, digitalCertificate: false },
    requestHash: "h",
    sealedCustomer: "sealed",
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
    createdAt: 1,
    updatedAt: 1,
    signedAt: null,
    unsignedAt: null,
  };
}

const changes: Record<AgreementChange["kind"], AgreementChange> = {
  otp_sent: { kind: "otp_sent", bankSignRequestId: "b-1", otpExpiresAt: 500 },
  signed: { kind: "signed", agreementNumber: "AGR-1", signedAt: 600 },
  signing_failed: { kind: "signing_failed", code: "otp_expired", text: "expired" },
  unsigned: { kind: "unsigned", by: "bank", unsignedAt: 700 },
};

/** Stated here by hand, not read from the table under test: the state each change leads to. */
const expected: Record<AgreementChange["kind"], Partial<Record<AgreementState, AgreementState>>> = {
  otp_sent: { requested: "otp_sent" },
  signed: { otp_sent: "active" },
  signing_failed: { requested: "failed", otp_sent: "failed" },
  unsigned: { active: "unsigned" },
};

describe("agreement transitions", () => {
  for (const [kind, change] of Object.entries(changes) as [
    AgreementChange["kind"],
    AgreementChange,
  ][]) {
    for (const from of agreementStates) {
      const to = expected[kind][from];
      it(`${kind} from ${from} ${to === undefined ? "conflicts" : `leads to ${to}`}`, () => {
        const result = applyAgreementChange(agreement(from), change, 42);
        if (to === undefined) {
          expect(result).toEqual({ ok: false, code: "agreement_state_conflict" });
        } else {
          expect(result.ok && result.agreement.state).toBe(to);
          expect(result.ok && result.agreement.updatedAt).toBe(42);
        }
      });
    }
  }

  it("keeps what each change brings", () => {
    const sent = applyAgreementChange(agreement("requested"), changes.otp_sent, 2);
    expect(sent.ok && [sent.agreement.bankSignRequestId, sent.agreement.otpExpiresAt]).toEqual([
      "b-1",
      500,
    ]);
    const signed = applyAgreementChange(agreement("otp_sent"), changes.signed, 2);
    expect(signed.ok && [signed.agreement.agreementNumber, signed.agreement.signedAt]).toEqual([
      "AGR-1",
      600,
    ]);
    const failed = applyAgreementChange(agreement("otp_sent"), changes.signing_failed, 2);
    expect(failed.ok && [failed.agreement.failureCode, failed.agreement.failureText]).toEqual([
      "otp_expired",
      "expired",
    ]);
    const ended = applyAgreementChange(agreement("active"), changes.unsigned, 2);
    expect(ended.ok && [ended.agreement.unsignedBy, ended.agreement.unsignedAt]).toEqual([
      "bank",
      700,
    ]);
  });
});
