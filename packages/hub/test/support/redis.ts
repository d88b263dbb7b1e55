/**
 * The test Redis, from CLEARHUB_TEST_REDIS_URL (default redis://127.0.0.1:6379). Like
 * PostgreSQL in ./backends.ts: when it is unreachable its tests are skipped with a message,
 * except under CI=true, where loading this module fails so a missing Redis never passes.
 */
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { describe } from "vitest";
import { connectRedis, redactRedisUrl } from "../../src/adapters/redis/redis-connection.ts";
import { type RequiredService, serviceAvailable, warnSkipped } from "./required-service.ts";

const defaultRedisUrl = "redis://127.0.0.1:6379";

export function redisTestUrl(): string {
  const url = process.env.CLEARHUB_TEST_REDIS_URL;
  return url !== undefined && url !== "" ? url : defaultRedisUrl;
}

function redisService(): RequiredService {
  const url = redisTestUrl();
  return {
    name: "Redis",
    shownUrl: redactRedisUrl(url),
    urlVariable: "CLEARHUB_TEST_REDIS_URL",
    async probe() {
      const redis = await connectRedis(url);
      try {
        await redis.ping();
      } finally {
        redis.disconnect();
      }
    },
  };
}

/** Whether the test Redis answers PING. Under CI=true an unreachable Redis is an error. */
export function redisAvailable(): Promise<boolean> {
  return serviceAvailable(redisService());
}

const redisIsAvailable = await redisAvailable();
if (!redisIsAvailable) warnSkipped(redisService());

/** A `describe` that is skipped, with the message above, when the test Redis is unreachable. */
export function describeWithRedis(name: string, fn: () => void): void {
  describe.skipIf(!redisIsAvailable)(`${name} [redis]`, fn);
}

/** A key prefix no other test run shares, so runs on one Redis never see each other's keys. */
export function redisTestKeyPrefix(): string {
  return `clearhub-test:${randomBytes(8).toString("hex")}:`;
}

const scanBatchSize = 1000;

/** Deletes every key under the prefix: a test run's own keys, when it ends. */
export async function deleteRedisKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", scanBatchSize);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
}
