/**
 * `clearhub bench flood` as a user runs it, briefly: three billers in processes of their own,
 * two steady channels, then a third flooding scheduled inquiries at twenty times its quota.
 * Not a timed test: it proves the figures are produced and that what protection promises holds
 * (no biller measured more than it declared, the others' payments all went through, the flood
 * was refused 429), never how fast anything was.
 */
import { expect, it } from "vitest";
import type { FloodBenchResult, FloodRunFigures } from "../../src/cli/bench-flood.ts";
import { describeWithRedis, redisTestUrl } from "../support/redis.ts";
import { runCliJson } from "../support/run-cli.ts";

const shortRun = [
  "bench",
  "flood",
  "--duration",
  "2",
  "--warmup",
  "0",
  "--customers",
  "40",
  "--hot",
  "4",
  "--json",
];

function expectBillersWithinDeclared(run: FloodRunFigures): void {
  expect(run.billers).toHaveLength(3);
  for (const biller of run.billers) {
    expect(biller.requests, biller.billerId).toBeGreaterThan(0);
    expect(biller.peakPerSecond, biller.billerId).toBeLessThanOrEqual(biller.declaredPerSecond);
    expect(biller.declaredPerSecond).toBe(biller.inquiriesPerSecond + biller.postingsPerSecond);
  }
  expect(run.postingsUnsettled).toBe(0);
}

async function runFlood(extra: readonly string[]): Promise<FloodBenchResult> {
  // The store of the admission state is chosen by the arguments alone.
  const { result, stderr } = await runCliJson<FloodBenchResult>([...shortRun, ...extra], {
    REDIS_URL: undefined,
  });
  expect(stderr).toContain("run 2:");
  return result;
}

function expectProtected(result: FloodBenchResult): void {
  expectBillersWithinDeclared(result.baseline);
  expectBillersWithinDeclared(result.flooded);
  expect(result.maxBillerLoadRatio).toBeLessThanOrEqual(1);
  // The flooding channel is absent from the first run and present in the second.
  expect(result.baseline.channels.map((channel) => channel.flooding)).toEqual([false, false]);
  expect(result.flooded.channels.map((channel) => channel.flooding)).toEqual([false, false, true]);
  for (const run of [result.baseline, result.flooded]) {
    for (const channel of run.channels.filter((figures) => !figures.flooding)) {
      const payments = channel.byKind.find((stats) => stats.kind === "payment");
      expect(payments?.sent, channel.channelId).toBeGreaterThan(0);
      expect(payments?.succeeded, channel.channelId).toBe(payments?.sent);
      expect(payments?.p99Ms ?? 0).toBeGreaterThanOrEqual(payments?.p50Ms ?? 0);
    }
  }
  expect(result.othersSuccessRate).toBe(1);
  expect(result.othersP99Ratio).toBeGreaterThan(0);
  const flood = result.flooded.channels
    .find((channel) => channel.flooding)
    ?.byKind.find((stats) => stats.kind === "scheduled_inquiry");
  expect(flood?.sent).toBe(result.floodPerSecond * result.seconds);
  expect(flood?.failedByCode["429 channel_quota_exceeded"] ?? 0).toBeGreaterThan(0);
  expect(result.floodShed).toBeGreaterThan(0);
  expect(
    result.floodFromBiller + result.floodFromCache + result.floodShed + result.floodFailed,
  ).toBe(flood?.sent);
}

it("keeps every biller within its declared rate and the others' payments whole while one channel floods", async () => {
  const result = await runFlood([]);
  expect(result).toMatchObject({ backend: "sqlite", admissionStore: "memory", floodFactor: 20 });
  expectProtected(result);
}, 180_000);

describeWithRedis("bench flood", () => {
  it("holds the same with the admission state in Redis", async () => {
    const result = await runFlood(["--redis-url", redisTestUrl()]);
    expect(result.admissionStore).toBe("redis");
    expectProtected(result);
  }, 180_000);
});
