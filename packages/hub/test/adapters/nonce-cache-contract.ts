/**
 * The NonceCache contract, declared once and run against every adapter (the store on both
 * backends, Redis). It runs on real time: Redis expires keys by its own clock.
 */
import { setTimeout } from "node:timers/promises";
import { expect, it } from "vitest";
import type { NonceCache } from "../../src/app/ports/nonce-cache.ts";

const heldMs = 60_000;
const shortLivedMs = 150;
const concurrentCalls = 20;

export function nonceCacheContract(open: () => Promise<NonceCache>): void {
  it("remembers a nonce: true the first time, false while it is held", async () => {
    const cache = await open();
    const expiresAt = Date.now() + heldMs;
    expect(await cache.remember("bank-a.k1", "nonce-1", expiresAt)).toBe(true);
    expect(await cache.remember("bank-a.k1", "nonce-1", expiresAt)).toBe(false);
    expect(await cache.remember("bank-a.k1", "nonce-1", expiresAt + heldMs)).toBe(false);
  });

  it("keeps the nonces of different keys apart", async () => {
    const cache = await open();
    const expiresAt = Date.now() + heldMs;
    expect(await cache.remember("bank-a.k1", "nonce-1", expiresAt)).toBe(true);
    expect(await cache.remember("bank-a.k2", "nonce-1", expiresAt)).toBe(true);
    expect(await cache.remember("bank-a.k1", "nonce-2", expiresAt)).toBe(true);
    expect(await cache.remember("bank-a.k2", "nonce-1", expiresAt)).toBe(false);
  });

  it(`answers true to exactly one of ${concurrentCalls} concurrent uses of a nonce`, async () => {
    const cache = await open();
    const expiresAt = Date.now() + heldMs;
    const answers = await Promise.all(
      Array.from({ length: concurrentCalls }, () => cache.remember("bank-a.k1", "race", expiresAt)),
    );
    expect(answers.filter((answer) => answer)).toHaveLength(1);
  });

  it("lets a nonce be used again once its expiry has passed", async () => {
    const cache = await open();
    const expiresAt = Date.now() + shortLivedMs;
    expect(await cache.remember("bank-a.k1", "nonce-1", expiresAt)).toBe(true);
    expect(await cache.remember("bank-a.k1", "nonce-1", expiresAt)).toBe(false);
    await setTimeout(expiresAt - Date.now() + 50);
    expect(await cache.remember("bank-a.k1", "nonce-1", Date.now() + heldMs)).toBe(true);
    expect(await cache.remember("bank-a.k1", "nonce-1", Date.now() + heldMs)).toBe(false);
  });

  it("does not hold a nonce whose expiry has already passed", async () => {
    const cache = await open();
    const past = Date.now() - 1;
    expect(await cache.remember("bank-a.k1", "stale", past)).toBe(true);
    expect(await cache.remember("bank-a.k1", "stale", past)).toBe(true);
  });
}
