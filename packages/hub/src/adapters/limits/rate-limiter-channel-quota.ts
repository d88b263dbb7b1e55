import type { Redis } from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import type { ChannelQuota, QuotaResult, QuotaSubject } from "../../app/ports/channel-quota.ts";
import { capacityWindowMs } from "../../domain/billers/biller-capacity.ts";

/** A window's counter outlives its second, then its store drops it. */
const counterLifeSeconds = 2;

/** Distinct quota values a hub meets are few (one per configured quota); this bounds the limiters kept. */
const limitersMax = 1_000;

export type LimiterFactory = (points: number) => RateLimiterAbstract;

/** Counts in this process's memory: for a single hub node. */
export function memoryLimiters(): LimiterFactory {
  return (points) => new RateLimiterMemory({ points, duration: counterLifeSeconds });
}

/** Counts in Redis, shared by every hub node. */
export function redisLimiters(redis: Redis, keyPrefix: string): LimiterFactory {
  return (points) =>
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${keyPrefix}quota${points}`,
      points,
      duration: counterLifeSeconds,
    });
}

/**
 * Channel quotas with rate-limiter-flexible, whose memory and Redis stores count atomically
 * (Redis: one Lua script per take) and expire their counters by themselves. The second is
 * named in the key from the caller's clock, so the bucket refills on whole seconds of that
 * clock: tests move an injected clock, and nodes agree to within their clock skew, which is
 * harmless here because the biller's capacity is enforced separately on one clock.
 */
export class RateLimiterChannelQuota implements ChannelQuota {
  private readonly limiters = new Map<number, RateLimiterAbstract>();

  constructor(private readonly limiterFor: LimiterFactory) {}

  async take(subject: QuotaSubject, perSecondMax: number, nowMs: number): Promise<QuotaResult> {
    const windowIndex = Math.floor(nowMs / capacityWindowMs);
    const retryAfterMs = Math.max(1, (windowIndex + 1) * capacityWindowMs - nowMs);
    const points = Math.floor(perSecondMax);
    if (points < 1) return { ok: false, retryAfterMs };
    const key = `${subject.billerId}|${subject.channelId}|${subject.trafficClass}|${windowIndex}`;
    try {
      await this.limiter(points).consume(key);
      return { ok: true };
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return { ok: false, retryAfterMs };
      throw refusal;
    }
  }

  private limiter(points: number): RateLimiterAbstract {
    let limiter = this.limiters.get(points);
    if (limiter === undefined) {
      if (this.limiters.size >= limitersMax) this.limiters.clear();
      limiter = this.limiterFor(points);
      this.limiters.set(points, limiter);
    }
    return limiter;
  }
}
