import { amountMinorMax } from "../money/amount.ts";

/**
 * The transactions a fee can be charged on, each paid by the participant that initiates it:
 * the payer of a transfer, the institution of an agreement payment, payout or refund, the
 * channel of a bill payment.
 */
export const feeTransactionTypes = [
  "transfer",
  "agreement_payment",
  "payout",
  "refund",
  "bill_payment",
] as const;
export type FeeTransactionType = (typeof feeTransactionTypes)[number];

export function isFeeTransactionType(text: string): text is FeeTransactionType {
  return (feeTransactionTypes as readonly string[]).includes(text);
}

/** 10,000 basis points are 100 %: a fee's variable part is never more than the amount itself. */
export const basisPointsMax = 10_000;
/** Each value is stored in a PostgreSQL `int8`, so none may pass what one holds. */
export const feeValueMinorMax = amountMinorMax;

/** What a schedule is charged on: one transaction type and currency, for one payer or all. */
export interface FeeScheduleKey {
  readonly transactionType: FeeTransactionType;
  /** The payer it applies to; null for the network-wide default. */
  readonly participantId: string | null;
  readonly currency: string;
}

/**
 * A fee: `fixedMinor` plus `basisPoints` of the amount, then held within
 * [`minimumMinor`, `maximumMinor`] (no maximum when null). All amounts are minor units of
 * `currency`.
 */
export interface FeeSchedule extends FeeScheduleKey {
  readonly fixedMinor: bigint;
  readonly basisPoints: number;
  readonly minimumMinor: bigint;
  readonly maximumMinor: bigint | null;
}

/** A schedule as stored: with when and by whom it was last set. */
export interface StoredFeeSchedule extends FeeSchedule {
  readonly updatedAt: number;
  readonly updatedBy: string;
}

/**
 * Why a schedule is refused, in order of precedence (the first that applies is answered).
 * Every one is permanent: the same schedule is refused again.
 */
export type FeeScheduleProblem =
  | "fee_value_negative"
  | "fee_value_too_large"
  | "fee_basis_points_invalid"
  | "fee_minimum_above_maximum";

/**
 * Checks a schedule's values. Negative values and values beyond an `int8` are refused rather
 * than clamped: a schedule is the operator's statement of a price, and a silently changed price
 * is worse than a refused one. A minimum above the maximum leaves no fee that satisfies both.
 * A fixed part above the maximum is allowed: the maximum wins, as it does for any fee.
 */
export function feeScheduleProblem(schedule: FeeSchedule): FeeScheduleProblem | null {
  const values = [schedule.fixedMinor, schedule.minimumMinor, schedule.maximumMinor ?? 0n];
  if (values.some((value) => value < 0n) || schedule.basisPoints < 0) return "fee_value_negative";
  if (values.some((value) => value > feeValueMinorMax)) return "fee_value_too_large";
  if (!Number.isSafeInteger(schedule.basisPoints) || schedule.basisPoints > basisPointsMax) {
    return "fee_basis_points_invalid";
  }
  if (schedule.maximumMinor !== null && schedule.minimumMinor > schedule.maximumMinor) {
    return "fee_minimum_above_maximum";
  }
  return null;
}

/**
 * The schedule that prices a payer's transaction: its own, else the network's default for the
 * same type and currency, else none (no fee). `candidates` may hold any schedules.
 */
export function applicableSchedule<Schedule extends FeeScheduleKey>(
  candidates: readonly Schedule[],
  transactionType: FeeTransactionType,
  payerId: string,
  currency: string,
): Schedule | undefined {
  const matches = candidates.filter(
    (candidate) => candidate.transactionType === transactionType && candidate.currency === currency,
  );
  return (
    matches.find((candidate) => candidate.participantId === payerId) ??
    matches.find((candidate) => candidate.participantId === null)
  );
}
