import type { FeeSchedule } from "./fee-schedule.ts";
import { feeValueMinorMax } from "./fee-schedule.ts";

const basisPointsPerUnit = 10_000n;

/**
 * The variable part, `amount × bps / 10,000`, rounded half up to a whole minor unit: a fraction
 * of exactly one half goes up (0.5 → 1), anything less goes down. Amounts are positive, so half
 * up and half away from zero agree. Exact in bigint: the product is formed before dividing.
 */
export function basisPointPartMinor(amountMinor: bigint, basisPoints: number): bigint {
  return (amountMinor * BigInt(basisPoints) + basisPointsPerUnit / 2n) / basisPointsPerUnit;
}

/**
 * The fee on a transaction of `amountMinor`: the fixed part plus the rounded basis-point part,
 * raised to the minimum and then lowered to the maximum (so a schedule's maximum is never
 * passed, whatever its fixed part). The result never passes what an `int8` holds either: such
 * a fee could never be posted, and the ledger refuses it as `balance_overflow`. Zero means no
 * fee is posted. Non-decreasing in the amount: a larger payment never costs less.
 */
export function feeMinor(schedule: FeeSchedule, amountMinor: bigint): bigint {
  if (amountMinor <= 0n) throw new Error("a fee is charged on a positive amount");
  const raw = schedule.fixedMinor + basisPointPartMinor(amountMinor, schedule.basisPoints);
  const floored = larger(raw, schedule.minimumMinor);
  const capped = schedule.maximumMinor === null ? floored : smaller(floored, schedule.maximumMinor);
  return smaller(capped, feeValueMinorMax);
}

/** `Math.max` and `Math.min` take no bigint. */
function larger(a: bigint, b: bigint): bigint {
  if (a >= b) return a;
  return b;
}

function smaller(a: bigint, b: bigint): bigint {
  if (a <= b) return a;
  return b;
}
