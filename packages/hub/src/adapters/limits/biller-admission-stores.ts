import type { Redis } from "ioredis";
import type { GateDependencies } from "../../app/billers/biller-admission-gate.ts";
import { RedisBillerAdmission } from "../redis/redis-biller-admission.ts";
import { jsonBillsCodec, RedisPresentmentCache } from "../redis/redis-presentment-cache.ts";
import { MemoryBillerAdmission } from "./memory-biller-admission.ts";
import { MemoryPresentmentCache } from "./memory-presentment-cache.ts";
import {
  memoryLimiters,
  RateLimiterChannelQuota,
  redisLimiters,
} from "./rate-limiter-channel-quota.ts";

export type AdmissionStores<TBills> = Pick<
  GateDependencies<TBills>,
  "admission" | "quota" | "cache"
>;

/**
 * The shared state of biller protection: in Redis when the hub has one (every node then counts
 * together, which a biller's capacity requires as soon as there are two nodes), in memory
 * otherwise. Capacity and leases follow Redis' clock; quotas and the cache the hub's.
 */
export function billerAdmissionStores<TBills>(
  redis: Redis | undefined,
  keyPrefix: string,
  clock: () => number = Date.now,
): AdmissionStores<TBills> {
  if (redis === undefined) {
    return {
      admission: new MemoryBillerAdmission(clock),
      quota: new RateLimiterChannelQuota(memoryLimiters()),
      cache: new MemoryPresentmentCache<TBills>(clock),
    };
  }
  return {
    admission: new RedisBillerAdmission(redis, `${keyPrefix}admission:`),
    quota: new RateLimiterChannelQuota(redisLimiters(redis, `${keyPrefix}quota:`)),
    cache: new RedisPresentmentCache<TBills>(
      redis,
      jsonBillsCodec(),
      `${keyPrefix}presentment:`,
      clock,
    ),
  };
}
