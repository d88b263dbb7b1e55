import { afterEach, describe, expect, it } from "vitest";
import { StoreNonceCache } from "../../src/adapters/store/store-nonce-cache.ts";
import { ExpiryPurge, expiryPurgeDefaults } from "../../src/jobs/expiry-purge.ts";
import { type Backend, describeEachBackend, openTestDatabase } from "../support/backends.ts";
import { openTestHub } from "../support/test-hub.ts";
import { nonceCacheContract } from "./nonce-cache-contract.ts";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A cache on a fresh store, with a clock the test sets. */
async function openCache(backend: Backend, clock: () => number = Date.now) {
  const test = await openTestDatabase(backend);
  cleanups.push(() => test.dispose());
  return { cache: new StoreNonceCache(test.database.kysely, clock), db: test.database.kysely };
}

describeEachBackend("StoreNonceCache", (backend) => {
  describe("contract", () => {
    nonceCacheContract(async () => (await openCache(backend)).cache);
  });

  it("is the hub's nonce cache when the hub has no Redis URL", async () => {
    const test = await openTestHub(backend);
    cleanups.push(() => test.dispose());
    expect(test.hub.nonces).toBeInstanceOf(StoreNonceCache);
  });

  it("replaces an expired entry with the new expiry, held until then", async () => {
    let now = 1_000;
    const { cache, db } = await openCache(backend, () => now);
    expect(await cache.remember("bank-a.k1", "n", 2_000)).toBe(true);
    now = 1_999;
    expect(await cache.remember("bank-a.k1", "n", 5_000)).toBe(false);
    now = 2_000;
    expect(await cache.remember("bank-a.k1", "n", 5_000)).toBe(true);
    now = 4_999;
    expect(await cache.remember("bank-a.k1", "n", 9_000)).toBe(false);
    const rows = await db.selectFrom("seen_nonces").selectAll().execute();
    expect(rows.map((row) => [row.key_id, row.nonce, Number(row.expires_at)])).toEqual([
      ["bank-a.k1", "n", 5_000],
    ]);
  });

  it("writes nonces arriving together in one statement, each decided on its own", async () => {
    const { cache, db } = await openCache(backend);
    const expiresAt = Date.now() + 60_000;
    expect(await cache.remember("bank-a.k1", "held", expiresAt)).toBe(true);
    const statements: string[] = [];
    const counting = new StoreNonceCache(
      db.withPlugin({
        transformQuery: (args) => {
          statements.push(args.node.kind);
          return args.node;
        },
        transformResult: async (args) => args.result,
      }),
    );
    const answers = await Promise.all([
      counting.remember("bank-a.k1", "held", expiresAt),
      counting.remember("bank-a.k1", "new-1", expiresAt),
      counting.remember("bank-a.k1", "new-1", expiresAt),
      counting.remember("bank-a.k2", "held", expiresAt),
      counting.remember("bank-a.k1", "new-2", expiresAt),
    ]);
    expect(answers).toEqual([false, true, false, true, true]);
    expect(statements).toEqual(["InsertQueryNode"]);
  });

  it("gives each nonce one winner among caches of several nodes writing the same nonces", async () => {
    const { db } = await openCache(backend);
    const nodes = [new StoreNonceCache(db), new StoreNonceCache(db), new StoreNonceCache(db)];
    const nonces = Array.from({ length: 200 }, (_, index) => `n-${index}`);
    const expiresAt = Date.now() + 60_000;
    // Each node sends them in another order: the statements must still not deadlock.
    const orders = [nonces, [...nonces].reverse(), [...nonces.slice(100), ...nonces.slice(0, 100)]];
    const answers = await Promise.all(
      nodes.map((node, index) =>
        Promise.all(
          (orders[index] ?? []).map(async (nonce) => ({
            nonce,
            won: await node.remember("bank-a.k1", nonce, expiresAt),
          })),
        ),
      ),
    );
    const winners = answers.flat().filter((answer) => answer.won);
    expect(winners.map((answer) => answer.nonce).sort()).toEqual([...nonces].sort());
  });

  it("rejects every caller of a batch whose statement fails, and goes on afterwards", async () => {
    const test = await openTestDatabase(backend);
    const cache = new StoreNonceCache(test.database.kysely);
    await test.dispose();
    const expiresAt = Date.now() + 60_000;
    const answers = await Promise.allSettled([
      cache.remember("bank-a.k1", "a", expiresAt),
      cache.remember("bank-a.k1", "b", expiresAt),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual(["rejected", "rejected"]);
    await expect(cache.remember("bank-a.k1", "c", expiresAt)).rejects.toThrow();
  });

  it("purges only expired nonces, at most the limit per pass", async () => {
    let now = 0;
    const { cache, db } = await openCache(backend, () => now);
    for (let index = 0; index < 5; index++) {
      await cache.remember("bank-a.k1", `old-${index}`, 100 + index);
    }
    await cache.remember("bank-a.k1", "fresh", 10_000);
    now = 1_000;
    expect(await cache.purgeExpired(now, 3)).toBe(3);
    expect(await cache.purgeExpired(now, 3)).toBe(2);
    expect(await cache.purgeExpired(now, 3)).toBe(0);
    const left = await db.selectFrom("seen_nonces").select("nonce").execute();
    expect(left.map((row) => row.nonce)).toEqual(["fresh"]);
    expect(await cache.remember("bank-a.k1", "fresh", 20_000)).toBe(false);
  });

  it("runs one bounded purge per pass of the job", async () => {
    let now = 0;
    const { cache } = await openCache(backend, () => now);
    for (let index = 0; index < 4; index++) await cache.remember("bank-a.k1", `n-${index}`, 10);
    now = 100;
    const job = new ExpiryPurge(
      cache,
      { ...expiryPurgeDefaults, intervalMs: 60_000, passSizeMax: 3 },
      () => now,
    );
    expect(await job.purge()).toBe(3);
    expect(await job.purge()).toBe(1);
    expect(await job.purge()).toBe(0);
  });
});
