import {
  endpointSettingRanges,
  endpointsKeptPerBankMax,
  endpointsPerBankMax,
} from "../domain/banks/bank-endpoint.ts";
import { migrationStepsMax } from "../domain/banks/endpoint-migration.ts";
import { endpointUrlLengthMax } from "../domain/notifications/webhook-endpoint.ts";
import { type ProblemEntries, retryAfterSeconds } from "./problem-code.ts";

const r = endpointSettingRanges;
const settingRanges = `timeoutMs ${r.timeoutMs.min}-${r.timeoutMs.max}, concurrencyMax ${r.concurrencyMax.min}-${r.concurrencyMax.max}, breaker.failurePercent ${r.failurePercent.min}-${r.failurePercent.max}, breaker.windowMs ${r.windowMs.min}-${r.windowMs.max}, breaker.minimumCalls ${r.minimumCalls.min}-${r.minimumCalls.max}, breaker.halfOpenAfterMs ${r.halfOpenAfterMs.min}-${r.halfOpenAfterMs.max}`;

/**
 * Banks: their endpoints and endpoint migrations, agreements, agreement payments, payouts and
 * refunds.
 */
export const bankProblems = {
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
} satisfies ProblemEntries;
