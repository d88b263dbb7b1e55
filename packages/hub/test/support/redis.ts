/**
 * The test Redis, from CLEARHUB_TEST_REDIS_URL (default redis://127.0.0.1:6379). Like
 * PostgreSQL in ./backends.ts: when it is unreachable its tests are skipped with a message,
 * except under CI=true, where loading this module fails so a missing Redis never passes.
 */
import { randomBytes } from "node:crypto";
import { describe } from "vitest";
import { connectRedis, redactRedisUrl } from "../../src/adapters/redis/redis-connection.ts";

const defaultRedisUrl = "redis://127.0.0.1:6379";

export function redisTestUrl(): string {
  const url = process.env.CLEARHUB_TEST_REDIS_URL;
  return url !== undefined && url !== "" ? url : defaultRedisUrl;
}

/** Whether the test Redis answers PING. Under CI=true an unreachable Redis is an error. */
export async function redisAvailable(): Promise<boolean> {
  const url = redisTestUrl();
  try {
    const redis = await connectRedis(url);
    try {
      await redis.ping();
    } finally {
      redis.disconnect();
    }
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env.CI === "true") {
      throw new Error(
        `${reason}; under CI=true the Redis tests must run, not be skipped. Start Redis or set CLEARHUB_TEST_REDIS_URL.`,
        { cause: error },
      );
    }
    return false;
  }
}

const redisIsAvailable = await redisAvailable();
if (!redisIsAvailable) {
  console.warn(
    `[clearhub tests] Redis at ${redactRedisUrl(redisTestUrl())} is unreachable: skipping the Redis tests. Set CLEARHUB_TEST_REDIS_URL to run them (under CI=true they fail instead).`,
  );
}

/** A `describe` that is skipped, with the message above, when the test Redis is unreachable. */
export function describeWithRedis(name: string, fn: () => void): void {
  describe.skipIf(!redisIsAvailable)(`${name} [redis]`, fn);
}

/** A key prefix no other test run shares, so runs on one Redis never see each other's keys. */
export function redisTestKeyPrefix(): string {
  return `clearhub-test:${randomBytes(8).toString("hex")}:`;
}
