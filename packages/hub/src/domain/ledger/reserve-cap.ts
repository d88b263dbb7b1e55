/**
 * A net debit cap that follows the participant's reserve: cap = floor(reserve × factor), with
 * the factor kept exactly as an integer of basis points (15000 = 1.5×). The cap is re-set from
 * the settlement account's posted balance each time those funds move, so a participant may owe
 * the network a fixed multiple of what it deposited and no more.
 */

/** One basis point of the factor: 0.0001×. */
export const reserveCapFactorBpsPerUnit = 10_000;
export const reserveCapFactorBpsMin = 1;
/** 100×: beyond it a "cap" would be no bound on a real reserve. */
export const reserveCapFactorBpsMax = 1_000_000;
/** The largest balance an account can hold (a signed 64-bit column): a cap past it is this. */
export const accountAmountMax = 2n ** 63n - 1n;

export type ReserveCapFactorRefusal = "reserve_cap_factor_invalid";

/** A factor as the API writes it: whole part, then at most four decimals; no sign, no exponent. */
const factorPattern = /^(\d{1,3})(?:\.(\d{1,4}))?$/;

/** The factor's basis points, or the refusal when it is malformed or out of bounds. */
export function parseReserveCapFactor(
  text: string,
): { ok: true; factorBps: number } | { ok: false; code: ReserveCapFactorRefusal } {
  const match = factorPattern.exec(text);
  if (match === null) return { ok: false, code: "reserve_cap_factor_invalid" };
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? "").padEnd(4, "0"));
  const factorBps = whole * reserveCapFactorBpsPerUnit + fraction;
  if (!isReserveCapFactorBps(factorBps)) return { ok: false, code: "reserve_cap_factor_invalid" };
  return { ok: true, factorBps };
}

export function isReserveCapFactorBps(factorBps: number): boolean {
  return (
    Number.isSafeInteger(factorBps) &&
    factorBps >= reserveCapFactorBpsMin &&
    factorBps <= reserveCapFactorBpsMax
  );
}

/** The factor as the API shows it: "1.5" for 15000, "2" for 20000, "0.0001" for 1. */
export function formatReserveCapFactor(factorBps: number): string {
  const whole = Math.floor(factorBps / reserveCapFactorBpsPerUnit);
  const fraction = String(factorBps % reserveCapFactorBpsPerUnit)
    .padStart(4, "0")
    .replace(/0+$/, "");
  return fraction === "" ? String(whole) : `${whole}.${fraction}`;
}

/**
 * floor(reserve × factorBps / 10000), exact in integers. A reserve of zero or less (none is:
 * a settlement account cannot be overdrawn) gives a cap of zero, so the participant may receive
 * but not owe; a cap beyond what an account can hold is that maximum. The store computes the
 * same in SQL (`reserve-cap-sql.ts`), split the same way so no intermediate leaves 64 bits.
 */
export function reserveCap(reserve: bigint, factorBps: number): bigint {
  if (reserve <= 0n) return 0n;
  const cap = (reserve * BigInt(factorBps)) / BigInt(reserveCapFactorBpsPerUnit);
  return cap > accountAmountMax ? accountAmountMax : cap;
}
