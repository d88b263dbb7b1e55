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
  participant_keys: ParticipantKeysTable;
  seen_nonces: SeenNoncesTable;
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
