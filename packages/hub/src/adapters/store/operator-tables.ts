/**
 * The operators' tables: accounts, sessions and tokens, approvals, and the hash-chained audit
 * log.
 */

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
