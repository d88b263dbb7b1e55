import type { Generated } from "kysely";

/**
 * The banks' tables: endpoints and migrations between them, agreements, bank notices, calls and
 * operations.
 */

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
  /** The fee the institution is charged with the operation (migration 0021); null for none. */
  fee_minor: bigint | null;
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
