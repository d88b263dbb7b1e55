import { describe, expect, it } from "vitest";
import { CallWindow } from "../../src/adapters/resilience/call-window.ts";

describe("CallWindow", () => {
  it("sums the calls of the window and forgets older ones", () => {
    const window = new CallWindow({ windowMs: 10_000, bucketMs: 1_000, samplesMax: 100 });
    window.recordSent(1_000, 20, false, false);
    window.recordSent(1_500, 40, true, false);
    window.recordSent(5_000, 900, true, true);
    window.recordRefused(5_100);
    expect(window.summary(6_000)).toEqual({
      calls: 3,
      failures: 2,
      timeouts: 1,
      refused: 1,
      latencyMs: { p50: 40, p99: 900 },
    });
    expect(window.summary(12_000)).toEqual({
      calls: 1,
      failures: 1,
      timeouts: 1,
      refused: 1,
      latencyMs: { p50: 900, p99: 900 },
    });
    // A bucket reused a window later starts from zero.
    window.recordSent(21_000, 10, false, false);
    expect(window.summary(21_000)).toMatchObject({ calls: 1, failures: 0, refused: 0 });
  });

  it("keeps a bounded ring of latency samples", () => {
    const window = new CallWindow({ windowMs: 60_000, bucketMs: 1_000, samplesMax: 10 });
    for (let i = 1; i <= 100; i++) window.recordSent(1_000 + i, i, false, false);
    expect(window.summary(2_000)).toMatchObject({ calls: 100, latencyMs: { p50: 95, p99: 100 } });
  });
});
