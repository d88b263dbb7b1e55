/** The `barcode_limits` table (migration 0025): one row per currency and level. */
export interface BarcodeLimitsTable {
  currency: string;
  level: string;
  /** Minor units; null for no limit. */
  daily_limit_minor: bigint | null;
}

/** The `barcode_limit_holds` table (migration 0025): the amount each payment holds. */
export interface BarcodeLimitHoldsTable {
  payment_id: string;
  payer_id: string;
  /** SHA-256 hex of the payer institution's customer reference. */
  customer_key: string;
  day: string;
  currency: string;
  level: string;
  amount_minor: bigint;
  held_at: bigint;
}

/** The `barcode_daily_usage` table (migration 0025): a customer's day at one level. */
export interface BarcodeDailyUsageTable {
  payer_id: string;
  customer_key: string;
  day: string;
  currency: string;
  level: string;
  used_minor: bigint;
}
