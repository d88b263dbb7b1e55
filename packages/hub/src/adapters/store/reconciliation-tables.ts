/** Daily reconciliation's tables: the runs (matches of an uploaded record) and their breaks. */

export interface ReconRunsTable {
  id: string;
  participant_id: string;
  day: string;
  from_ms: bigint;
  to_ms: bigint;
  hub_rows: bigint;
  participant_rows: bigint;
  unknown_rows: bigint;
  breaks: bigint;
  uploaded_by: string;
  created_at: bigint;
}

export interface ReconBreaksTable {
  id: string;
  run_id: string;
  participant_id: string;
  day: string;
  kind: string;
  match_key: string;
  hub_transaction_id: string | null;
  participant_reference: string | null;
  currency: string | null;
  hub_amount: bigint | null;
  participant_amount: bigint | null;
  hub_status: string | null;
  participant_status: string | null;
  line: bigint | null;
  state: string;
  reason: string | null;
  reversal_transfer_id: string | null;
  resolved_by: string | null;
  resolved_at: bigint | null;
  created_at: bigint;
}
