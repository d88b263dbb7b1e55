import type { Redis } from "ioredis";
import type { NonceCache } from "../../app/ports/nonce-cache.ts";

export const redisNonceKeyPrefixDefault = "clearhub:nonce:";

/**
 * The nonce cache in Redis, shared by every hub node. `SET key 1 NX PX ttl` is one atomic
 * command: it writes only when the key is absent, and Redis drops the key when its time is up,
 * so nothing needs purging. Expiry follows Redis' clock, the store's follows the hub's.
 */
export class RedisNonceCache implements NonceCache {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string = redisNonceKeyPrefixDefault,
    private readonly clock: () => number = Date.now,
  ) {}

  async remember(keyId: string, nonce: string, expiresAtMs: number): Promise<boolean> {
    if (keyId.includes(":")) throw new Error(`key id ${JSON.stringify(keyId)} holds a ':'`);
    const ttlMs = Math.ceil(expiresAtMs - this.clock());
    // Already expired: nothing to hold, as in the store, where such an entry is replaceable at once.
    if (ttlMs <= 0) return true;
    const set = await this.redis.set(`${this.keyPrefix}${keyId}:${nonce}`, "1", "PX", ttlMs, "NX");
    return set === "OK";
  }

  async purgeExpired(): Promise<number> {
    return 0;
  }
}
