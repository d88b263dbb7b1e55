import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  accountAmountMax,
  formatReserveCapFactor,
  parseReserveCapFactor,
  reserveCap,
  reserveCapFactorBpsMax,
  reserveCapFactorBpsMin,
} from "../../src/domain/ledger/reserve-cap.ts";

describe("reserve cap factor", () => {
  it("reads decimal strings exactly into basis points, within 0.0001 to 100", () => {
    expect(parseReserveCapFactor("1.5")).toEqual({ ok: true, factorBps: 15_000 });
    expect(parseReserveCapFactor("0.0001")).toEqual({ ok: true, factorBps: 1 });
    expect(parseReserveCapFactor("100")).toEqual({ ok: true, factorBps: 1_000_000 });
    expect(parseReserveCapFactor("100.0000")).toEqual({ ok: true, factorBps: 1_000_000 });
    expect(parseReserveCapFactor("007.25")).toEqual({ ok: true, factorBps: 72_500 });
    for (const bad of [
      "0",
      "0.0000",
      "0.00001",
      "100.0001",
      "1000",
      "-1",
      "+1",
      "1e2",
      "1.",
      ".5",
      "1,5",
      " 1",
      "",
      "١",
    ]) {
      expect(parseReserveCapFactor(bad), bad).toEqual({
        ok: false,
        code: "reserve_cap_factor_invalid",
      });
    }
  });

  it("writes the factor back as it reads it", () => {
    expect(formatReserveCapFactor(15_000)).toBe("1.5");
    expect(formatReserveCapFactor(10_000)).toBe("1");
    expect(formatReserveCapFactor(1)).toBe("0.0001");
    expect(formatReserveCapFactor(1_000_000)).toBe("100");
    fc.assert(
      fc.property(
        fc.integer({ min: reserveCapFactorBpsMin, max: reserveCapFactorBpsMax }),
        (bps) => {
          expect(parseReserveCapFactor(formatReserveCapFactor(bps))).toEqual({
            ok: true,
            factorBps: bps,
          });
        },
      ),
    );
  });
});

describe("reserveCap", () => {
  it("rounds down to the minor unit", () => {
    expect(reserveCap(20_001n, 15_000)).toBe(30_001n); // 30001.5
    expect(reserveCap(3n, 5_000)).toBe(1n); // 1.5
    expect(reserveCap(9_999n, 1)).toBe(0n); // 0.9999
    expect(reserveCap(10_000n, 1)).toBe(1n);
    expect(reserveCap(100n, 1_000_000)).toBe(10_000n);
  });

  it("is zero without a reserve, and the account maximum past it", () => {
    expect(reserveCap(0n, 15_000)).toBe(0n);
    expect(reserveCap(-5n, 15_000)).toBe(0n);
    expect(reserveCap(accountAmountMax, 10_000)).toBe(accountAmountMax);
    expect(reserveCap(accountAmountMax, 10_001)).toBe(accountAmountMax);
    expect(reserveCap(accountAmountMax, 9_999)).toBe((accountAmountMax * 9_999n) / 10_000n);
  });

  it("is floor(reserve × factor / 10000), never more than the reserve times the factor", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: accountAmountMax }),
        fc.integer({ min: reserveCapFactorBpsMin, max: reserveCapFactorBpsMax }),
        (reserve, bps) => {
          const cap = reserveCap(reserve, bps);
          const exact = reserve * BigInt(bps);
          if (cap < accountAmountMax) {
            expect(cap * 10_000n <= exact && exact < (cap + 1n) * 10_000n).toBe(true);
          } else {
            expect(exact >= accountAmountMax * 10_000n).toBe(true);
          }
        },
      ),
    );
  });
});
