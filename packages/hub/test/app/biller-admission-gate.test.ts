/**
 * The admission gate over both kinds of shared state: memory (one node) and Redis (every
 * node). Time is a manual clock; a request waiting in the queue sleeps on it, so the tests
 * see exactly when it tries again.
 */
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MemoryBillerAdmission } from "../../src/adapters/limits/memory-biller-admission.ts";
import { MemoryPresentmentCache } from "../../src/adapters/limits/memory-presentment-cache.ts";
import {
  memoryLimiters,
  RateLimiterChannelQuota,
  redisLimiters,
} from "../../src/adapters/limits/rate-limiter-channel-quota.ts";
import { RedisBillerAdmission } from "../../src/adapters/redis/redis-biller-admission.ts";
import { connectRedis } from "../../src/adapters/redis/redis-connection.ts";
import { RedisPresentmentCache } from "../../src/adapters/redis/redis-presentment-cache.ts";
import type { AdmissionEvent } from "../../src/app/billers/admission-counters.ts";
import {
  type AdmissionRequest,
  BillerAdmissionGate,
  type ChannelTerms,
  defaultChannelQuota,
  type GateDependencies,
  type GateResult,
  type GateSettings,
  gateDefaults,
} from "../../src/app/billers/biller-admission-gate.ts";
import { channelWeightMax, type TrafficClass } from "../../src/domain/billers/admission-rule.ts";
import { type BillerCapacity, capacityWindowMs } from "../../src/domain/billers/biller-capacity.ts";
import { ManualClock } from "../support/manual-clock.ts";
import {
  deleteRedisKeys,
  describeWithRedis,
  redisTestKeyPrefix,
  redisTestUrl,
} from "../support/redis.ts";

type Stores = Pick<GateDependencies<string[]>, "admission" | "quota" | "cache">;
type OpenStores = (clock: ManualClock) => Stores;

const customer = { billerId: "water-co", customerParamsHash: "c-1" };

function capacityOf(over: Partial<BillerCapacity> = {}): BillerCapacity {
  return {
    inquiriesPerSecond: 30,
    postingsPerSecond: 10,
    concurrentCallsMax: 1_000,
    postingReservedPercent: 20,
    ...over,
  };
}

function requestOf(
  capacity: BillerCapacity,
  channel: ChannelTerms | string,
  trafficClass: TrafficClass,
): AdmissionRequest {
  return {
    billerId: "water-co",
    capacity,
    channel: typeof channel === "string" ? { channelId: channel, weight: 1 } : channel,
    trafficClass,
    callTimeoutMs: 10_000,
  };
}

/** Runs requests at once and reports when each has either answered or gone to sleep in the queue. */
class Traffic {
  private pending = 0;
  readonly results: Promise<GateResult>[] = [];

  constructor(private readonly clock: ManualClock) {}

  start(run: () => Promise<GateResult>): Promise<GateResult> {
    this.pending++;
    const result = run().finally(() => {
      this.pending--;
    });
    this.results.push(result);
    return result;
  }

  /** Waits until every request still running is asleep: then only the clock moves them. */
  async settle(): Promise<void> {
    await vi.waitFor(() => expect(this.pending).toBe(this.clock.sleeping), {
      timeout: 10_000,
      interval: 2,
    });
  }
}

