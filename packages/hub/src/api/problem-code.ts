import type { AgreementRefusal } from "../app/agreements/agreement-service.ts";
import type { DecisionRefusal } from "../app/approvals/approval-service.ts";
import type { BankEndpointErrorCode } from "../app/banks/bank-endpoint-service.ts";
import type { EndpointMigrationErrorCode } from "../app/banks/endpoint-migration-service.ts";
import type { CodePaymentRefusalCode } from "../app/barcode/code-payment-request.ts";
import type { QrPaymentRefusalCode } from "../app/barcode/qr-payment-request.ts";
import type { BarcodeLimitRefusal } from "../app/barcode-limits/barcode-limit-service.ts";
import type { BillPaymentRefusalCode } from "../app/bill-payments/bill-payment-request.ts";
import type { ReversalNoticeRefusalCode } from "../app/bill-payments/bill-reversal-notices.ts";
import type { BillInquiryRefusal } from "../app/billers/bill-inquiry-service.ts";
import type { BillNoticeRefusal } from "../app/billers/bill-notice-service.ts";
import type { BillSubscriptionRefusal } from "../app/billers/bill-subscription-service.ts";
import type { BillerRefusal } from "../app/billers/biller-registry.ts";
import type { ChannelSuspensionErrorCode } from "../app/channels/channel-suspension-service.ts";
import type { CodePrefixRefusal } from "../app/code-prefixes/code-prefix-table.ts";
import type { FeeScheduleRefusal } from "../app/fees/fee-schedule-service.ts";
import type { MerchantRefusal } from "../app/merchants/merchant-directory.ts";
import type { WebhookDeliveryErrorCode } from "../app/notifications/webhook-delivery-service.ts";
import type { WebhookEndpointErrorCode } from "../app/notifications/webhook-endpoint-service.ts";
import type { OperatorAccountErrorCode } from "../app/operators/operator-account-service.ts";
import type { ParticipantKeyErrorCode } from "../app/participants/participant-key-service.ts";
import type { ParticipantErrorCode } from "../app/participants/participant-service.ts";
import type { PaymentRefusal } from "../app/payments/agreement-payment-service.ts";
import type { PayoutRefusal } from "../app/payments/payout-service.ts";
import type { RefundRefusal } from "../app/payments/refund-service.ts";
import type { ReconciliationErrorCode } from "../app/reconciliation/reconciliation-service.ts";
import type { TransferRefusal } from "../app/transfers/participant-transfer-service.ts";
import type { CustomerParametersError } from "../domain/billers/customer-parameters.ts";
import type { PresentedBillError } from "../domain/billers/presented-bill.ts";
import type { TransferResultCode } from "../domain/ledger/result-code.ts";
import type { AmountParseError } from "../domain/money/amount.ts";
import type { SensitiveNumberError } from "../domain/sensitive/sensitive-number.ts";

/**
 * The closed set of problem codes the API answers, and the shape of a code's entry in the
 * catalogue: its HTTP status, title and headers. The catalogue (problem-catalogue.ts) gives
 * every code its entry, area by area.
 */

/** Codes that exist only at the HTTP edge (transport, auth, request shape). */
export type ApiProblemCode =
  | "request_invalid"
  | "request_malformed"
  | "headers_too_large"
  | "request_timeout"
  | "body_invalid_json"
  | "body_duplicate_key"
  | "body_too_large"
  | "media_type_unsupported"
  | "route_not_found"
  | "credentials_missing"
  | "credentials_invalid"
  | "role_insufficient"
  | "csrf_token_invalid"
  | "login_failed"
  | "login_rate_limited"
  | "session_required"
  | "currency_duplicate"
  | "transfers_invalid"
  | "batch_too_large"
  | "transfer_not_found"
  | "cursor_invalid"
  | OperatorReadProblemCode
  | SettlementProblemCode
  | "database_unavailable"
  | "internal_error"
  | SignatureProblemCode;

/** Settlement windows: closing, confirming and aborting them. */
export type SettlementProblemCode =
  | "window_not_found"
  | "settlement_file_not_found"
  | "window_not_open"
  | "window_not_closed"
  | "window_already_settled"
  | "window_aborted"
  | "window_settling"
  | "participant_not_in_window"
  | "liquidity_shortfall"
  | "confirmation_file_mismatch"
  | "confirmation_file_malformed";

/** The operator's read views and the inquire-now action. */
export type OperatorReadProblemCode =
  | "filter_incomplete"
  | "trace_not_found"
  | "bank_operation_final";

/** Why a participant's signed request (RFC 9421, RFC 9530) was refused before it was handled. */
export type SignatureProblemCode =
  | "signature_missing"
  | "signature_malformed"
  | "signature_components_insufficient"
  | "signature_created_out_of_window"
  | "key_unknown"
  | "key_revoked"
  | "digest_mismatch"
  | "signature_invalid"
  | "nonce_replayed"
  | "key_owner_terminated"
  | "operation_not_permitted";

/** Ledger results that are not failures are answered with 2xx, never as problems. */
export type TransferFailureCode = Exclude<TransferResultCode, "ok" | "exists">;

export type ProblemCode =
  | ApiProblemCode
  | ParticipantErrorCode
  | ParticipantKeyErrorCode
  | AmountParseError
  | TransferFailureCode
  | TransferRefusal
  | SensitiveNumberError
  | WebhookEndpointErrorCode
  | WebhookDeliveryErrorCode
  | BankEndpointErrorCode
  | EndpointMigrationErrorCode
  | AgreementRefusal
  | PaymentRefusal
  | PayoutRefusal
  | RefundRefusal
  | OperatorAccountErrorCode
  | DecisionRefusal
  | BillerRefusal
  | ChannelSuspensionErrorCode
  | BillSubscriptionRefusal
  | BillNoticeRefusal
  | CustomerParametersError
  | PresentedBillError
  | BillPaymentRefusalCode
  | ReversalNoticeRefusalCode
  | BillInquiryRefusal
  | ReconciliationErrorCode
  | "record_media_type"
  | FeeScheduleRefusal
  | BarcodeLimitRefusal
  | MerchantRefusal
  | CodePrefixRefusal
  | QrPaymentRefusalCode
  | CodePaymentRefusalCode
  | "currency_required"
  | "payout_creditor_required"
  | "account_or_card_required";

export interface ProblemKind {
  readonly status: number;
  readonly title: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Entries of one area of the catalogue; a key that is no problem code is refused. */
export type ProblemEntries = Partial<Record<ProblemCode, ProblemKind>>;

/** The wait a transient problem asks for before a retry. */
export const retryAfterSeconds = "1";
