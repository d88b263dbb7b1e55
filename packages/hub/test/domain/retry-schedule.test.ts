import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attemptsMaxLimit,
  isRetryPolicyValid,
  nextRetry,
  type RetryPolicy,
  retryCeilingMs,
  retryPolicyDefaults,
} from "../../src/domain/notifications/retry-schedule.ts";

const policyArbitrary: fc.Arbitrary<RetryPolicy> = fc
  .record({
    delayMinMs: fc.integer({ min: 0, max: 10_000 }),
    baseExtraMs: fc.integer({ min: 0, max: 60_000 }),
    capExtraMs: fc.integer({ min: 0, max: 24 * 3_600_000 }),
    factor: fc.double({ min: 1, max: 10, noNaN: true }),
    attemptsMax: fc.integer({ min: 1, max: attemptsMaxLimit }),
  })
  .map(({ delayMinMs, baseExtraMs, capExtraMs, factor, attemptsMax }) => ({
    delayMinMs,
    baseDelayMs: delayMinMs + baseExtraMs,
    delayCapMs: delayMinMs + baseExtraMs + capExtraMs,
    factor,
    attemptsMax,
  }));

/** Just below 1: the largest draw a random source may give. */
const almostOne = 1 - Number.EPSILON;

describe("retry schedule", () => {
  it("doubles the ceiling from 5 s up to one hour, and gives up after fifteen attempts", () => {
    const ceilings = Array.from({ length: 12 }, (_, index) =>
      retryCeilingMs(index + 1, retryPolicyDefaults),
    );
    expect(ceilings).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 640_000, 1_280_000, 2_560_000,
      3_600_000, 3_600_000,
    ]);
    expect(nextRetry(9, retryPolicyDefaults, () => 0.5)).toEqual({ retry: true, delayMs: 640_000 });
    expect(nextRetry(14, retryPolicyDefaults, () => 0.5)).toEqual({
      retry: true,
      delayMs: 1_800_000,
    });
    expect(nextRetry(15, retryPolicyDefaults, () => 0.5)).toEqual({ retry: false });
  });

  it("draws the delay below the ceiling, but never below the minimum", () => {
    expect(nextRetry(1, retryPolicyDefaults, () => 0)).toEqual({ retry: true, delayMs: 1_000 });
    expect(nextRetry(1, retryPolicyDefaults, () => almostOne)).toEqual({
      retry: true,
      delayMs: 4_999,
    });
  });

  it("keeps every delay within [minimum, ceiling] and the ceiling within the cap", () => {
    fc.assert(
      fc.property(
        policyArbitrary,
        fc.integer({ min: 1, max: attemptsMaxLimit }),
        fc.double({ min: 0, max: almostOne, noNaN: true }),
        (policy, attemptsMade, draw) => {
          const decision = nextRetry(attemptsMade, policy, () => draw);
          if (!decision.retry) return;
          const ceilingMs = retryCeilingMs(attemptsMade, policy);
          expect(ceilingMs).toBeLessThanOrEqual(policy.delayCapMs);
          expect(decision.delayMs).toBeGreaterThanOrEqual(policy.delayMinMs);
          expect(decision.delayMs).toBeLessThanOrEqual(Math.max(policy.delayMinMs, ceilingMs));
          expect(Number.isSafeInteger(decision.delayMs)).toBe(true);
        },
      ),
    );
  });

  it("never lowers the ceiling as attempts grow", () => {
    fc.assert(
      fc.property(
        policyArbitrary,
        fc.integer({ min: 1, max: attemptsMaxLimit - 1 }),
        (policy, n) => {
          expect(retryCeilingMs(n + 1, policy)).toBeGreaterThanOrEqual(retryCeilingMs(n, policy));
        },
      ),
    );
  });

  it("retries exactly attemptsMax - 1 times, whatever the draws", () => {
    fc.assert(
      fc.property(
        policyArbitrary,
        fc.double({ min: 0, max: almostOne, noNaN: true }),
        (policy, draw) => {
          expect(isRetryPolicyValid(policy)).toBe(true);
          let attemptsMade = 1;
          while (nextRetry(attemptsMade, policy, () => draw).retry) attemptsMade++;
          expect(attemptsMade).toBe(policy.attemptsMax);
        },
      ),
    );
  });

  it("refuses draws outside [0, 1) and policies that would retry without bound", () => {
    expect(() => nextRetry(1, retryPolicyDefaults, () => 1)).toThrow(/random source/);
    expect(() => nextRetry(1, retryPolicyDefaults, () => Number.NaN)).toThrow(/random source/);
    expect(isRetryPolicyValid(retryPolicyDefaults)).toBe(true);
    expect(isRetryPolicyValid({ ...retryPolicyDefaults, attemptsMax: attemptsMaxLimit + 1 })).toBe(
      false,
    );
    expect(isRetryPolicyValid({ ...retryPolicyDefaults, factor: 0.5 })).toBe(false);
    expect(isRetryPolicyValid({ ...retryPolicyDefaults, delayCapMs: 10 })).toBe(false);
  });
});