function gateSuite(open: OpenStores): void {
  function gateOf(clock: ManualClock, settings: Partial<GateSettings> = {}) {
    const events: AdmissionEvent[] = [];
    const gate = new BillerAdmissionGate<string[]>(
      { ...open(clock), clock: clock.now, sleep: clock.sleep, onEvent: (e) => events.push(e) },
      { ...gateDefaults, ...settings },
    );
    return { gate, events };
  }

  it("sheds a channel past its own quota at once, with the time left in the second, without asking the biller", async () => {
    const clock = new ManualClock();
    clock.advance(250);
    const { gate } = gateOf(clock);
    const capacity = capacityOf();
    const channel = { channelId: "pi-a", weight: 1, quotas: { user_inquiry: 2 } };
    const answers = [];
    for (let i = 0; i < 3; i++)
      answers.push(await gate.admit(requestOf(capacity, channel, "user_inquiry")));
    expect(answers.map((a) => a.outcome)).toEqual(["admitted", "admitted", "shed"]);
    expect(answers[2]).toEqual({ outcome: "shed", reason: "channel_quota", retryAfterMs: 750 });
    const { billers } = await gate.snapshot();
    expect(billers[0]?.usage.inquiriesAdmitted).toBe(2);
  });

  it("takes a channel's quotas and weight from the operator's configuration when the request names only the channel", async () => {
    const clock = new ManualClock();
    clock.advance(250);
    const { gate } = gateOf(clock, {
      channels: {
        "pi-a": { quotas: { user_inquiry: 2 } },
        "pi-b": { weight: channelWeightMax + 1 },
      },
    });
    const capacity = capacityOf();
    const answers = [];
    for (let i = 0; i < 3; i++)
      answers.push(await gate.admit(requestOf(capacity, { channelId: "pi-a" }, "user_inquiry")));
    expect(answers.map((a) => a.outcome)).toEqual(["admitted", "admitted", "shed"]);
    expect(answers[2]).toMatchObject({ reason: "channel_quota" });
    // A channel not configured keeps the defaults: the biller's own rate for people.
    expect(
      (await gate.admit(requestOf(capacity, { channelId: "pi-c" }, "user_inquiry"))).outcome,
    ).toBe("admitted");
    // The configured weight is the one used, and held to the same bounds as a request's own.
    await expect(
      gate.admit(requestOf(capacity, { channelId: "pi-b" }, "user_inquiry")),
    ).rejects.toThrow(/weight/);
    const weighed = await gate.admit(
      requestOf(capacity, { channelId: "pi-b", weight: 2 }, "user_inquiry"),
    );
    expect(weighed.outcome).toBe("admitted");
  });

  it("gives a channel without quotas of its own the biller's rates for people and postings, and a tenth of the inquiry rate, at least one, for machines", () => {
    const capacity = { inquiriesPerSecond: 35, postingsPerSecond: 12 };
    expect(defaultChannelQuota(capacity, "user_inquiry", 10)).toBe(35);
    expect(defaultChannelQuota(capacity, "posting", 10)).toBe(12);
    expect(defaultChannelQuota(capacity, "scheduled_inquiry", 10)).toBe(3);
    expect(
      defaultChannelQuota({ ...capacity, inquiriesPerSecond: 5 }, "scheduled_inquiry", 10),
    ).toBe(1);
    expect(gateDefaults.scheduledQuotaPercent).toBe(10);
  });

  it("answers a scheduled inquiry from a fresh cached copy, and asks the biller once the copy is stale", async () => {
    const clock = new ManualClock();
    const stores = open(clock);
    const gate = new BillerAdmissionGate<string[]>({
      ...stores,
      clock: clock.now,
      sleep: clock.sleep,
    });
    await stores.cache.put(customer, { bills: ["B-1"], fetchedAtMs: clock.now() }, 60_000);
    const request = requestOf(capacityOf(), "pi-a", "scheduled_inquiry");
    expect(await gate.admitInquiry(request, customer)).toEqual({
      outcome: "cached",
      presentment: { bills: ["B-1"], fetchedAtMs: clock.now() },
    });
    expect((await stores.admission.usage("water-co")).inquiriesAdmitted).toBe(0);
    clock.advance(60_000);
    expect((await gate.admitInquiry(request, customer)).outcome).toBe("admitted");
    // A person's inquiry always reaches the biller: they asked for the bill as it is now.
    await stores.cache.put(customer, { bills: ["B-1"], fetchedAtMs: clock.now() }, 60_000);
    expect(
      (await gate.admitInquiry(requestOf(capacityOf(), "pi-a", "user_inquiry"), customer)).outcome,
    ).toBe("admitted");
    const counts = (await gate.snapshot()).channels.find(
      (c) => c.trafficClass === "scheduled_inquiry",
    );
    expect(counts).toMatchObject({ requests: 2, cacheHits: 1, admitted: 1 });
  });

  it("queues a call refused for capacity and admits it when the next second opens", async () => {
    const clock = new ManualClock();
    clock.advance(600);
    const { gate, events } = gateOf(clock);
    const capacity = capacityOf({ postingsPerSecond: 1 });
    expect((await gate.admit(requestOf(capacity, "pi-a", "posting"))).outcome).toBe("admitted");
    const traffic = new Traffic(clock);
    const waiting = traffic.start(() => gate.admit(requestOf(capacity, "pi-b", "posting")));
    await traffic.settle();
    expect(clock.sleeping).toBe(1);
    clock.advance(399);
    await traffic.settle();
    expect(clock.sleeping).toBe(1);
    clock.advance(1);
    const admitted = await waiting;
    if (admitted.outcome !== "admitted")
      throw new Error(`expected admitted, got ${admitted.outcome}`);
    expect(admitted.ticket.queuedMs).toBe(400);
    expect(admitted.ticket.windowStartMs % capacityWindowMs).toBe(0);
    expect(events.filter((e) => e.kind === "queued")).toHaveLength(1);
  });

  it("sheds at once a refusal that waiting cannot cure before the deadline", async () => {
    const clock = new ManualClock();
    const { gate } = gateOf(clock, { queueWaitMaxMs: 300 });
    const capacity = capacityOf({ postingsPerSecond: 1 });
    await gate.admit(requestOf(capacity, "pi-a", "posting"));
    expect(await gate.admit(requestOf(capacity, "pi-b", "posting"))).toEqual({
      outcome: "shed",
      reason: "biller_capacity",
      retryAfterMs: 1_000,
    });
  });

  it("waits for a slot at most the queue's deadline, then sheds", async () => {
    const clock = new ManualClock();
    const { gate } = gateOf(clock, { queueWaitMaxMs: 200, slotPollMs: 50 });
    const capacity = capacityOf({ concurrentCallsMax: 1 });
    expect((await gate.admit(requestOf(capacity, "pi-a", "posting"))).outcome).toBe("admitted");
    const traffic = new Traffic(clock);
    const waiting = traffic.start(() => gate.admit(requestOf(capacity, "pi-b", "posting")));
    for (let polls = 0; polls < 4; polls++) {
      await traffic.settle();
      clock.advance(50);
    }
    const shed = await waiting;
    expect(shed).toMatchObject({ outcome: "shed", reason: "concurrency" });
    if (shed.outcome !== "shed") return;
    expect(shed.retryAfterMs).toBeGreaterThan(0);
    expect(shed.retryAfterMs).toBeLessThanOrEqual(capacityWindowMs);
  });

  it("wakes a waiting call as soon as a call on this node releases its slot", async () => {
    const clock = new ManualClock();
    const { gate } = gateOf(clock);
    const capacity = capacityOf({ concurrentCallsMax: 1 });
    const first = await gate.admit(requestOf(capacity, "pi-a", "posting"));
    if (first.outcome !== "admitted") throw new Error("the first call must be admitted");
    const traffic = new Traffic(clock);
    const waiting = traffic.start(() => gate.admit(requestOf(capacity, "pi-b", "posting")));
    await traffic.settle();
    await first.ticket.release();
    await first.ticket.release();
    const second = await waiting;
    expect(second.outcome).toBe("admitted");
    if (second.outcome === "admitted") expect(second.ticket.queuedMs).toBe(0);
  });

  it("wakes only the oldest call waiting for a slot when one frees, and none waiting for the next second", async () => {
    const clock = new ManualClock();
    const { gate } = gateOf(clock);
    const slots = capacityOf({ concurrentCallsMax: 1, postingsPerSecond: 100 });
    const first = await gate.admit(requestOf(slots, "pi-a", "posting"));
    if (first.outcome !== "admitted") throw new Error("the first call must be admitted");
    const traffic = new Traffic(clock);
    const oldest = traffic.start(() => gate.admit(requestOf(slots, "pi-b", "posting")));
    await traffic.settle();
    traffic.start(() => gate.admit(requestOf(slots, "pi-c", "posting")));
    await traffic.settle();
    expect(clock.sleeping).toBe(2);
    await first.ticket.release();
    expect((await oldest).outcome).toBe("admitted");
    await traffic.settle();
    expect(clock.sleeping).toBe(1);
  });

  it("bounds the queue, and never queues a scheduled inquiry", async () => {
    const clock = new ManualClock();
    const { gate } = gateOf(clock, { queueLengthMax: 2 });
    const capacity = capacityOf({ inquiriesPerSecond: 1 });
    const channel = (channelId: string) => ({ channelId, weight: 1, quotas: { user_inquiry: 10 } });
    await gate.admit(requestOf(capacity, channel("pi-a"), "user_inquiry"));
    const traffic = new Traffic(clock);
    for (const id of ["pi-b", "pi-c"]) {
      traffic.start(() => gate.admit(requestOf(capacity, channel(id), "user_inquiry")));
    }
    await traffic.settle();
    expect(clock.sleeping).toBe(2);
    expect(await gate.admit(requestOf(capacity, channel("pi-d"), "user_inquiry"))).toMatchObject({
      outcome: "shed",
      reason: "queue_full",
    });
    expect(await gate.admit(requestOf(capacity, "pi-e", "scheduled_inquiry"))).toMatchObject({
      outcome: "shed",
      reason: "biller_capacity",
    });
    expect(clock.sleeping).toBe(2);
    clock.advanceToNextWindow(capacityWindowMs);
    const settled = await Promise.all(traffic.results);
    expect(settled.map((r) => r.outcome).sort()).toEqual(["admitted", "shed"]);
  });

  it("keeps every other channel at its fair share while one floods at 20 times its quota", async () => {
    const clock = new ManualClock();
    const { gate } = gateOf(clock);
    const capacity = capacityOf({ inquiriesPerSecond: 30 });
    // The flooder's quota is the biller's whole rate: the quota alone cannot save the others.
    const flooder = {
      channelId: "pi-flood",
      weight: 1,
      quotas: { user_inquiry: 30, scheduled_inquiry: 3 },
    };
    const perWindow = new Map<number, Map<string, number>>();
    const traffic = new Traffic(clock);
    const send = (channel: ChannelTerms | string, trafficClass: TrafficClass) =>
      traffic.start(async () => {
        const result = await gate.admit(requestOf(capacity, channel, trafficClass));
        if (result.outcome === "admitted") {
          const id = typeof channel === "string" ? channel : channel.channelId;
          const counts = perWindow.get(result.ticket.windowStartMs) ?? new Map<string, number>();
          counts.set(`${id} ${trafficClass}`, (counts.get(`${id} ${trafficClass}`) ?? 0) + 1);
          perWindow.set(result.ticket.windowStartMs, counts);
          await result.ticket.release();
        }
        return result;
      });
    const windows = 4;
    const firstWindowMs = clock.now();
    for (let window = 0; window < windows; window++) {
      for (let i = 0; i < 600; i++) send(flooder, "user_inquiry");
      for (let i = 0; i < 60; i++) send(flooder, "scheduled_inquiry");
      for (let i = 0; i < 10; i++) {
        send("pi-a", "user_inquiry");
        send("pi-b", "user_inquiry");
      }
      await traffic.settle();
      clock.advanceToNextWindow(capacityWindowMs);
    }
    await traffic.settle();
    for (const [windowStartMs, counts] of perWindow) {
      const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
      expect(total).toBeLessThanOrEqual(30);
      // From the second window on, while traffic is steady, each steady channel gets its fair
      // share of 30 by weight: 10. (The last window holds only what was still queued.)
      if (windowStartMs === firstWindowMs || windowStartMs === clock.now()) continue;
      expect(counts.get("pi-a user_inquiry") ?? 0).toBeGreaterThanOrEqual(10);
      expect(counts.get("pi-b user_inquiry") ?? 0).toBeGreaterThanOrEqual(10);
      expect(counts.get("pi-flood scheduled_inquiry") ?? 0).toBe(0);
    }
    expect(perWindow.size).toBeGreaterThanOrEqual(windows);
  });
}

