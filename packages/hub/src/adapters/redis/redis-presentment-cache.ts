import type { Redis } from "ioredis";
import type {
  CachedPresentment,
  PresentmentCache,
  PresentmentKey,
} from "../../app/ports/presentment-cache.ts";

export const redisPresentmentKeyPrefixDefault = "clearhub:presentment:";

/** How the bills are written as text; JSON by default (amounts must then be strings, not bigints). */
export interface BillsCodec<TBills> {
  encode(bills: TBills): string;
  decode(text: string): TBills;
}

export function jsonBillsCodec<TBills>(): BillsCodec<TBills> {
  return { encode: (bills) => JSON.stringify(bills), decode: (text) => JSON.parse(text) as TBills };
}

interface StoredPresentment {
  readonly fetchedAtMs: number;
  readonly expiresAtMs: number;
  readonly bills: string;
}

/**
 * The presentment cache in Redis, shared by every hub node: one string per customer, written
 * with `SET PX`, so Redis drops it when its TTL is up. The entry also holds its expiry by the
 * hub's clock, checked on every read: a copy is served only while both agree it is fresh, and
 * tests can age it with an injected clock.
 */
export class RedisPresentmentCache<TBills> implements PresentmentCache<TBills> {
  constructor(
    private readonly redis: Redis,
    private readonly codec: BillsCodec<TBills> = jsonBillsCodec(),
    private readonly keyPrefix: string = redisPresentmentKeyPrefixDefault,
    private readonly clock: () => number = Date.now,
  ) {}

  async get(key: PresentmentKey): Promise<CachedPresentment<TBills> | null> {
    const text = await this.redis.get(this.nameOf(key));
    if (text === null) return null;
    const stored = JSON.parse(text) as StoredPresentment;
    if (stored.expiresAtMs <= this.clock()) return null;
    return { fetchedAtMs: stored.fetchedAtMs, bills: this.codec.decode(stored.bills) };
  }

  async put(
    key: PresentmentKey,
    presentment: CachedPresentment<TBills>,
    ttlMs: number,
  ): Promise<void> {
    const name = this.nameOf(key);
    if (ttlMs <= 0) {
      await this.redis.del(name);
      return;
    }
    const stored: StoredPresentment = {
      fetchedAtMs: presentment.fetchedAtMs,
      expiresAtMs: this.clock() + ttlMs,
      bills: this.codec.encode(presentment.bills),
    };
    await this.redis.set(name, JSON.stringify(stored), "PX", Math.ceil(ttlMs));
  }

  private nameOf(key: PresentmentKey): string {
    return `${this.keyPrefix}${key.billerId}:${key.customerParamsHash}`;
  }
}
