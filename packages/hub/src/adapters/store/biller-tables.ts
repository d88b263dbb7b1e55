import type { Generated } from "kysely";

/**
 * The billers' and channels' tables: biller profiles, channel suspensions and steps, bill
 * subscriptions, presentments and payments.
 */

export interface BillerProfilesTable {
  participant_id: string;
  category: string;
  parameters: string;
  bill_fetch: string;
  amount_exactness: string;
  presentment_cache_ttl_seconds: number | bigint;
  inquiries_per_second: number | bigint;
  concurrent_calls_max: number | bigint;
  postings_per_second: number | bigint;
  posting_reserve_basis_points: number | bigint;
  currencies: string;
  version: number | bigint;
  created_at: bigint;
  updated_at: bigint;
}

export interface ChannelSuspensionsTable {
  participant_id: string;
  capability: string;
  reason: string;
  policy: string;
  honour_deadline_at: bigint | null;
  suspended_at: bigint;
  step_id: string;
}

export interface ChannelStepsTable {
  seq: Generated<number | bigint>;
  id: string;
  participant_id: string;
  kind: string;
  capabilities: string;
  reason: string | null;
  policy: string | null;
  honour_deadline_at: bigint | null;
  at: bigint;
  actor_kind: string;
  actor_id: string;
  actor_name: string;
  operator_id: string | null;
  operator_name: string | null;
}

export interface BillSubscriptionsTable {
  channel_id: string;
  id: string;
  biller_id: string;
  /** `<keyId>.<base64url HMAC>` of the canonical customer: see HmacLookupHasher. */
  lookup_hash: string;
  /** Sealed JSON of the customer parameters. */
  customer: string;
  /** JSON of the customer parameters masked. */
  customer_masked: string;
  reference: string | null;
  created_at: bigint;
}

export interface BillSubscriptionCountsTable {
  channel_id: string;
  held: number | bigint;
}

export interface BillPresentmentsTable {
  bill_ref: string;
  channel_id: string;
  biller_id: string;
  customer_params_hash: string;
  customer_params_sealed: string;
  customer_name: string | null;
  bill_number: string;
  currency: string;
  amount_due: bigint;
  amount_min: bigint | null;
  amount_max: bigint | null;
  due_date: string;
  period_from: string | null;
  period_to: string | null;
  description: string | null;
  presented_at: bigint;
  expires_at: bigint;
}

export interface BillPaymentsTable {
  channel_id: string;
  id: string;
  biller_id: string;
  bill_ref: string | null;
  customer_parameters: string;
  parameters_hash: string;
  bill_number: string | null;
  amount: bigint;
  /** The fee the channel was charged with the clearing (migration 0021); null for none. */
  fee_minor: bigint | null;
  currency: string;
  request_hash: string;
  state: string;
  posting_id: string;
  receipt_number: string | null;
  failure_code: string | null;
  failure_text: string | null;
  fail_at: bigint;
  next_inquiry_at: bigint;
  inquiries: number | bigint;
  created_at: bigint;
  updated_at: bigint;
  posted_at: bigint | null;
  reversed_at: bigint | null;
}
