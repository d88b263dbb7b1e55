import { describe, expect, it } from "vitest";
import {
  assertRetryPolicy,
  backoffMs,
  nextAttemptDelayMs,
  retryAfterMs,
  retryPolicyDefaults,
} from "../src/retry-policy.ts";

const policy = { attemptsMax: 4, backoffBaseMs: 100, backoffCapMs: 1_000, totalMs: 5_000 };
const highest = () => 0.999_999;

describe("retry policy", () => {
  it("waits a random time below a ceiling that doubles per failure, up to the cap", () => {
    expect([1, 2, 3, 4, 5].map((failures) => backoffMs(failures, policy, highest))).toEqual([
      99, 199, 399, 799, 999,
    ]);
    expect(backoffMs(3, policy, () => 0)).toBe(0);
  });

  it("reads retry-after as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-11-22T10:00:00Z");
    expect(retryAfterMs("2", now)).toBe(2_000);
    expect(retryAfterMs("Sun, 22 Nov 2026 10:00:03 GMT", now)).toBe(3_000);
    expect(retryAfterMs("Sun, 22 Nov 2026 09:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs("soon", now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  it("honours retry-after as the least wait, and gives up when it exceeds the cap", () => {
    const lowest = () => 0;
    expect(
      nextAttemptDelayMs({ attempts: 1, elapsedMs: 0, retryAfterMs: 700 }, policy, lowest),
    ).toBe(700);
    expect(
      nextAttemptDelayMs({ attempts: 1, elapsedMs: 0, retryAfterMs: 2_000 }, policy, lowest),
    ).toBeUndefined();
  });

  it("gives up once the attempts or the time budget are used", () => {
    expect(nextAttemptDelayMs({ attempts: 4, elapsedMs: 0 }, policy, highest)).toBeUndefined();
    expect(nextAttemptDelayMs({ attempts: 3, elapsedMs: 0 }, policy, highest)).toBe(399);
    expect(nextAttemptDelayMs({ attempts: 1, elapsedMs: 4_950 }, policy, highest)).toBeUndefined();
  });

  it("refuses policies that would hammer the hub or never end", () => {
    expect(() => assertRetryPolicy(retryPolicyDefaults)).not.toThrow();
    expect(() => assertRetryPolicy({ ...policy, attemptsMax: 0 })).toThrow(RangeError);
    expect(() => assertRetryPolicy({ ...policy, attemptsMax: 11 })).toThrow(RangeError);
    expect(() => assertRetryPolicy({ ...policy, backoffBaseMs: 0 })).toThrow(RangeError);
    expect(() => assertRetryPolicy({ ...policy, backoffCapMs: 50 })).toThrow(RangeError);
    expect(() => assertRetryPolicy({ ...policy, totalMs: Number.POSITIVE_INFINITY })).toThrow(
      RangeError,
    );
  });
});
