/** The `fee_schedules` table (migration 0021). */
export interface FeeSchedulesTable {
  transaction_type: string;
  /** A participant id, or `*` for the network-wide default. */
  payer_id: string;
  currency: string;
  fixed_minor: bigint;
  basis_points: number;
  minimum_minor: bigint;
  maximum_minor: bigint | null;
  updated_at: bigint;
  updated_by: string;
}
