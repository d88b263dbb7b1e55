import fc from "fast-check";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryBillerAdmission } from "../../src/adapters/limits/memory-biller-admission.ts";
import { RedisBillerAdmission } from "../../src/adapters/redis/redis-biller-admission.ts";
import { connectRedis } from "../../src/adapters/redis/redis-connection.ts";
import type { CapacityClaim, ClaimResult } from "../../src/app/ports/biller-admission.ts";
import { type TrafficClass, trafficClasses } from "../../src/domain/billers/admission-rule.ts";
import { capacityWindowMs, splitCapacity } from "../../src/domain/billers/biller-capacity.ts";
import { ManualClock } from "../support/manual-clock.ts";
import {
  deleteRedisKeys,
  describeWithRedis,
  redisTestKeyPrefix,
  redisTestUrl,
} from "../support/redis.ts";
import { billerAdmissionContract, capacityOf, claimOf } from "./biller-admission-contract.ts";

describeWithRedis("RedisBillerAdmission", () => {
  const runPrefix = redisTestKeyPrefix();
  let redis: Redis;
  let other: Redis;
  let stores = 0;

  beforeAll(async () => {
    redis = await connectRedis(redisTestUrl());
    other = await connectRedis(redisTestUrl());
  });

  afterAll(async () => {
    await deleteRedisKeys(redis, runPrefix);
    redis.disconnect();
    other.disconnect();
  });

  /** Each test its own key space inside the run's. */
  const nextPrefix = () => `${runPrefix}${stores++}:`;

  describe("contract", () => {
    billerAdmissionContract(async (clock) => new RedisBillerAdmission(redis, nextPrefix(), clock));
  });

  it("holds a biller's capacity across two hub nodes with their own connections", async () => {
    const prefix = nextPrefix();
    const clock = new ManualClock();
    const nodes = [
      new RedisBillerAdmission(redis, prefix, clock.now),
      new RedisBillerAdmission(other, prefix, clock.now),
    ];
    const capacity = capacityOf({ inquiriesPerSecond: 25, postingsPerSecond: 8 });
    const perWindow = new Map<number, { inquiries: number; postings: number }>();
    for (let window = 0; window < 3; window++) {
      const calls = nodes.flatMap((node, n) =>
        ["pi-a", "pi-b"].flatMap((channel) =>
          Array.from({ length: 30 }, (_, i) => {
            const trafficClass: TrafficClass = i % 3 === 0 ? "posting" : "user_inquiry";
            return node
              .claim(claimOf(capacity, `${channel}-${n}`, trafficClass))
              .then((result) => ({ result, trafficClass }));
          }),
        ),
      );
      for (const { result, trafficClass } of await Promise.all(calls)) {
        if (!result.admitted) continue;
        const counts = perWindow.get(result.windowStartMs) ?? { inquiries: 0, postings: 0 };
        if (trafficClass === "posting") counts.postings++;
        else counts.inquiries++;
        perWindow.set(result.windowStartMs, counts);
      }
      clock.advanceToNextWindow(capacityWindowMs, 100);
    }
    expect([...perWindow.values()]).toEqual(
      Array.from({ length: 3 }, () => ({ inquiries: 25, postings: 8 })),
    );
  });

  it("names windows by Redis' own clock when none is injected, and both nodes agree", async () => {
    const prefix = nextPrefix();
    const nodes = [
      new RedisBillerAdmission(redis, prefix),
      new RedisBillerAdmission(other, prefix),
    ];
    const capacity = capacityOf({ inquiriesPerSecond: 15 });
    const [seconds, microseconds] = await redis.time();
    const redisNowMs = Number(seconds) * 1_000 + Math.floor(Number(microseconds) / 1_000);
    const results = await Promise.all(
      nodes.flatMap((node) =>
        Array.from({ length: 40 }, () => node.claim(claimOf(capacity, "pi-a", "user_inquiry"))),
      ),
    );
    const perWindow = new Map<number, number>();
    for (const result of results) {
      expect(Math.abs(result.nowMs - redisNowMs)).toBeLessThan(10_000);
      expect(result.windowStartMs % capacityWindowMs).toBe(0);
      if (result.admitted) {
        perWindow.set(result.windowStartMs, (perWindow.get(result.windowStartMs) ?? 0) + 1);
      }
    }
    for (const admitted of perWindow.values()) expect(admitted).toBeLessThanOrEqual(15);
    // 80 requests in a second or two: at least one window was full.
    expect(Math.max(...perWindow.values())).toBe(15);
  });

  it("frees the slots of a node that disappeared mid-call once their leases expire", async () => {
    const prefix = nextPrefix();
    const clock = new ManualClock();
    const doomed = await connectRedis(redisTestUrl());
    const dying = new RedisBillerAdmission(doomed, prefix, clock.now);
    const survivor = new RedisBillerAdmission(redis, prefix, clock.now);
    const capacity = capacityOf({ concurrentCallsMax: 3, postingsPerSecond: 100 });
    const claim = { ...claimOf(capacity, "pi-a", "posting"), leaseMs: 8_000 };
    for (let i = 0; i < 3; i++) expect((await dying.claim(claim)).admitted).toBe(true);
    doomed.disconnect();

    expect(await survivor.claim(claim)).toMatchObject({ admitted: false, refusal: "concurrency" });
    clock.advance(7_999);
    expect((await survivor.claim(claim)).admitted).toBe(false);
    clock.advance(1);
    expect((await survivor.claim(claim)).admitted).toBe(true);
    expect((await survivor.usage("water-co")).callsInFlight.posting).toBe(1);
  });

  it("keeps its keys under the prefix, with the biller's id as hash tag, and lets them expire", async () => {
    const prefix = nextPrefix();
    const clock = new ManualClock();
    const store = new RedisBillerAdmission(redis, prefix, clock.now);
    await store.claim(claimOf(capacityOf(), "pi-a", "posting"));
    const keys = await redis.keys(`${prefix}*`);
    expect(keys.sort()).toEqual([
      `${prefix}biller:{water-co}:leases`,
      `${prefix}biller:{water-co}:w:${clock.now() / capacityWindowMs}`,
    ]);
    for (const key of keys) expect(await redis.pttl(key)).toBeGreaterThan(0);
  });

  it("decides exactly as the admission rule in memory on the same random traffic", async () => {
    const windowStepArbitrary = fc.constantFrom(0, 0, 0, 120, 1_000, 2_500);
    const callArbitrary = fc.record({
      channel: fc.constantFrom("pi-a", "pi-b", "pi-c"),
      weight: fc.integer({ min: 1, max: 4 }),
      trafficClass: fc.constantFrom(...trafficClasses),
      countDemand: fc.boolean(),
      leaseMs: fc.integer({ min: 100, max: 3_000 }),
      release: fc.boolean(),
      advanceMs: windowStepArbitrary,
    });
    const capacityArbitrary = fc.record({
      inquiriesPerSecond: fc.integer({ min: 0, max: 12 }),
      postingsPerSecond: fc.integer({ min: 0, max: 6 }),
      concurrentCallsMax: fc.integer({ min: 1, max: 8 }),
      postingReservedPercent: fc.integer({ min: 0, max: 100 }),
    });
    await fc.assert(
      fc.asyncProperty(
        capacityArbitrary,
        fc.array(callArbitrary, { maxLength: 60 }),
        async (capacity, calls) => {
          const clock = new ManualClock();
          const memory = new MemoryBillerAdmission(clock.now);
          const shared = new RedisBillerAdmission(redis, nextPrefix(), clock.now);
          const split = splitCapacity(capacity);
          for (const call of calls) {
            const claim: CapacityClaim = {
              billerId: "water-co",
              split,
              attempt: {
                channelId: call.channel,
                weight: call.weight,
                trafficClass: call.trafficClass,
                countDemand: call.countDemand,
              },
              leaseMs: call.leaseMs,
            };
            const fromMemory = await memory.claim(claim);
            const fromRedis = await shared.claim(claim);
            expect(comparable(fromRedis)).toEqual(comparable(fromMemory));
            if (call.release && fromMemory.admitted && fromRedis.admitted) {
              await memory.release(fromMemory.lease);
              await shared.release(fromRedis.lease);
            }
            clock.advance(call.advanceMs);
          }
          expect(await shared.usage("water-co")).toEqual(await memory.usage("water-co"));
        },
      ),
      { numRuns: 60 },
    );
  });
});

/** A claim's answer without the lease's token, which each store names its own way. */
function comparable(result: ClaimResult) {
  if (!result.admitted) return result;
  return {
    admitted: true,
    expiresAtMs: result.lease.expiresAtMs,
    windowStartMs: result.windowStartMs,
    nowMs: result.nowMs,
  };
}
