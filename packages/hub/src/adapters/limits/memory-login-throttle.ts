import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { LoginThrottle } from "../../app/ports/login-throttle.ts";

export interface LoginThrottleLimits {
  readonly attemptsMax: number;
  readonly windowSeconds: number;
}

/** Ten guesses per name per quarter hour: a person mistyping is never stopped, a guesser is. */
export const loginThrottleDefaults: LoginThrottleLimits = {
  attemptsMax: 10,
  windowSeconds: 15 * 60,
};

/**
 * Counts login attempts in this node's memory (rate-limiter-flexible). Shared counts (Redis) are
 * not needed for the guarantee: with n nodes a guesser gets at most n times the budget, still a
 * handful of guesses an hour against a 12-character password, each costing a scrypt hash; and a
 * login must keep working when Redis does not. Names are counted whether or not they exist, so
 * the throttle says nothing about which accounts exist.
 */
export class MemoryLoginThrottle implements LoginThrottle {
  private readonly limiter: RateLimiterMemory;

  constructor(limits: LoginThrottleLimits = loginThrottleDefaults) {
    this.limiter = new RateLimiterMemory({
      points: limits.attemptsMax,
      duration: limits.windowSeconds,
    });
  }

  async take(name: string): Promise<{ ok: true } | { ok: false; retryAfterMs: number }> {
    try {
      await this.limiter.consume(name);
      return { ok: true };
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes)
        return { ok: false, retryAfterMs: refusal.msBeforeNext };
      throw refusal;
    }
  }

  async forget(name: string): Promise<void> {
    await this.limiter.delete(name);
  }
}