describe("BillerAdmissionGate in memory", () => {
  gateSuite((clock) => ({
    admission: new MemoryBillerAdmission(clock.now),
    quota: new RateLimiterChannelQuota(memoryLimiters()),
    cache: new MemoryPresentmentCache<string[]>(clock.now),
  }));
});

describeWithRedis("BillerAdmissionGate on Redis", () => {
  const runPrefix = redisTestKeyPrefix();
  let redis: Redis;
  let gates = 0;

  beforeAll(async () => {
    redis = await connectRedis(redisTestUrl());
  });

  afterAll(async () => {
    await deleteRedisKeys(redis, runPrefix);
    redis.disconnect();
  });

  gateSuite((clock) => {
    const prefix = `${runPrefix}${gates++}:`;
    return {
      admission: new RedisBillerAdmission(redis, prefix, clock.now),
      quota: new RateLimiterChannelQuota(redisLimiters(redis, prefix)),
      cache: new RedisPresentmentCache<string[]>(redis, undefined, prefix, clock.now),
    };
  });

  it("holds one biller's capacity across two hub nodes, each with its own gate, queue and connection", async () => {
    const prefix = `${runPrefix}${gates++}:`;
    const clock = new ManualClock();
    const other = await connectRedis(redisTestUrl());
    try {
      const nodes = [redis, other].map(
        (connection) =>
          new BillerAdmissionGate<string[]>({
            admission: new RedisBillerAdmission(connection, prefix, clock.now),
            quota: new RateLimiterChannelQuota(redisLimiters(connection, prefix)),
            cache: new RedisPresentmentCache<string[]>(connection, undefined, prefix, clock.now),
            clock: clock.now,
            sleep: clock.sleep,
          }),
      );
      const capacity = capacityOf({
        inquiriesPerSecond: 12,
        postingsPerSecond: 4,
        concurrentCallsMax: 6,
      });
      const traffic = new Traffic(clock);
      const admittedPerWindow = new Map<string, number>();
      let inFlight = 0;
      let inFlightMax = 0;
      const send = (
        node: BillerAdmissionGate<string[]>,
        channel: string,
        trafficClass: TrafficClass,
      ) =>
        traffic.start(async () => {
          const result = await node.admit(requestOf(capacity, channel, trafficClass));
          if (result.outcome === "admitted") {
            const key = `${result.ticket.windowStartMs} ${trafficClass === "posting" ? "posting" : "inquiry"}`;
            admittedPerWindow.set(key, (admittedPerWindow.get(key) ?? 0) + 1);
            inFlight++;
            inFlightMax = Math.max(inFlightMax, inFlight);
            // The call "runs" until the test releases it at the end of the window.
            await clock.sleep(
              capacityWindowMs - (clock.now() % capacityWindowMs),
              new AbortController().signal,
            );
            inFlight--;
            await result.ticket.release();
          }
          return result;
        });
      for (let window = 0; window < 3; window++) {
        for (const [n, node] of nodes.entries()) {
          for (let i = 0; i < 20; i++) {
            send(node, `pi-${n}-${i % 3}`, i % 4 === 0 ? "posting" : "user_inquiry");
          }
        }
        await traffic.settle();
        clock.advanceToNextWindow(capacityWindowMs);
      }
      await traffic.settle();
      clock.advanceToNextWindow(capacityWindowMs);
      await Promise.all(traffic.results);
      for (const [key, admitted] of admittedPerWindow) {
        expect(admitted).toBeLessThanOrEqual(key.endsWith("posting") ? 4 : 12);
      }
      expect(inFlightMax).toBeLessThanOrEqual(6);
      expect(inFlightMax).toBe(6);
    } finally {
      other.disconnect();
    }
  });
});
