import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryPresentmentCache } from "../../src/adapters/limits/memory-presentment-cache.ts";
import { connectRedis } from "../../src/adapters/redis/redis-connection.ts";
import { RedisPresentmentCache } from "../../src/adapters/redis/redis-presentment-cache.ts";
import type { PresentmentCache, PresentmentKey } from "../../src/app/ports/presentment-cache.ts";
import { customerParamsHash } from "../../src/domain/billers/customer-params-hash.ts";
import { ManualClock } from "../support/manual-clock.ts";
import {
  deleteRedisKeys,
  describeWithRedis,
  redisTestKeyPrefix,
  redisTestUrl,
} from "../support/redis.ts";

interface Bill {
  readonly billNumber: string;
  readonly amountDue: string;
}

type OpenCache = (clock: () => number) => Promise<PresentmentCache<Bill[]>>;

const key: PresentmentKey = {
  billerId: "water-co",
  customerParamsHash: customerParamsHash({ account: "12345678" }),
};
const bills: Bill[] = [{ billNumber: "B-2026-11", amountDue: "42.10" }];

function presentmentCacheContract(open: OpenCache): void {
  it("serves a copy while it is fresh, and none once its TTL has passed", async () => {
    const clock = new ManualClock();
    const cache = await open(clock.now);
    expect(await cache.get(key)).toBeNull();
    await cache.put(key, { bills, fetchedAtMs: clock.now() }, 60_000);
    clock.advance(59_999);
    expect(await cache.get(key)).toEqual({ bills, fetchedAtMs: clock.now() - 59_999 });
    clock.advance(1);
    expect(await cache.get(key)).toBeNull();
  });

  it("replaces a copy, keeps customers and billers apart, and keeps nothing under a TTL of zero", async () => {
    const clock = new ManualClock();
    const cache = await open(clock.now);
    const newer: Bill[] = [{ billNumber: "B-2026-12", amountDue: "40.00" }];
    await cache.put(key, { bills, fetchedAtMs: clock.now() }, 60_000);
    await cache.put(key, { bills: newer, fetchedAtMs: clock.now() + 1 }, 60_000);
    expect((await cache.get(key))?.bills).toEqual(newer);
    expect(await cache.get({ ...key, billerId: "gas-co" })).toBeNull();
    expect(
      await cache.get({ ...key, customerParamsHash: customerParamsHash({ account: "87654321" }) }),
    ).toBeNull();
    await cache.put(key, { bills, fetchedAtMs: clock.now() }, 0);
    expect(await cache.get(key)).toBeNull();
  });
}

describe("customerParamsHash", () => {
  it("names a customer the same whatever the key order, and different customers apart", () => {
    const hash = customerParamsHash({ account: "1", district: "7" });
    expect(customerParamsHash({ district: "7", account: "1" })).toBe(hash);
    expect(customerParamsHash({ account: "1", district: "8" })).not.toBe(hash);
    // Pinned: SHA-256 of the RFC 8785 text {"account":"1","district":"7"}.
    expect(hash).toBe("e7e57b7cc199fdcf3204132f47eea74aa7873d76e2aa265e0db0dbfd2d140fd6");
  });
});

describe("MemoryPresentmentCache", () => {
  presentmentCacheContract(async (clock) => new MemoryPresentmentCache<Bill[]>(clock));

  it("drops the oldest customers beyond its bound", async () => {
    const cache = new MemoryPresentmentCache<Bill[]>(new ManualClock().now, 2);
    for (const account of ["1", "2", "3"]) {
      await cache.put(
        { billerId: "water-co", customerParamsHash: account },
        { bills, fetchedAtMs: 0 },
        60_000,
      );
    }
    expect(await cache.get({ billerId: "water-co", customerParamsHash: "1" })).toBeNull();
    expect(await cache.get({ billerId: "water-co", customerParamsHash: "3" })).not.toBeNull();
  });
});

describeWithRedis("RedisPresentmentCache", () => {
  const runPrefix = redisTestKeyPrefix();
  let redis: Redis;
  let caches = 0;

  beforeAll(async () => {
    redis = await connectRedis(redisTestUrl());
  });

  afterAll(async () => {
    await deleteRedisKeys(redis, runPrefix);
    redis.disconnect();
  });

  describe("contract", () => {
    presentmentCacheContract(
      async (clock) =>
        new RedisPresentmentCache<Bill[]>(redis, undefined, `${runPrefix}${caches++}:`, clock),
    );
  });

  it("lets Redis drop an entry when its TTL is up", async () => {
    const prefix = `${runPrefix}ttl:`;
    const cache = new RedisPresentmentCache<Bill[]>(redis, undefined, prefix);
    await cache.put(key, { bills, fetchedAtMs: Date.now() }, 30_000);
    const ttlMs = await redis.pttl(`${prefix}water-co:${key.customerParamsHash}`);
    expect(ttlMs).toBeGreaterThan(25_000);
    expect(ttlMs).toBeLessThanOrEqual(30_000);
  });
});
