import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  memoryLimiters,
  RateLimiterChannelQuota,
  redisLimiters,
} from "../../src/adapters/limits/rate-limiter-channel-quota.ts";
import { connectRedis } from "../../src/adapters/redis/redis-connection.ts";
import type { ChannelQuota, QuotaSubject } from "../../src/app/ports/channel-quota.ts";
import { capacityWindowMs } from "../../src/domain/billers/biller-capacity.ts";
import { ManualClock } from "../support/manual-clock.ts";
import {
  deleteRedisKeys,
  describeWithRedis,
  redisTestKeyPrefix,
  redisTestUrl,
} from "../support/redis.ts";

const scheduled: QuotaSubject = {
  billerId: "water-co",
  channelId: "pi-a",
  trafficClass: "scheduled_inquiry",
};

async function takeMany(
  quota: ChannelQuota,
  subject: QuotaSubject,
  max: number,
  times: number,
  nowMs: number,
) {
  return Promise.all(Array.from({ length: times }, () => quota.take(subject, max, nowMs)));
}

function channelQuotaContract(open: () => Promise<ChannelQuota>): void {
  it("takes up to the quota in a second, concurrently, and refuses the rest until the next", async () => {
    const quota = await open();
    const clock = new ManualClock();
    clock.advance(400);
    const answers = await takeMany(quota, scheduled, 3, 10, clock.now());
    expect(answers.filter((answer) => answer.ok)).toHaveLength(3);
    expect(answers.filter((answer) => !answer.ok)).toEqual(
      Array.from({ length: 7 }, () => ({ ok: false, retryAfterMs: 600 })),
    );
    clock.advanceToNextWindow(capacityWindowMs);
    const refilled = await takeMany(quota, scheduled, 3, 4, clock.now());
    expect(refilled.map((answer) => answer.ok)).toEqual([true, true, true, false]);
  });

  it("counts each channel, biller and class apart", async () => {
    const quota = await open();
    const nowMs = new ManualClock().now();
    expect((await quota.take(scheduled, 1, nowMs)).ok).toBe(true);
    expect((await quota.take(scheduled, 1, nowMs)).ok).toBe(false);
    for (const other of [
      { ...scheduled, channelId: "pi-b" },
      { ...scheduled, billerId: "gas-co" },
      { ...scheduled, trafficClass: "user_inquiry" as const },
    ]) {
      expect((await quota.take(other, 1, nowMs)).ok).toBe(true);
    }
  });

  it("refuses everything under a quota of zero", async () => {
    const quota = await open();
    expect(await quota.take(scheduled, 0, new ManualClock().now())).toEqual({
      ok: false,
      retryAfterMs: capacityWindowMs,
    });
  });
}

describe("RateLimiterChannelQuota in memory", () => {
  channelQuotaContract(async () => new RateLimiterChannelQuota(memoryLimiters()));
});

describeWithRedis("RateLimiterChannelQuota in Redis", () => {
  const runPrefix = redisTestKeyPrefix();
  let redis: Redis;
  let quotas = 0;

  beforeAll(async () => {
    redis = await connectRedis(redisTestUrl());
  });

  afterAll(async () => {
    await deleteRedisKeys(redis, runPrefix);
    redis.disconnect();
  });

  describe("contract", () => {
    channelQuotaContract(
      async () => new RateLimiterChannelQuota(redisLimiters(redis, `${runPrefix}${quotas++}:`)),
    );
  });

  it("shares one quota between two hub nodes", async () => {
    const prefix = `${runPrefix}shared:`;
    const other = await connectRedis(redisTestUrl());
    try {
      const nodes = [redis, other].map(
        (r) => new RateLimiterChannelQuota(redisLimiters(r, prefix)),
      );
      const nowMs = new ManualClock().now();
      const answers = await Promise.all(
        nodes.flatMap((node) => takeMany(node, scheduled, 5, 8, nowMs)),
      );
      expect(answers.flat().filter((answer) => answer.ok)).toHaveLength(5);
    } finally {
      other.disconnect();
    }
  });
});
