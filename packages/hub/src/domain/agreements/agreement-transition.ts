import type { Agreement, AgreementState, UnsignedBy } from "./agreement.ts";

/** What can happen to an agreement, each from what the bank answered or told. */
export type AgreementChange =
  | {
      readonly kind: "otp_sent";
      readonly bankSignRequestId: string;
      readonly otpExpiresAt: number;
    }
  | { readonly kind: "signed"; readonly agreementNumber: string; readonly signedAt: number }
  | { readonly kind: "signing_failed"; readonly code: string; readonly text: string }
  | { readonly kind: "unsigned"; readonly by: UnsignedBy; readonly unsignedAt: number };

/** The states each change may start from, and the one it leads to. */
export const agreementTransitions: Readonly<
  Record<AgreementChange["kind"], { readonly from: readonly AgreementState[]; to: AgreementState }>
> = {
  otp_sent: { from: ["requested"], to: "otp_sent" },
  signed: { from: ["otp_sent"], to: "active" },
  signing_failed: { from: ["requested", "otp_sent"], to: "failed" },
  unsigned: { from: ["active"], to: "unsigned" },
};

export type TransitionResult =
  | { readonly ok: true; readonly agreement: Agreement }
  | { readonly ok: false; readonly code: "agreement_state_conflict" };

/**
 * The agreement after the change, or a conflict when its state does not allow it. The store
 * writes the result only if the state is still the one read, so two hub nodes applying changes
 * to the same agreement at once cannot both win.
 */
export function applyAgreementChange(
  agreement: Agreement,
  change: AgreementChange,
  at: number,
): TransitionResult {
  const transition = agreementTransitions[change.kind];
  if (!transition.from.includes(agreement.state)) {
    return { ok: false, code: "agreement_state_conflict" };
  }
  const moved = { ...agreement, state: transition.to, updatedAt: at };
  switch (change.kind) {
    case "otp_sent":
      return {
        ok: true,
        agreement: {
          ...moved,
          bankSignRequestId: change.bankSignRequestId,
          otpExpiresAt: change.otpExpiresAt,
        },
      };
    case "signed":
      return {
        ok: true,
        agreement: { ...moved, agreementNumber: change.agreementNumber, signedAt: change.signedAt },
      };
    case "signing_failed":
      return {
        ok: true,
        agreement: { ...moved, failureCode: change.code, failureText: change.text },
      };
    case "unsigned":
      return {
        ok: true,
        agreement: { ...moved, unsignedBy: change.by, unsignedAt: change.unsignedAt },
      };
  }
}
