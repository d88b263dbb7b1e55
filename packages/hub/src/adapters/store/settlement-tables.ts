/** The settlement tables: windows, their snapshots at each end, net positions and legs. */

export interface SettlementWindowsTable {
  id: string;
  currency: string;
  number: bigint;
  state: string;
  start_seq: bigint;
  end_seq: bigint | null;
  opened_at: bigint;
  closed_at: bigint | null;
  closed_by: string | null;
  settled_at: bigint | null;
  aborted_at: bigint | null;
  carried_into: string | null;
}

export interface SettlementSnapshotsTable {
  currency: string;
  seq: bigint;
  account_id: number | bigint;
  debits_posted: bigint;
  credits_posted: bigint;
}

export interface SettlementPositionsTable {
  window_id: string;
  account_id: number | bigint;
  participant_id: string;
  gross_sent: bigint;
  gross_received: bigint;
  net: bigint;
}

export interface SettlementLegsTable {
  window_id: string;
  account_id: number | bigint;
  participant_id: string;
  currency: string;
  amount: bigint;
  transfer_id: string;
  state: string;
  source: string;
  claim: string;
  counted_seq: bigint | null;
  created_at: bigint;
  posted_at: bigint | null;
}
