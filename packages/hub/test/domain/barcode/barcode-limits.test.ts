/**
 * The PBOC risk levels and the daily limits table: each level earned by its verification, each
 * level's default CNY limit, a currency with no row refused, a level with no limit never
 * refused, and the day's check exact at the limit with the remaining amount.
 */
import { describe, expect, it } from "vitest";
import {
  type BarcodeLimitTable,
  checkDailyLimit,
  cnyDefaultLimits,
  dailyLimitFor,
  defaultBarcodeLimits,
  levelLimitsProblem,
} from "../../../src/domain/barcode/barcode-limits.ts";
import { isRiskLevel, riskLevelOf } from "../../../src/domain/barcode/risk-level.ts";
import { amountMinorMax } from "../../../src/domain/money/amount.ts";

describe("risk levels", () => {
  it("earns each level from the verification, a static code capping it at D", () => {
    const by = (factorCount: number, certificateOrSignature: boolean, staticCode = false) =>
      riskLevelOf({ factorCount, certificateOrSignature, staticCode });
    expect(by(2, true)).toBe("A");
    expect(by(3, true)).toBe("A");
    expect(by(2, false)).toBe("B");
    expect(by(1, false)).toBe("C");
    // A certificate alone is one factor: fewer than two.
    expect(by(1, true)).toBe("C");
    expect(by(0, false)).toBe("C");
    expect(by(3, true, true)).toBe("D");
    expect(by(0, false, true)).toBe("D");
  });

  it("knows the four levels and nothing else", () => {
    expect(["A", "B", "C", "D"].every(isRiskLevel)).toBe(true);
    expect(["a", "E", "", "AB"].some(isRiskLevel)).toBe(false);
  });
});

describe("daily limits", () => {
  it("defaults CNY to A by agreement, B 5,000, C 1,000, D 500 yuan", () => {
    const limit = (level: "A" | "B" | "C" | "D") =>
      dailyLimitFor(defaultBarcodeLimits, "CNY", level);
    expect(limit("A")).toEqual({ ok: true, limitMinor: null });
    expect(limit("B")).toEqual({ ok: true, limitMinor: 500_000n });
    expect(limit("C")).toEqual({ ok: true, limitMinor: 100_000n });
    expect(limit("D")).toEqual({ ok: true, limitMinor: 50_000n });
  });

  it("refuses a currency with no limits configured, and reads a configured one", () => {
    expect(dailyLimitFor(defaultBarcodeLimits, "HKD", "B")).toEqual({
      ok: false,
      code: "currency_has_no_limits",
    });
    const table: BarcodeLimitTable = new Map([
      ["CNY", cnyDefaultLimits],
      ["HKD", { A: 1_000_000n, B: 600_000n, C: 120_000n, D: 0n }],
    ]);
    expect(dailyLimitFor(table, "HKD", "A")).toEqual({ ok: true, limitMinor: 1_000_000n });
    expect(dailyLimitFor(table, "HKD", "D")).toEqual({ ok: true, limitMinor: 0n });
    expect(dailyLimitFor(table, "__proto__", "B").ok).toBe(false);
  });

  it("passes the day up to the limit exactly and refuses past it with what remains", () => {
    expect(checkDailyLimit(0n, 500_000n, 500_000n)).toEqual({ ok: true });
    expect(checkDailyLimit(499_999n, 1n, 500_000n)).toEqual({ ok: true });
    expect(checkDailyLimit(499_999n, 2n, 500_000n)).toEqual({
      ok: false,
      code: "limit_exceeded",
      remainingMinor: 1n,
      limitMinor: 500_000n,
    });
    expect(checkDailyLimit(0n, 50_001n, 50_000n)).toMatchObject({ remainingMinor: 50_000n });
    // Over already (a limit lowered during the day): nothing remains, never a negative amount.
    expect(checkDailyLimit(70_000n, 1n, 50_000n)).toMatchObject({ remainingMinor: 0n });
    expect(checkDailyLimit(0n, 1n, 0n)).toMatchObject({ ok: false, remainingMinor: 0n });
  });

  it("never refuses a level without a limit", () => {
    expect(checkDailyLimit(amountMinorMax - 1n, 1n, null)).toEqual({ ok: true });
  });

  it("takes limits from zero to the ledger's largest amount", () => {
    expect(levelLimitsProblem(cnyDefaultLimits)).toBeNull();
    expect(levelLimitsProblem({ A: amountMinorMax, B: 0n, C: null, D: 1n })).toBeNull();
    expect(levelLimitsProblem({ ...cnyDefaultLimits, C: -1n })).toBe("barcode_limit_invalid");
    expect(levelLimitsProblem({ ...cnyDefaultLimits, A: amountMinorMax + 1n })).toBe(
      "barcode_limit_invalid",
    );
  });
});
