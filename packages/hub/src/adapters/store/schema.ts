import type { Generated } from "kysely";

/**
 * The tables as Kysely sees them. Integers that can exceed 2^53 (amounts, balances, sequence
 * numbers) are read as bigint on both dialects; see `database.ts`.
 */
export interface ClearhubSchema {
  participants: ParticipantsTable;
  accounts: AccountsTable;
  transfers: TransfersTable;
  open_pendings: OpenPendingsTable;
  journal: JournalTable;
  journal_head: JournalHeadTable;
  operator_tokens: OperatorTokensTable;
  operator_accounts: OperatorAccountsTable;
  operator_sessions: OperatorSessionsTable;
  approvals: ApprovalsTable;
  participant_keys: ParticipantKeysTable;
  seen_nonces: SeenNoncesTable;
  transfer_details: TransferDetailsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  bank_endpoints: BankEndpointsTable;
  bank_primary_endpoints: BankPrimaryEndpointsTable;
  endpoint_migrations: EndpointMigrationsTable;
  agreements: AgreementsTable;
  bank_notices: BankNoticesTable;
  bank_operations: BankOperationsTable;
  bank_calls: BankCallsTable;
  biller_profiles: BillerProfilesTable;
  channel_suspensions: ChannelSuspensionsTable;
  channel_steps: ChannelStepsTable;
  bill_subscriptions: BillSubscriptionsTable;
  bill_subscription_counts: BillSubscriptionCountsTable;
  bill_presentments: BillPresentmentsTable;
  bill_payments: BillPaymentsTable;
}

export interface ParticipantsTable {
  id: string;
  name: string;
  kind: string;
  status: string;
  created_at: bigint;
}

export interface AccountsTable {
  id: Generated<number | bigint>;
  participant_id: string;
  kind: string;
  currency: string;
  debit_limit: bigint | null;
  debits_posted: bigint;
  credits_posted: bigint;
  debits_pending: bigint;
  credits_pending: bigint;
  created_at: bigint;
}

export interface TransfersTable {
  id: string;
  kind: string;
  debit_account_id: number | bigint;
  credit_account_id: number | bigint;
  amount: bigint;
  currency: string;
  pending_id: string | null;
  timeout_ms: bigint | null;
  expires_at: bigint | null;
  reference: string | null;
  linked: number | bigint;
  batch_seq: bigint;
  batch_index: number | bigint;
  created_at: bigint;
}

export interface OpenPendingsTable {
  transfer_id: string;
  expires_at: bigint;
}

export interface JournalTable {
  seq: bigint;
  prev_hash: string;
  hash: string;
  transfer_count: number | bigint;
  created_at: bigint;
}

export interface JournalHeadTable {
  id: number | bigint;
  seq: bigint;
  hash: string;
}

export interface OperatorTokensTable {
  id: string;
  name: string;
  token_hash: string;
  created_at: bigint;
  revoked_at: bigint | null;
  /** Null only before the operator accounts migration ran; the store always sets both. */
  account_id: string | null;
  role: string | null;
}

export interface OperatorAccountsTable {
  id: string;
  name: string;
  role: string;
  password_hash: string | null;
  created_at: bigint;
  disabled_at: bigint | null;
}

export interface OperatorSessionsTable {
  id: string;
  secret_hash: string;
  account_id: string;
  created_at: bigint;
  last_seen_at: bigint;
}

export interface ApprovalsTable {
  id: string;
  action: string;
  subject: string;
  payload: string;
  proposed_by_id: string;
  proposed_by_name: string;
  proposed_at: bigint;
  expires_at: bigint;
  state: string;
  decided_by_id: string | null;
  decided_by_name: string | null;
  decided_at: bigint | null;
  outcome: string | null;
}

export interface ParticipantKeysTable {
  key_id: string;
  participant_id: string;
  algorithm: string;
  public_key: string;
  status: string;
  created_at: bigint;
  revoked_at: bigint | null;
}

export interface SeenNoncesTable {
  key_id: string;
  nonce: string;
  expires_at: bigint;
}

export interface TransferDetailsTable {
  transfer_id: string;
  initiator_id: string;
  payer_id: string;
  payee_id: string;
  request_hash: string;
  parties: string | null;
  created_at: bigint;
}

export interface WebhookEndpointsTable {
  participant_id: string;
  id: string;
  url: string;
  event_types: string;
  created_at: bigint;
}

export interface WebhookDeliveriesTable {
  id: Generated<number | bigint>;
  participant_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  payload: string;
  status: string;
  attempts: Generated<number | bigint>;
  next_attempt_at: bigint;
  last_attempt_at: bigint | null;
  last_status_code: number | bigint | null;
  last_error: string | null;
  created_at: bigint;
  delivered_at: bigint | null;
}

export interface AuditLogTable {
  seq: bigint;
  at: bigint;
  actor_kind: string;
  actor_id: string;
  actor_name: string;
  operator_id: string | null;
  operator_name: string | null;
  action: string;
  subject: string;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number | bigint;
  seq: bigint;
  hash: string;
}

export interface BankEndpointsTable {
  bank_id: string;
  id: string;
  url: string;
  timeout_ms: number | bigint;
  concurrency_max: number | bigint;
  breaker_failure_percent: number | bigint;
  breaker_window_ms: number | bigint;
  breaker_minimum_calls: number | bigint;
  breaker_half_open_after_ms: number | bigint;
  enabled: number | bigint;
  created_at: bigint;
  updated_at: bigint;
  retired_at: bigint | null;
}

export interface BankPrimaryEndpointsTable {
  bank_id: string;
  endpoint_id: string;
}

export interface EndpointMigrationsTable {
  bank_id: string;
  id: string;
  from_endpoint_id: string;
  to_endpoint_id: string;
  weight_percent: number | bigint;
  state: string;
  history: string;
  created_at: bigint;
  updated_at: bigint;
}

export interface AgreementsTable {
  payment_institution_id: string;
  id: string;
  bank_id: string;
  state: string;
  pinned_endpoint_id: string;
  sign_request_id: string;
  bank_sign_request_id: string | null;
  authentication_factors: number;
  digital_certificate: number;
  request_hash: string;
  customer: string;
  customer_masked: string;
  agreement_number: string | null;
  otp_expires_at: bigint | null;
  failure_code: string | null;
  failure_text: string | null;
  unsigned_by: string | null;
  created_at: bigint;
  updated_at: bigint;
  signed_at: bigint | null;
  unsigned_at: bigint | null;
}

export interface BankNoticesTable {
  bank_id: string;
  notice_id: string;
  kind: string;
  received_at: bigint;
  /** The transaction a result notice concerns; null for other notices. */
  transaction_id: string | null;
}

export interface BankCallsTable {
  seq: Generated<number | bigint>;
  bank_id: string;
  endpoint_id: string;
  transaction_id: string;
  call: string;
  attempt: number | bigint;
  outcome: string;
  detail: string | null;
  latency_ms: number | bigint;
  at: bigint;
}

export interface BankOperationsTable {
  payment_institution_id: string;
  id: string;
  kind: string;
  bank_id: string;
  agreement_id: string | null;
  original_id: string | null;
  amount: bigint;
  currency: string;
  transaction_id: string;
  state: string;
  request_hash: string;
  failure_code: string | null;
  failure_text: string | null;
  bank_reference: string | null;
  creditor: string | null;
  creditor_masked: string | null;
  created_at: bigint;
  updated_at: bigint;
  completed_at: bigint | null;
  next_inquiry_at: bigint;
  inquiries: number | bigint;
}

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
