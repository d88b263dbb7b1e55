import type { AgreementRefusal } from "../app/agreements/agreement-service.ts";
import type { DecisionRefusal } from "../app/approvals/approval-service.ts";
import type { BankEndpointErrorCode } from "../app/banks/bank-endpoint-service.ts";
import type { EndpointMigrationErrorCode } from "../app/banks/endpoint-migration-service.ts";
import type { BillPaymentRefusalCode } from "../app/bill-payments/bill-payment-service.ts";
import type { ReversalNoticeRefusalCode } from "../app/bill-payments/bill-reversal-notices.ts";
import type { BillInquiryRefusal } from "../app/billers/bill-inquiry-service.ts";
import type { BillNoticeRefusal } from "../app/billers/bill-notice-service.ts";
import type { BillSubscriptionRefusal } from "../app/billers/bill-subscription-service.ts";
import type { BillerRefusal } from "../app/billers/biller-registry.ts";
import type { ChannelSuspensionErrorCode } from "../app/channels/channel-suspension-service.ts";
import type { WebhookDeliveryErrorCode } from "../app/notifications/webhook-delivery-service.ts";
import type { WebhookEndpointErrorCode } from "../app/notifications/webhook-endpoint-service.ts";
import type { OperatorAccountErrorCode } from "../app/operators/operator-account-service.ts";
import {
  activeKeysPerParticipantMax,
  type ParticipantKeyErrorCode,
} from "../app/participants/participant-key-service.ts";
import type { ParticipantErrorCode } from "../app/participants/participant-service.ts";
import type { PaymentRefusal } from "../app/payments/agreement-payment-service.ts";
import type { PayoutRefusal } from "../app/payments/payout-service.ts";
import type { RefundRefusal } from "../app/payments/refund-service.ts";
import type { TransferRefusal } from "../app/transfers/participant-transfer-service.ts";
import {
  endpointSettingRanges,
  endpointsKeptPerBankMax,
  endpointsPerBankMax,
} from "../domain/banks/bank-endpoint.ts";
import { migrationStepsMax } from "../domain/banks/endpoint-migration.ts";
import type { CustomerParametersError } from "../domain/billers/customer-parameters.ts";
import type { PresentedBillError } from "../domain/billers/presented-bill.ts";
import {
  honourWindowMaxMs,
  suspensionReasonLengthMax,
} from "../domain/channels/channel-suspension.ts";
import type { TransferResultCode } from "../domain/ledger/result-code.ts";
import type { AmountParseError } from "../domain/money/amount.ts";
import {
  endpointsPerParticipantMax,
  endpointUrlLengthMax,
} from "../domain/notifications/webhook-endpoint.ts";
import type { SensitiveNumberError } from "../domain/sensitive/sensitive-number.ts";

