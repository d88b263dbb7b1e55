import { afterEach, describe, expect, it, vi } from "vitest";
import { redisAvailable, redisTestKeyPrefix, redisTestUrl } from "./redis.ts";

const unreachableUrl = "redis://127.0.0.1:1";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the test Redis helper", () => {
  it("reads the URL from CLEARHUB_TEST_REDIS_URL, defaulting to the local Redis", () => {
    vi.stubEnv("CLEARHUB_TEST_REDIS_URL", "");
    expect(redisTestUrl()).toBe("redis://127.0.0.1:6379");
    vi.stubEnv("CLEARHUB_TEST_REDIS_URL", unreachableUrl);
    expect(redisTestUrl()).toBe(unreachableUrl);
  });

  it("reports an unreachable Redis as unavailable outside CI", async () => {
    vi.stubEnv("CI", "");
    vi.stubEnv("CLEARHUB_TEST_REDIS_URL", unreachableUrl);
    expect(await redisAvailable()).toBe(false);
  });

  it("fails instead of skipping under CI=true", async () => {
    vi.stubEnv("CI", "true");
    vi.stubEnv("CLEARHUB_TEST_REDIS_URL", unreachableUrl);
    await expect(redisAvailable()).rejects.toThrow(/under CI=true the Redis tests must run/);
  });

  it("gives every run its own key prefix", () => {
    expect(redisTestKeyPrefix()).not.toBe(redisTestKeyPrefix());
  });
});
