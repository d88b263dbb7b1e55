import { activeKeysPerParticipantMax } from "../app/participants/participant-key-service.ts";
import {
  endpointsPerParticipantMax,
  endpointUrlLengthMax,
} from "../domain/notifications/webhook-endpoint.ts";
import { type ProblemEntries, retryAfterSeconds } from "./problem-code.ts";

/**
 * Participants and their keys, transfers and the ledger's results, amounts, signed requests and
 * webhooks.
 */
export const participantProblems = {
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
  transfer_id_reserved: {
    status: 422,
    title: "Transfer ids starting with bp. are the hub's own; choose an id outside that prefix",
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
  reserve_cap_factor_invalid: {
    status: 422,
    title:
      'A reserve cap factor is a decimal string from 0.0001 to 100 with at most four decimals, such as "1.5"',
  },
  reserve_cap_rule_not_found: {
    status: 404,
    title: "The participant's cap does not follow its reserve in this currency",
  },
  net_debit_cap_follows_reserve: {
    status: 409,
    title:
      "This net debit cap follows the participant's reserve: clear the rule (DELETE .../reserve-caps/{currency}) before setting the cap by hand",
  },
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
} satisfies ProblemEntries;
