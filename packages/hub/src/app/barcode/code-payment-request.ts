import type { BarcodePayment } from "../../domain/barcode/barcode-payment.ts";
import type { CodeInstrument } from "../../domain/barcode/code-prefix.ts";

/**
 * What an acquirer asks when its terminal read a customer's one-time payment code or prepaid
 * card: the number, the amount, and which of its merchants took it. The body is hashed for
 * idempotency; the number is sealed at rest and masked everywhere else.
 */
export interface NewCodePayment {
  readonly id: string;
  readonly instrument: { readonly kind: CodeInstrument; readonly number: string };
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly merchantId: string;
  readonly requestHash: string;
}

export type CodePaymentRefusal =
  | { readonly code: "participant_inactive" }
  | { readonly code: "merchant_not_found" }
  | { readonly code: "merchant_closed" }
  | { readonly code: "code_prefix_unknown" }
  | { readonly code: "issuer_inactive" }
  | { readonly code: "payment_currency_unsupported" }
  | { readonly code: "idempotency_key_reused" }
  | { readonly code: "barcode_payment_not_found" }
  | { readonly code: "barcode_payment_final" };

export type CodePaymentRefusalCode = CodePaymentRefusal["code"];

export type CodePaymentOutcome =
  | { readonly ok: true; readonly payment: BarcodePayment; readonly created: boolean }
  | ({ readonly ok: false } & CodePaymentRefusal);

export function refused(refusal: CodePaymentRefusal): CodePaymentOutcome {
  return { ok: false, ...refusal };
}
