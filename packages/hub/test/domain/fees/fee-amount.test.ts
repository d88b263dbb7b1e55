/**
 * The fee formula: exact against a reference that rounds by reading the decimal digits of the
 * exact product (no division at all), non-decreasing in the amount, always within the
 * schedule's bounds, and never beyond what the ledger's `int8` holds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { basisPointPartMinor, feeMinor } from "../../../src/domain/fees/fee-amount.ts";
import type { FeeSchedule } from "../../../src/domain/fees/fee-schedule.ts";
import { amountMinorMax } from "../../../src/domain/money/amount.ts";

/**
 * amount × bps / 10,000 rounded half up, from the decimal digits of amount × bps: the last
 * four digits are the fraction, and it rounds up exactly when that fraction is 0.5000 or more.
 */
function referenceBasisPointPart(amount: bigint, bps: number): bigint {
  const digits = (amount * BigInt(bps)).toString().padStart(5, "0");
  const whole = BigInt(digits.slice(0, -4));
  const fraction = digits.slice(-4);
  return fraction >= "5000" ? whole + 1n : whole;
}

function referenceFee(schedule: FeeSchedule, amount: bigint): bigint {
  let fee = schedule.fixedMinor + referenceBasisPointPart(amount, schedule.basisPoints);
  if (fee < schedule.minimumMinor) fee = schedule.minimumMinor;
  if (schedule.maximumMinor !== null && fee > schedule.maximumMinor) fee = schedule.maximumMinor;
  if (fee > amountMinorMax) fee = amountMinorMax;
  return fee;
}

const value = fc.oneof(
  fc.bigInt({ min: 0n, max: 10_000n }),
  fc.bigInt({ min: 0n, max: amountMinorMax }),
);
const schedule = fc
  .record({
    fixedMinor: value,
    basisPoints: fc.integer({ min: 0, max: 10_000 }),
    bounds: fc.tuple(value, fc.option(value, { nil: null })),
  })
  .map(({ fixedMinor, basisPoints, bounds: [a, b] }): FeeSchedule => {
    const [minimumMinor, maximumMinor] = b === null ? [a, null] : a <= b ? [a, b] : [b, a];
    return {
      transactionType: "transfer",
      participantId: null,
      currency: "CNY",
      fixedMinor,
      basisPoints,
      minimumMinor,
      maximumMinor,
    };
  });
const amount = fc.oneof(
  fc.bigInt({ min: 1n, max: 1_000_000n }),
  fc.bigInt({ min: 1n, max: amountMinorMax }),
);

describe("fee amount", () => {
  it("rounds the basis-point part half up: the worked examples", () => {
    // 12.34 CNY at 25 bp: 1234 × 25 / 10,000 = 3.085 fen → 3 fen.
    expect(basisPointPartMinor(1234n, 25)).toBe(3n);
    // 20.00 CNY at 25 bp: exactly 5 fen.
    expect(basisPointPartMinor(2000n, 25)).toBe(5n);
    // 1.00 CNY at 50 bp: 0.5 fen, a tie, goes up to 1 fen.
    expect(basisPointPartMinor(100n, 50)).toBe(1n);
    // 0.99 CNY at 50 bp: 0.495 fen goes down to 0.
    expect(basisPointPartMinor(99n, 50)).toBe(0n);
  });

  it("clamps to the minimum, then the maximum, which wins over a larger fixed part", () => {
    const base: FeeSchedule = {
      transactionType: "transfer",
      participantId: null,
      currency: "CNY",
      fixedMinor: 10n,
      basisPoints: 25,
      minimumMinor: 50n,
      maximumMinor: 2000n,
    };
    expect(feeMinor(base, 100n)).toBe(50n);
    // 1,000.00 CNY: 10 + 250 = 260 fen.
    expect(feeMinor(base, 100_000n)).toBe(260n);
    expect(feeMinor(base, 100_000_000n)).toBe(2000n);
    expect(feeMinor({ ...base, fixedMinor: 5000n }, 1n)).toBe(2000n);
  });

  it("never passes what an int8 holds, so the ledger refuses rather than overflows", () => {
    const huge: FeeSchedule = {
      transactionType: "transfer",
      participantId: null,
      currency: "CNY",
      fixedMinor: amountMinorMax,
      basisPoints: 10_000,
      minimumMinor: 0n,
      maximumMinor: null,
    };
    expect(feeMinor(huge, amountMinorMax)).toBe(amountMinorMax);
  });

  it("refuses to price a zero amount", () => {
    const free: FeeSchedule = {
      transactionType: "transfer",
      participantId: null,
      currency: "CNY",
      fixedMinor: 0n,
      basisPoints: 0,
      minimumMinor: 0n,
      maximumMinor: null,
    };
    expect(() => feeMinor(free, 0n)).toThrow();
  });

  it("equals the reference computed from the exact product's digits", () => {
    fc.assert(
      fc.property(schedule, amount, (priced, paid) => {
        expect(feeMinor(priced, paid)).toBe(referenceFee(priced, paid));
      }),
      { numRuns: 2000 },
    );
  });

  it("is within [minimum, maximum] and never negative", () => {
    fc.assert(
      fc.property(schedule, amount, (priced, paid) => {
        const fee = feeMinor(priced, paid);
        expect(fee >= 0n).toBe(true);
        expect(fee >= priced.minimumMinor).toBe(true);
        if (priced.maximumMinor !== null) expect(fee <= priced.maximumMinor).toBe(true);
        expect(fee <= amountMinorMax).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("never charges less on a larger amount", () => {
    fc.assert(
      fc.property(schedule, amount, amount, (priced, a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        expect(feeMinor(priced, small) <= feeMinor(priced, large)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps the basis-point part within half a minor unit of the exact rational", () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 0, max: 10_000 }), (paid, bps) => {
        const part = basisPointPartMinor(paid, bps);
        // |part − amount·bps/10,000| ≤ 1/2, scaled by 20,000 to stay in integers.
        const error = part * 20_000n - paid * BigInt(bps) * 2n;
        expect(error <= 10_000n && error > -10_000n).toBe(true);
      }),
    );
  });
});
