import {
  type BarcodePayment,
  customerKeyOf,
  reversibleBarcodePaymentStates,
} from "./barcode-payment.ts";
import type { RiskLevel } from "./risk-level.ts";

/**
 * What was learnt about a consumer-presented payment: from the issuer's answer to the
 * authorisation, an inquiry or its notice, or the hub's own decision. A failure with `reverse`
 * is one the issuer may have charged (approved past the daily limit, or given up by the
 * acquirer): it must be reversed at the issuer before it is final.
 */
export type CodePaymentResult =
  | {
      readonly kind: "succeeded";
      readonly authorizationCode: string;
      /** The issuer's reference of its customer: the daily limit is held by it. */
      readonly customerRef: string;
      readonly verificationLevel: RiskLevel;
    }
  | {
      readonly kind: "failed";
      readonly code: string;
      readonly reason: string;
      /** The issuer may have charged the customer: undo it there first. */
      readonly reverse?: boolean | undefined;
      /** The issuer confirmed a reversal: the customer is not charged. */
      readonly reversed?: boolean | undefined;
    }
  | { readonly kind: "pending" }
  | { readonly kind: "unknown" };

/** Reversals the acquirer asked for end `reversed`; those the hub started (a limit) `declined`. */
export const acquirerReversalCode = "reversed_by_acquirer";

/**
 * The payment after an outcome, or undefined when its state does not allow the move: a settled
 * payment never changes, and one being reversed takes nothing but the issuer's confirmation
 * (a late approval of it is ignored: the reversal undoes it).
 */
export function applyCodePaymentResult(
  payment: BarcodePayment,
  result: CodePaymentResult,
  at: number,
  nextInquiryAt: number,
): BarcodePayment | undefined {
  const base = { ...payment, updatedAt: at };
  if (payment.state === "reversing") {
    if (result.kind !== "failed" || result.reversed !== true) return undefined;
    const state = payment.failureCode === acquirerReversalCode ? "reversed" : "declined";
    return { ...base, state, settledAt: at };
  }
  if (!(reversibleBarcodePaymentStates as readonly string[]).includes(payment.state)) {
    return undefined;
  }
  switch (result.kind) {
    case "succeeded":
      return {
        ...base,
        state: "succeeded",
        authorizationCode: result.authorizationCode,
        customerKey: customerKeyOf(payment.issuerId, result.customerRef),
        verificationLevel: result.verificationLevel,
        settledAt: at,
      };
    case "failed":
      return result.reverse === true
        ? {
            ...base,
            state: "reversing",
            failureCode: result.code,
            failureText: result.reason,
            nextInquiryAt: at,
          }
        : {
            ...base,
            state: "declined",
            failureCode: result.code,
            failureText: result.reason,
            settledAt: at,
          };
    case "pending":
      return { ...base, state: "pending", nextInquiryAt };
    case "unknown":
      return payment.state === "authorising"
        ? { ...base, state: "unknown", nextInquiryAt }
        : undefined;
  }
}
