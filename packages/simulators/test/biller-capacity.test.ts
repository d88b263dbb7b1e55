/**
 * The biller's hard capacity, on an injected clock and a sleeper that never sleeps: prompt up
 * to the declared rate, slower and slower past it, failing past the second threshold; and its
 * own count of the load per wall-clock second, exact, served on /admin/load.
 */
import { describe, expect, it } from "vitest";
import { capacityVerdict } from "../src/index.ts";
import { useBiller } from "./support/biller-fixture.ts";

const capacity = {
  declaredPerSecond: 3,
  failingPerSecond: 5,
  slowdownPerExcessMs: 100,
  overloadFailure: "busy",
} as const;

async function load(origin: string) {
  const response = await fetch(`${origin}/admin/load`);
  expect(response.status).toBe(200);
  return response.json() as Promise<{
    peakPerSecond: number;
    peakInFlight: number;
    inFlight: number;
    startedTotal: number;
    seconds: {
      second: number;
      started: number;
      slowed: number;
      failed: number;
      inFlightPeak: number;
    }[];
  }>;
}

describe("the capacity curve", () => {
  it("is prompt up to the declared rate, slows by the excess, then fails", () => {
    const verdicts = [1, 3, 4, 5, 6].map((n) => capacityVerdict(capacity, n));
    expect(verdicts).toEqual([
      { kind: "take", delayMs: 0 },
      { kind: "take", delayMs: 0 },
      { kind: "take", delayMs: 100 },
      { kind: "take", delayMs: 200 },
      expect.objectContaining({ kind: "busy", retryAfterSeconds: 1 }),
    ]);
    expect(capacityVerdict({ ...capacity, overloadFailure: "drop" }, 6)).toEqual({ kind: "drop" });
  });
});

describe("a biller at and past its capacity", () => {
  const fixture = useBiller({ capacity });

  it("answers promptly under the rate, slows between the thresholds, fails past the second", async () => {
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await fixture.inquire("W1001"));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(fixture.delaysMs).toEqual([]);

    for (let i = 0; i < 2; i++) answers.push(await fixture.inquire("W1001"));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(fixture.delaysMs).toEqual([100, 200]);

    const failed = await fixture.post({ postingId: "p-over", billNumber: "W-2026-10-1001" });
    expect(failed).toMatchObject({ status: 503, signed: true, body: { code: "biller_busy" } });
    // Refused before it was read: nothing was posted.
    expect(fixture.biller.posting("p-over")).toBeUndefined();

    const measured = await load(fixture.biller.origin);
    expect(measured.seconds).toEqual([
      expect.objectContaining({
        second: fixture.clock.now / 1000,
        started: 6,
        slowed: 2,
        failed: 1,
      }),
    ]);
    expect(measured.peakPerSecond).toBe(6);
    expect(measured.startedTotal).toBe(6);
  });

  it("counts each wall-clock second apart: the next second starts prompt again", async () => {
    for (let i = 0; i < 4; i++) await fixture.inquire("W1001");
    fixture.clock.now += 999;
    await fixture.inquire("W1001");
    fixture.clock.now += 1;
    const fresh = await fixture.inquire("W1001");
    expect(fresh.status).toBe(200);
    // Only the fourth and fifth of the first second were slowed; the new second's first was not.
    expect(fixture.delaysMs).toEqual([100, 200]);
    const measured = await load(fixture.biller.origin);
    expect(measured.seconds.map(({ started, slowed }) => ({ started, slowed }))).toEqual([
      { started: 5, slowed: 2 },
      { started: 1, slowed: 0 },
    ]);
    expect(measured.peakPerSecond).toBe(5);
  });

  it("drops the connection past the second threshold when told to fail that way", async () => {
    fixture.biller.setCapacity({ overloadFailure: "drop" });
    for (let i = 0; i < 5; i++) await fixture.inquire("W1001");
    await expect(fixture.inquire("W1001")).rejects.toThrow();
    expect((await load(fixture.biller.origin)).seconds[0]).toMatchObject({ started: 6, failed: 1 });
  });

  it("starts a new measurement when told, keeping nothing of the old peaks", async () => {
    for (let i = 0; i < 4; i++) await fixture.inquire("W1001");
    const reset = await fetch(`${fixture.biller.origin}/admin/load`, { method: "DELETE" });
    expect(reset.status).toBe(204);
    expect(await load(fixture.biller.origin)).toMatchObject({
      peakPerSecond: 0,
      startedTotal: 0,
      seconds: [],
    });
  });
});

describe("requests in flight", () => {
  const held: (() => void)[] = [];
  const fixture = useBiller({
    capacity: { ...capacity, declaredPerSecond: 10, failingPerSecond: 20 },
    faults: { latencyMs: 1 },
    // Each request waits here until the test lets it go: three are in flight at once.
    sleeper: () => new Promise<void>((resolve) => held.push(resolve)),
  });

  it("are counted, and their peak kept after they finish", async () => {
    const answers = Promise.all([1, 2, 3].map(() => fixture.inquire("W1001")));
    await expect.poll(() => held.length).toBe(3);
    expect((await load(fixture.biller.origin)).inFlight).toBe(3);
    for (const release of held) release();
    expect((await answers).map((answer) => answer.status)).toEqual([200, 200, 200]);
    await expect.poll(async () => (await load(fixture.biller.origin)).inFlight).toBe(0);
    const measured = await load(fixture.biller.origin);
    expect(measured.peakInFlight).toBe(3);
    expect(measured.seconds).toEqual([expect.objectContaining({ started: 3, inFlightPeak: 3 })]);
  });
});
