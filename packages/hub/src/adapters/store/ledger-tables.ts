import type { Generated } from "kysely";

/**
 * The ledger's tables: participants, their accounts, transfers and their details, pending
 * reservations and the hash-chained journal.
 */

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

/** A position's net debit cap that follows the reserve: factor in basis points (15000 = 1.5×). */
export interface ReserveCapRulesTable {
  participant_id: string;
  currency: string;
  factor_bps: number | bigint;
  set_at: bigint;
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

export interface TransferDetailsTable {
  transfer_id: string;
  initiator_id: string;
  payer_id: string;
  payee_id: string;
  request_hash: string;
  parties: string | null;
  created_at: bigint;
}
