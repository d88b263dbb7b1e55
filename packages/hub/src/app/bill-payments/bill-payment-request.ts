import type { BillPayment } from "../../domain/bill-payments/bill-payment.ts";
import type { AmountCheck, AmountExactness } from "../../domain/billers/amount-exactness.ts";
import type { CustomerParameterFailure } from "../../domain/billers/customer-parameter-check.ts";
import type { ChannelRefusalCode } from "../../domain/channels/channel-may.ts";
import type { TransferResultCode } from "../../domain/ledger/result-code.ts";

/** What a channel asks to pay; the amount already in minor units, the body hashed. */
export interface NewBillPayment {
  readonly id: string;
  readonly billerId: string;
  /** A presentment of the channel's own; or, where the biller allows direct pay, parameters. */
  readonly billRef?: string | undefined;
  readonly customerParameters?: Readonly<Record<string, string>> | undefined;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly requestHash: string;
}

export type LedgerRefusal = Exclude<
  TransferResultCode,
  "ok" | "exists" | "exists_with_different_fields"
>;

export type BillPaymentRefusal =
  | { readonly code: ChannelRefusalCode }
  | { readonly code: "idempotency_key_reused" }
  | { readonly code: "biller_not_found" }
  | { readonly code: "biller_inactive" }
  | { readonly code: "bill_ref_not_found" }
  | { readonly code: "bill_ref_expired" }
  | { readonly code: "bill_ref_or_parameters_required" }
  | { readonly code: "direct_payment_not_allowed" }
  | {
      readonly code: "customer_parameters_invalid";
      readonly failures: readonly CustomerParameterFailure[];
    }
  | { readonly code: "payment_currency_unsupported" }
  | {
      readonly code: "amount_not_allowed";
      readonly rule: AmountExactness;
      readonly check: Exclude<AmountCheck, "ok">;
    }
  | { readonly code: "bill_payment_not_found" }
  | { readonly code: LedgerRefusal };

export type BillPaymentRefusalCode = Exclude<BillPaymentRefusal["code"], LedgerRefusal>;

export type BillPaymentOutcome =
  | {
      readonly ok: true;
      readonly payment: BillPayment;
      readonly created: boolean;
      /** Let through only by a suspension's honour policy (a new payment only). */
      readonly honoured?: boolean | undefined;
    }
  | ({ readonly ok: false } & BillPaymentRefusal);

export function refused(refusal: BillPaymentRefusal): BillPaymentOutcome {
  return { ok: false, ...refusal };
}
