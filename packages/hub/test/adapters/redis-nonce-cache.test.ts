import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRedis } from "../../src/adapters/redis/redis-connection.ts";
import { RedisNonceCache } from "../../src/adapters/redis/redis-nonce-cache.ts";
import type { NonceCache } from "../../src/app/ports/nonce-cache.ts";
import { openHub } from "../../src/hub.ts";
import { describeWithRedis, redisTestKeyPrefix, redisTestUrl } from "../support/redis.ts";
import { openTestHub } from "../support/test-hub.ts";
import { nonceCacheContract } from "./nonce-cache-contract.ts";

const scanBatchSize = 1000;

async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", scanBatchSize);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
}

describeWithRedis("RedisNonceCache", () => {
  const runPrefix = redisTestKeyPrefix();
  let redis: Redis;
  let caches = 0;

  beforeAll(async () => {
    redis = await connectRedis(redisTestUrl());
  });

  afterAll(async () => {
    await deleteKeys(redis, runPrefix);
    redis.disconnect();
  });

  /** Each test its own prefix inside the run's, so tests cannot see each other's nonces. */
  const openCache = () => new RedisNonceCache(redis, `${runPrefix}${caches++}:`);

  describe("contract", () => {
    nonceCacheContract(async () => openCache());
  });

  it("stores each nonce under the prefix with the time left as its TTL", async () => {
    const prefix = `${runPrefix}ttl:`;
    const cache: NonceCache = new RedisNonceCache(redis, prefix);
    expect(await cache.remember("bank-a.k1", "n-1", Date.now() + 30_000)).toBe(true);
    const ttlMs = await redis.pttl(`${prefix}bank-a.k1:n-1`);
    expect(ttlMs).toBeGreaterThan(25_000);
    expect(ttlMs).toBeLessThanOrEqual(30_000);
    expect(await cache.purgeExpired(Date.now(), 100)).toBe(0);
  });

  it("refuses a key id holding ':', which would make keys ambiguous", async () => {
    await expect(openCache().remember("bank:a", "n", Date.now() + 1_000)).rejects.toThrow(/':'/);
  });

  it("is the hub's nonce cache when the hub has a Redis URL", async () => {
    const prefix = `${runPrefix}hub:`;
    const test = await openTestHub("sqlite", { redisUrl: redisTestUrl(), redisKeyPrefix: prefix });
    try {
      expect(test.hub.nonces).toBeInstanceOf(RedisNonceCache);
      expect(await test.hub.nonces.remember("bank-a.k1", "n-1", Date.now() + 30_000)).toBe(true);
      expect(await redis.exists(`${prefix}bank-a.k1:n-1`)).toBe(1);
    } finally {
      await test.dispose();
    }
  });
});

describe("a hub given a Redis URL", () => {
  it("refuses to start when Redis is unreachable", async () => {
    await expect(
      openHub({ redisUrl: "redis://127.0.0.1:1", dataDir: "/nonexistent/never-created" }),
    ).rejects.toThrow(/Redis at redis:\/\/127\.0\.0\.1:1 is unreachable/);
  });
});