/**
 * RFC 9457 problem details: the ONE place where a coded outcome becomes an HTTP status. Routes
 * never pick a status for an error themselves; they name a code and this file answers.
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
  | "database_unavailable"
  | "internal_error"
  | SignatureProblemCode;

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
  | "payout_creditor_required"
  | "account_or_card_required";

interface ProblemKind {
  readonly status: number;
  readonly title: string;
  readonly headers?: Readonly<Record<string, string>>;
}

const retryAfterSeconds = "1";

const r = endpointSettingRanges;
const settingRanges = `timeoutMs ${r.timeoutMs.min}-${r.timeoutMs.max}, concurrencyMax ${r.concurrencyMax.min}-${r.concurrencyMax.max}, breaker.failurePercent ${r.failurePercent.min}-${r.failurePercent.max}, breaker.windowMs ${r.windowMs.min}-${r.windowMs.max}, breaker.minimumCalls ${r.minimumCalls.min}-${r.minimumCalls.max}, breaker.halfOpenAfterMs ${r.halfOpenAfterMs.min}-${r.halfOpenAfterMs.max}`;
const bearerChallenge = 'Bearer realm="clearhub"';

/** Typed as a full Record so that a new domain or ledger code cannot ship without a status. */
export const problemCatalogue: Readonly<Record<ProblemCode, ProblemKind>> = {
  request_invalid: { status: 400, title: "The request does not match the schema" },
  request_malformed: {
    status: 400,
    title: "The request is not well-formed HTTP/1.1; the connection is closed",
  },
  headers_too_large: {
    status: 431,
    title: "The header fields exceed the size limit; the connection is closed",
  },
  request_timeout: {
    status: 408,
    title: "The request was not received in time; the connection is closed",
  },
  body_invalid_json: { status: 400, title: "The body is not valid JSON" },
  body_duplicate_key: {
    status: 400,
    title: "A name appears twice in one object of the body; nothing was done",
  },
  body_too_large: { status: 413, title: "The body exceeds the size limit" },
  media_type_unsupported: { status: 415, title: "The body's content type is not supported" },
  route_not_found: { status: 404, title: "No route matches the method and path" },
  credentials_missing: {
    status: 401,
    title: "An operator bearer token or session cookie is required",
    headers: { "www-authenticate": bearerChallenge },
  },
  credentials_invalid: {
    status: 401,
    title:
      "The operator token is unknown or revoked, the session has ended, or the account is disabled",
    headers: { "www-authenticate": `${bearerChallenge}, error="invalid_token"` },
  },
  role_insufficient: {
    status: 403,
    title: "The operator's role does not allow this; nothing was changed",
  },
  csrf_token_invalid: {
    status: 403,
    title: `A request authenticated by the session cookie must send the session's CSRF token in ${"`x-csrf-token`"}; nothing was changed`,
  },
  session_required: {
    status: 401,
    title: "This route is about the console session: send its cookie, not a token",
  },
  login_failed: { status: 401, title: "The name or the password is wrong" },
  login_rate_limited: {
    status: 429,
    title: "Too many login attempts for this name; wait for the time in Retry-After",
  },
  operator_name_invalid: {
    status: 422,
    title:
      "Operator names are 1-100 letters, digits, spaces, '.', '_', '@' and '-', starting with a letter or digit",
  },
  password_invalid: { status: 422, title: "Passwords are 12 to 256 characters" },
  operator_account_exists: { status: 409, title: "An operator account has this name" },
  operator_account_not_found: { status: 404, title: "No operator account has this id" },
  operator_account_disabled: {
    status: 409,
    title: "The operator account is disabled; that is final",
  },
  approval_not_found: { status: 404, title: "No approval has this id" },
  approval_not_pending: {
    status: 409,
    title: "The proposal was already approved or rejected; nothing was done again",
  },
  approval_expired: {
    status: 409,
    title: "The proposal lapsed before anyone approved it; propose it again",
  },
  approval_by_proposer: {
    status: 403,
    title: "Four eyes: a different operator account than the proposer must approve",
  },
  operator_account_last_admin: {
    status: 409,
    title: "This is the last enabled admin account; make another admin first",
  },
  currency_duplicate: { status: 422, title: "A currency is listed more than once" },
  transfers_invalid: {
    status: 422,
    title: "At least one transfer is malformed; none was submitted",
  },
  batch_too_large: { status: 413, title: "Too many transfers in one request" },
  transfer_not_found: { status: 404, title: "No transfer has this id" },
  cursor_invalid: { status: 400, title: "The cursor is not one a previous page returned" },
  filter_incomplete: {
    status: 400,
    title:
      "A filter needs another one: counterparty needs participant, amountMin and amountMax need currency",
  },
  trace_not_found: {
    status: 404,
    title: "No transfer, operation, notice or event carries this id",
  },
  bank_operation_final: {
    status: 409,
    title: "The operation has succeeded or failed; there is nothing left to ask the bank",
  },
  payee_not_found: { status: 422, title: "No participant has the payee's id" },
  payee_is_payer: { status: 422, title: "A participant cannot pay itself" },
  payee_currency_not_held: { status: 422, title: "The payee holds no accounts in this currency" },
  idempotency_key_reused: {
    status: 409,
    title: "This id was already used for a request with a different body",
  },
  transfer_id_taken: {
    status: 409,
    title: "Another transfer already has this id; ids are unique across the network",
  },
  sealed_data_unreadable: {
    status: 500,
    title: "Sealed customer data cannot be opened with the configured data keys; it was logged",
  },
  card_number_invalid: { status: 422, title: "A card number is 12-19 digits" },
  card_number_check_digit_invalid: { status: 422, title: "The card number's check digit is wrong" },
  bank_account_number_invalid: {
    status: 422,
    title: "A bank account number is 6-34 letters and digits",
  },
  id_number_invalid: { status: 422, title: "An ID number is 5-32 letters and digits" },
  mobile_number_invalid: {
    status: 422,
    title: "A mobile number is 6-15 digits, with an optional leading +",
  },
  resolution_not_permitted: {
    status: 403,
    title: "Only the payer commits or voids its reservation",
  },
  database_unavailable: {
    status: 503,
    title: "The database does not answer",
    headers: { "retry-after": retryAfterSeconds },
  },
  internal_error: { status: 500, title: "Unexpected error; it was logged" },

  signature_missing: {
    status: 401,
    title: "The request carries no Signature and Signature-Input headers",
  },
  signature_malformed: {
    status: 401,
    title:
      "The Signature or Signature-Input header cannot be parsed, or lacks created, keyid or nonce",
  },
  signature_components_insufficient: {
    status: 401,
    title: "The signature does not cover every component the hub requires",
  },
  signature_created_out_of_window: {
    status: 401,
    title: "The signature's created time is too far from the hub's clock",
  },
  key_unknown: { status: 401, title: "No key has the signature's keyid" },
  key_revoked: { status: 401, title: "The signature's key is revoked" },
  digest_mismatch: { status: 401, title: "The Content-Digest does not match the body" },
  signature_invalid: { status: 401, title: "The signature does not verify with the named key" },
  nonce_replayed: {
    status: 401,
    title: "The signature's nonce was already used with this key; sign each request anew",
  },
  key_owner_terminated: {
    status: 401,
    title: "The key belongs to a terminated participant",
  },
  operation_not_permitted: {
    status: 403,
    title: "Participants of this kind may not do this",
  },

  participant_id_invalid: {
    status: 422,
    title:
      "Participant ids are 2-63 characters of a-z, 0-9 and '-', starting with a letter or digit; 'anonymous' is reserved",
  },
  participant_name_invalid: {
    status: 422,
    title: "Participant names are whole characters without control characters",
  },
  participant_exists: { status: 409, title: "A participant with this id exists" },
  participant_not_found: { status: 404, title: "No participant has this id" },
  operator_kind_reserved: { status: 422, title: "The operator kind is reserved for the hub" },
  currency_unknown: { status: 422, title: "Not an ISO 4217 currency the hub clears" },
  currency_not_held: { status: 422, title: "The participant holds no accounts in this currency" },
  status_unchanged: { status: 409, title: "The participant already has this status" },
  participant_terminated: { status: 409, title: "The participant is terminated; that is final" },
  status_changed_concurrently: {
    status: 409,
    title: "The status changed while this request was handled; read it and try again",
  },
  operator_status_fixed: { status: 409, title: "The hub operator is always active" },
  currency_held: {
    status: 409,
    title: "The participant already holds this currency; change its cap with PUT net-debit-caps",
  },

  public_key_invalid: {
    status: 422,
    title:
      "The public key is not the unpadded base64url of a 32-byte Ed25519 key of prime order on the curve",
  },
  key_not_found: { status: 404, title: "The participant has no key with this id" },
  key_already_revoked: { status: 409, title: "The key is already revoked" },
  active_keys_exhausted: {
    status: 409,
    title: `The participant already has ${activeKeysPerParticipantMax} active keys; rotate or revoke one`,
  },

  amount_invalid: {
    status: 422,
    title: 'Amounts are plain decimal strings such as "12.30": no sign, exponent or leading zeros',
  },
  amount_not_positive: { status: 422, title: "The amount must be greater than zero" },
  amount_too_precise: {
    status: 422,
    title: "The amount has more decimal places than the currency's minor unit",
  },
  amount_too_large: { status: 422, title: "The amount exceeds the ledger's range" },

  linked_event_failed: { status: 422, title: "Another transfer of the linked group failed" },
  linked_event_chain_open: { status: 422, title: "The linked group has no end" },
  id_invalid: { status: 422, title: "The transfer id is malformed" },
  amount_must_be_positive: { status: 422, title: "The amount must be greater than zero" },
  accounts_must_be_different: { status: 422, title: "Debit and credit account are the same" },
  timeout_invalid: { status: 422, title: "The timeout is missing or out of range" },
  reference_invalid: {
    status: 422,
    title: "The reference is too long or holds characters that cannot be stored",
  },
  exists_with_different_fields: {
    status: 409,
    title: "A transfer with this id exists with different fields",
  },
  account_not_found: { status: 422, title: "The debit or credit account does not exist" },
  currency_mismatch: { status: 422, title: "The currency differs from an account's currency" },
  participant_inactive: { status: 409, title: "A participant of the transfer is not active" },
  balance_overflow: {
    status: 422,
    title: "The transfer would take an account's totals beyond the ledger's range",
  },
  pending_not_found: { status: 422, title: "No pending transfer has this id" },
  already_committed: { status: 409, title: "The pending transfer was already committed" },
  already_voided: { status: 409, title: "The pending transfer was already voided" },
  pending_expired: { status: 409, title: "The pending transfer expired" },
  pending_not_expired: { status: 409, title: "The pending transfer has not expired" },
  exceeds_net_debit_cap: { status: 422, title: "The transfer would exceed the net debit cap" },
  insufficient_liquidity: { status: 422, title: "The settlement account lacks the funds" },
  storage_unavailable: {
    status: 503,
    title: "The ledger could not commit; nothing was applied",
    headers: { "retry-after": retryAfterSeconds },
  },

  webhook_endpoint_id_invalid: {
    status: 422,
    title:
      "Endpoint ids are 1-64 characters of A-Z, a-z, 0-9, '.', '_' and '-', starting with a letter or digit",
  },
  webhook_url_invalid: {
    status: 422,
    title: `Webhook URLs are absolute http or https URLs of at most ${endpointUrlLengthMax} characters, without credentials or fragment`,
  },
  webhook_event_types_invalid: {
    status: 422,
    title: "Subscribe to at least one event type, each one the hub sends",
  },
  webhook_endpoint_conflict: {
    status: 409,
    title: "An endpoint with this id exists with another URL or other event types",
  },
  webhook_endpoints_exhausted: {
    status: 409,
    title: `The participant already has ${endpointsPerParticipantMax} webhook endpoints; delete one first`,
  },
  webhook_endpoint_not_found: {
    status: 404,
    title: "The participant has no endpoint with this id",
  },
  webhook_delivery_not_found: { status: 404, title: "No webhook delivery has this id" },
  webhook_delivery_pending: {
    status: 409,
    title: "The delivery is still pending; the dispatcher will send it",
  },

  participant_not_bank: { status: 422, title: "The participant is not a bank" },
  bank_endpoint_id_invalid: {
    status: 422,
    title:
      "Endpoint ids are 1-64 characters of A-Z, a-z, 0-9, '.', '_' and '-', starting with a letter or digit",
  },
  bank_endpoint_url_invalid: {
    status: 422,
    title: `Endpoint URLs are absolute http or https URLs of at most ${endpointUrlLengthMax} characters, without credentials or fragment`,
  },
  bank_endpoint_settings_invalid: {
    status: 422,
    title: `A setting is out of range; the integer ranges are ${settingRanges}`,
  },
  bank_endpoint_exists: { status: 409, title: "The bank already has an endpoint with this id" },
  bank_endpoints_exhausted: {
    status: 409,
    title: `The bank already has ${endpointsPerBankMax} endpoints in service (or ${endpointsKeptPerBankMax} kept, retired ones included); reuse or retire one`,
  },
  bank_endpoint_not_found: { status: 404, title: "The bank has no endpoint with this id" },
  bank_endpoint_disabled: {
    status: 409,
    title: "The endpoint is disabled; enable it before it takes traffic",
  },
  webhook_destination_forbidden: {
    status: 422,
    title:
      "The URL points at an address the hub does not send to (loopback, private, link-local or reserved) and the operator has not allowed",
  },
  bank_endpoint_in_use: {
    status: 409,
    title:
      "Live agreements are pinned to the endpoint; migrate them first, or disable it with force",
  },
  bank_endpoint_is_primary: {
    status: 409,
    title:
      "The primary endpoint cannot be disabled or retired; make another endpoint primary first",
  },
  bank_endpoint_retired: {
    status: 409,
    title:
      "The endpoint is retired: it is never enabled, changed, made primary or migrated to or from again",
  },
  bank_endpoint_agreements_pinned: {
    status: 409,
    title:
      "Live agreements are pinned to the endpoint; move them with a migration and complete it before retiring it",
  },
  bank_endpoint_migrating: {
    status: 409,
    title:
      "An open migration goes from or to the endpoint; complete or roll it back before retiring it",
  },
  endpoint_migration_id_invalid: {
    status: 422,
    title:
      "Migration ids are 1-64 characters of A-Z, a-z, 0-9, '.', '_' and '-', starting with a letter or digit",
  },
  endpoint_migration_same_endpoint: {
    status: 422,
    title: "A migration moves agreements between two different endpoints",
  },
  endpoint_migration_weight_invalid: {
    status: 422,
    title: "The weight is a whole percentage from 0 to 100",
  },
  endpoint_migration_exists: {
    status: 409,
    title: "The bank already has a migration with this id",
  },
  endpoint_migration_conflict: {
    status: 409,
    title:
      "Another migration still moves agreements off this endpoint; complete or roll it back first",
  },
  endpoint_migration_not_found: { status: 404, title: "The bank has no migration with this id" },
  endpoint_migration_not_active: {
    status: 409,
    title: "The migration is completing, completed or rolled back; only an active one changes",
  },
  endpoint_migration_weight_not_full: {
    status: 409,
    title: "Only a migration at weight 100 can be completed",
  },
  endpoint_migration_history_full: {
    status: 409,
    title: `The migration has ${migrationStepsMax} steps; roll it back or complete it and start another`,
  },
  endpoint_migration_source_is_primary: {
    status: 409,
    title:
      "The endpoint the agreements leave is the bank's primary: new signings would keep landing on it; make the target primary first",
  },
  account_or_card_required: {
    status: 422,
    title: "An agreement binds exactly one of an account number and a card number",
  },
  bank_not_found: { status: 422, title: "No active bank participant has this id" },
  bank_unavailable: {
    status: 503,
    title:
      "The bank cannot be reached now (no usable endpoint, circuit open, saturated, busy or not connected); nothing was sent, so retry later",
    headers: { "retry-after": retryAfterSeconds },
  },
  bank_outcome_unknown: {
    status: 504,
    title:
      "The bank's answer did not arrive; nothing changed here yet. Repeat the same request: the bank answers it once",
  },
  agreement_not_found: { status: 404, title: "You hold no agreement with this id" },
  agreement_not_awaiting_otp: {
    status: 409,
    title: "Only an agreement whose bank sent a one-time password (otp_sent) can be confirmed",
  },
  agreement_not_active: { status: 409, title: "The agreement is not active" },
  otp_invalid: {
    status: 422,
    title: "The bank says the one-time password is wrong; the customer may try again",
  },
  payment_currency_unsupported: {
    status: 422,
    title: "Agreement payments are in CNY, the currency their limits are set in",
  },
  exceeds_transaction_limit: {
    status: 422,
    title: "The amount is above the most one agreement payment may debit",
  },
  exceeds_daily_limit: {
    status: 422,
    title:
      "With the agreement's other payments today (pending and unknown ones included), the amount passes its daily limit",
  },
  exceeds_refundable_amount: {
    status: 422,
    title:
      "With the payment's other refunds (pending and unknown ones included), the amount passes what was paid",
  },
  payout_creditor_required: {
    status: 422,
    title: "A payout names exactly one of an agreement and a creditor's account details",
  },
  payment_not_refundable: {
    status: 409,
    title: "Only a succeeded agreement payment can be refunded, in its own currency",
  },
  bank_operation_not_found: {
    status: 404,
    title: "You hold no payment, payout or refund with this id",
  },
  biller_not_found: { status: 404, title: "No biller with a profile has this id" },
  participant_not_biller: { status: 422, title: "The participant is not a biller" },
  biller_profile_invalid: {
    status: 422,
    title:
      "The biller profile is refused; nothing was written. `errors` names each refused field (pointer) with its code",
  },
  participant_not_channel: {
    status: 422,
    title: "The participant is no channel: only payment institutions and banks sell bill payment",
  },
  channel_terminated: { status: 409, title: "The channel is terminated; that is final" },
  channel_suspended: {
    status: 409,
    title: "The operator suspended this capability of the channel",
  },
  honour_deadline_passed: {
    status: 409,
    title:
      "The channel is suspended and the deadline for honouring bills presented before it has passed",
  },
  suspension_capabilities_empty: {
    status: 422,
    title: 'Name at least one capability, or "all"',
  },
  suspension_reason_invalid: {
    status: 422,
    title: `A reason is 1-${suspensionReasonLengthMax} characters, not only spaces, without control characters`,
  },
  honour_deadline_missing: {
    status: 422,
    title: "The honour_presented policy needs an honourDeadline",
  },
  honour_deadline_unexpected: {
    status: 422,
    title: "Only the honour_presented policy takes an honourDeadline",
  },
  honour_policy_not_applicable: {
    status: 422,
    title: "honour_presented is about payments: the suspension must include bill_payment",
  },
  honour_deadline_past: { status: 422, title: "The honour deadline must be in the future" },
  honour_deadline_too_far: {
    status: 422,
    title: `The honour deadline is at most ${honourWindowMaxMs / 86_400_000} days after the suspension`,
  },
  capability_already_suspended: {
    status: 409,
    title: "A capability named is already suspended; lift it first to suspend it anew",
  },
  capability_not_suspended: { status: 409, title: "A capability named is not suspended" },
  channel_not_suspended: { status: 409, title: "The channel has no suspended capability" },
  suspension_changed_concurrently: {
    status: 409,
    title: "The channel's state changed while this request was handled; read it and try again",
  },
  biller_inactive: {
    status: 422,
    title: "The biller is suspended or terminated: its bills cannot be presented or paid now",
  },
  bill_fetch_not_supported: {
    status: 422,
    title: "The biller presents no bills: pay it directly with the customer parameters",
  },
  bill_ref_not_found: {
    status: 404,
    title: "You hold no presented bill of this biller with this billRef",
  },
  bill_ref_expired: {
    status: 422,
    title: "The presented bill's billRef has expired: inquire again for a fresh one",
  },
  bill_ref_or_parameters_required: {
    status: 422,
    title: "A bill payment quotes exactly one of a billRef and the customer parameters",
  },
  direct_payment_not_allowed: {
    status: 422,
    title:
      "The biller takes payments only for bills it presented: quote a billRef from a bill inquiry",
  },
  bill_subscriptions_full: {
    status: 409,
    title:
      "You hold the most bill subscriptions a channel may; remove ones you no longer need first",
  },
  bill_subscription_not_found: { status: 404, title: "You hold no bill subscription with this id" },
  bill_amounts_inconsistent: {
    status: 422,
    title: "The bill's least payable amount is above its amount due, or its most below it",
  },
  bill_period_reversed: { status: 422, title: "The bill's period ends before it starts" },
  customer_parameters_invalid: {
    status: 422,
    title:
      "The customer parameters are refused (1 to 8 names of the form accountNumber, each once, each value 1 to 64 characters without control characters) or fail the biller's rules; `errors` names each failing parameter (pointer) with its code. Empty when the biller itself refused them",
  },
  bill_customer_not_found: {
    status: 404,
    title: "The biller has no customer with these parameters",
  },
  biller_unavailable: {
    status: 503,
    title:
      "The biller did not answer usably (no endpoint, down, busy, or an answer the hub cannot trust); nothing was presented. Ask again later",
    headers: { "retry-after": retryAfterSeconds },
  },
  channel_quota_exceeded: {
    status: 429,
    title:
      "You asked this biller more often than your quota allows; wait for the time in Retry-After",
  },
  biller_capacity_exceeded: {
    status: 429,
    title:
      "The biller is at the capacity it declared (a scheduled inquiry gets only spare capacity); wait for the time in Retry-After",
  },
  amount_not_allowed: {
    status: 422,
    title:
      "The amount breaks the biller's exactness rule or the bill's bounds; `detail` names the rule and the check",
  },
  bill_payment_not_found: { status: 404, title: "You hold no bill payment with this id" },
  reversal_amount_mismatch: {
    status: 422,
    title: "A reversal repeats its posting's amount and currency: these are not the posting's",
  },
  bill_payment_not_reversible: {
    status: 409,
    title:
      "The posting was rejected and its money cleared back already: there is nothing to reverse",
  },
};
