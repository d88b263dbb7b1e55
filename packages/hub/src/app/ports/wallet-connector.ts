import type { RiskLevel } from "../../domain/barcode/risk-level.ts";
import type { Currency } from "../../domain/money/currency.ts";
import type {
  ParticipantCallOptions,
  ParticipantCallResult,
  ParticipantEndpointAddress,
} from "./participant-call.ts";

/**
 * The app's view of an issuer's wallet interface: authorising consumer-presented barcode
 * payments (a one-time payment code or a prepaid card number), asking where one stands,
 * reversing one whose outcome the acquirer never learnt, and refunds. Each call goes to one
 * endpoint of the issuer and answers what became of it without ever guessing; the guard and the
 * operation runner wrap it as they wrap banks' and billers' calls.
 */

export interface WalletMerchantRef {
  readonly acquirerId: string;
  readonly merchantId: string;
  readonly name: string;
  readonly categoryCode: string;
  readonly city: string;
  readonly countryCode: string;
}

export interface CodePaymentCall {
  /** The hub's payment id: the issuer's idempotency key. */
  readonly paymentId: string;
  readonly instrument: { readonly kind: "payment_code" | "prepaid_card"; readonly number: string };
  readonly amountMinor: bigint;
  readonly currency: Currency;
  readonly merchant: WalletMerchantRef;
  readonly requestedAtMs: number;
}

/** Where a code payment stands at the issuer: approved, declined and reversed are final. */
export type CodePaymentOutcome =
  | {
      readonly paymentId: string;
      readonly status: "approved";
      readonly authorizationCode: string;
      readonly customerRef: string;
      readonly verificationLevel: RiskLevel;
      readonly approvedAtMs: number;
    }
  | {
      readonly paymentId: string;
      readonly status: "declined";
      readonly reasonCode: string;
      readonly reasonText: string;
    }
  | { readonly paymentId: string; readonly status: "pending" }
  | { readonly paymentId: string; readonly status: "reversed"; readonly reversedAtMs: number };

export interface WalletRefundCall {
  readonly refundId: string;
  readonly paymentId: string;
  readonly amountMinor: bigint;
  readonly currency: Currency;
}

export type WalletRefundOutcome =
  | { readonly refundId: string; readonly status: "refunded"; readonly refundedAtMs: number }
  | {
      readonly refundId: string;
      readonly status: "refund_declined";
      readonly reasonCode: string;
      readonly reasonText: string;
    };

/** The issuer's signed refusal: it applied and recorded nothing for the request. */
export interface WalletRefused {
  readonly kind: "refused";
  readonly code: string;
  readonly reason: string;
  readonly statusCode: number;
}

export type WalletCallResult<Answer> = ParticipantCallResult<Answer, WalletRefused>;

export interface WalletConnector {
  authorize(
    endpoint: ParticipantEndpointAddress,
    payment: CodePaymentCall,
    options: ParticipantCallOptions,
  ): Promise<WalletCallResult<CodePaymentOutcome>>;
  inquire(
    endpoint: ParticipantEndpointAddress,
    paymentId: string,
    options: ParticipantCallOptions,
  ): Promise<WalletCallResult<CodePaymentOutcome>>;
  reverse(
    endpoint: ParticipantEndpointAddress,
    reversal: {
      readonly paymentId: string;
      readonly amountMinor: bigint;
      readonly currency: Currency;
    },
    options: ParticipantCallOptions,
  ): Promise<WalletCallResult<CodePaymentOutcome>>;
  refund(
    endpoint: ParticipantEndpointAddress,
    refund: WalletRefundCall,
    options: ParticipantCallOptions,
  ): Promise<WalletCallResult<WalletRefundOutcome>>;
  inquireRefund(
    endpoint: ParticipantEndpointAddress,
    refundId: string,
    options: ParticipantCallOptions,
  ): Promise<WalletCallResult<WalletRefundOutcome>>;
}
