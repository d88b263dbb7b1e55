import type { BarcodePayment } from "../../domain/barcode/barcode-payment.ts";
import type { QrProblem } from "../../domain/barcode/qr-problem.ts";
import type { RiskLevel } from "../../domain/barcode/risk-level.ts";
import type { TransferResultCode } from "../../domain/ledger/result-code.ts";

/**
 * What a payer's institution asks when its customer scanned a merchant's code: the payload as
 * scanned, the amount the customer entered (static codes carry none), and who pays with what
 * verification. The body is hashed for idempotency.
 */
export interface NewQrPayment {
  readonly id: string;
  readonly payload: string;
  /** Required for a static code; for a dynamic one, absent or equal to the code's. */
  readonly amountMinor?: bigint | undefined;
  readonly currency?: string | undefined;
  /** The institution's own reference of its customer: the daily limit counts by it. */
  readonly customerRef: string;
  readonly verificationLevel: RiskLevel;
  readonly requestHash: string;
}

export type LedgerRefusal = Exclude<
  TransferResultCode,
  "ok" | "exists" | "exists_with_different_fields"
>;

export type QrPaymentRefusal =
  | { readonly code: "qr_payload_invalid"; readonly problem: QrProblem; readonly detail: string }
  | { readonly code: "qr_code_expired" }
  | { readonly code: "qr_code_used" }
  | { readonly code: "qr_amount_required" }
  | { readonly code: "qr_amount_mismatch" }
  | { readonly code: "merchant_not_found" }
  | { readonly code: "merchant_closed" }
  | { readonly code: "acquirer_inactive" }
  | { readonly code: "participant_inactive" }
  | { readonly code: "payment_currency_unsupported" }
  | {
      readonly code: "limit_exceeded";
      readonly remainingMinor: bigint;
      readonly limitMinor: bigint;
    }
  | { readonly code: "currency_has_no_limits" }
  | { readonly code: "idempotency_key_reused" }
  | { readonly code: "barcode_payment_not_found" }
  | { readonly code: LedgerRefusal };

export type QrPaymentOutcome =
  | { readonly ok: true; readonly payment: BarcodePayment; readonly created: boolean }
  | ({ readonly ok: false } & QrPaymentRefusal);

export function refused(refusal: QrPaymentRefusal): QrPaymentOutcome {
  return { ok: false, ...refusal };
}

/** The codes a refusal answers with at the edge; a bad payload answers the codec's own. */
export type QrPaymentRefusalCode =
  | Exclude<QrPaymentRefusal["code"], "qr_payload_invalid" | LedgerRefusal>
  | QrProblem;
