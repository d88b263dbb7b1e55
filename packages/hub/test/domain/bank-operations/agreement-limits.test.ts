import { describe, expect, it } from "vitest";
import {
  agreementLimitsDefaults,
  checkAgreementLimits,
  limitDay,
  riskLevel,
} from "../../../src/domain/bank-operations/agreement-limits.ts";

const yuan = (amount: number) => BigInt(Math.round(amount * 100));

describe("agreement limits", () => {
  const levels = [
    [{ authenticationFactors: 1, digitalCertificate: false }, "single_factor", 1_000],
    [{ authenticationFactors: 2, digitalCertificate: false }, "multi_factor", 5_000],
    [{ authenticationFactors: 3, digitalCertificate: false }, "multi_factor", 5_000],
    [{ authenticationFactors: 1, digitalCertificate: true }, "digital_certificate", 50_000],
  ] as const;

  it.each(levels)("ranks %j as %s, %d CNY a day", (risk, level, dailyYuan) => {
    expect(riskLevel(risk)).toBe(level);
    expect(agreementLimitsDefaults.dailyMaxMinor[level]).toBe(yuan(dailyYuan));
  });

  const checks = [
    [1, 0, 1_000, "ok"],
    [1, 999.99, 0.01, "ok"],
    [1, 999.99, 0.02, "exceeds_daily_limit"],
    [2, 4_000, 1_000, "ok"],
    [2, 4_000, 1_000.01, "exceeds_daily_limit"],
    [2, 0, 5_000.01, "exceeds_transaction_limit"],
  ] as const;

  it.each(checks)(
    "with %d factors, %d CNY spent, %d CNY more is %s",
    (factors, spent, amount, result) => {
      const risk = { authenticationFactors: factors, digitalCertificate: false };
      expect(checkAgreementLimits(yuan(amount), yuan(spent), risk, agreementLimitsDefaults)).toBe(
        result,
      );
    },
  );

  it("counts days in China's time by default", () => {
    const justBeforeMidnight = Date.parse("2026-03-01T15:59:59.999Z"); // 23:59:59.999 in Beijing
    const midnight = Date.parse("2026-03-01T16:00:00Z");
    expect(limitDay(justBeforeMidnight, 480)).toEqual({
      start: Date.parse("2026-02-28T16:00:00Z"),
      end: midnight,
    });
    expect(limitDay(midnight, 480).start).toBe(midnight);
    expect(limitDay(midnight, 0).start).toBe(Date.parse("2026-03-01T00:00:00Z"));
  });
});
