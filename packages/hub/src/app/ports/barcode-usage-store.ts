import type { RiskLevel } from "../../domain/barcode/risk-level.ts";

/** One payment's share of a payer customer's day at one level. */
export interface BarcodeHoldRequest {
  /** The payment's id at the hub: one hold per payment, whatever the retries. */
  readonly paymentId: string;
  /** The payer's institution. */
  readonly payerId: string;
  /** The institution's reference of its customer; the store keeps only a hash of it. */
  readonly customerRef: string;
  /** The calendar day `YYYY-MM-DD` the payment counts in. */
  readonly day: string;
  readonly currency: string;
  readonly level: RiskLevel;
  readonly amountMinor: bigint;
  /** The level's daily limit; null for none (the payment is still counted). */
  readonly limitMinor: bigint | null;
  /** When the hold is taken, epoch milliseconds. */
  readonly heldAt: number;
}

export type BarcodeHoldOutcome =
  | {
      readonly ok: true;
      /** Whether the payment was already held (this answer repeats the first). */
      readonly replayed: boolean;
    }
  | {
      readonly ok: false;
      readonly code: "limit_exceeded";
      /** The day's use when refused, for the remaining amount. */
      readonly usedMinor: bigint;
    };

/** The key of a customer's day at one level. */
export interface BarcodeUsageKey {
  readonly payerId: string;
  readonly customerRef: string;
  readonly day: string;
  readonly currency: string;
  readonly level: RiskLevel;
}

/**
 * The day's use of each payer customer's limit. A hold adds a payment to its day only if the
 * sum stays within the limit, checked and added in one statement so that two concurrent
 * payments cannot both pass a limit only one of them fits in.
 */
export interface BarcodeUsageStore {
  /** Holds the payment's amount; a payment already held is answered as it was, unchanged. */
  hold(request: BarcodeHoldRequest): Promise<BarcodeHoldOutcome>;
  /** Gives a failed payment's amount back to its day; whether a hold was there. Idempotent. */
  release(paymentId: string): Promise<boolean>;
  /** The day's use at the level; zero for none. */
  used(key: BarcodeUsageKey): Promise<bigint>;
}
