import { describe, expect, it } from "vitest";
import { SignerCache } from "../../src/app/participants/signer-cache.ts";
import type { Signer } from "../../src/app/ports/participant-key-store.ts";

function signer(keyId: string, status: "active" | "revoked" = "active"): Signer {
  return {
    key: {
      keyId,
      participantId: "bank-alpha",
      algorithm: "ed25519",
      publicKey: "x".repeat(43),
      status,
      createdAt: 0,
      revokedAt: null,
    },
    participant: { id: "bank-alpha", name: "Alpha", kind: "bank", status: "active", createdAt: 0 },
  };
}

/** A key store whose answers the test controls, counting reads and holding them until released. */
function fakeStore() {
  const signers = new Map<string, Signer>();
  const pending: (() => void)[] = [];
  let reads = 0;
  let held = false;
  return {
    signers,
    get reads() {
      return reads;
    },
    hold() {
      held = true;
    },
    release() {
      held = false;
      for (const resolve of pending.splice(0)) resolve();
    },
    async findSigner(keyId: string): Promise<Signer | undefined> {
      reads++;
      const answer = signers.get(keyId);
      if (held) await new Promise<void>((resolve) => pending.push(resolve));
      return answer;
    },
  };
}

describe("signer cache", () => {
  it("reads a key once per ttl, then reads it again", async () => {
    const store = fakeStore();
    store.signers.set("k1", signer("k1"));
    let now = 1_000;
    const cache = new SignerCache(store, { ttlMs: 1000, entriesMax: 10, clock: () => now });
    await cache.findSigner("k1");
    now += 999;
    await cache.findSigner("k1");
    expect(store.reads).toBe(1);
    store.signers.set("k1", signer("k1", "revoked"));
    now += 1;
    expect((await cache.findSigner("k1"))?.key.status).toBe("revoked");
    expect(store.reads).toBe(2);
  });

  it("shares one read between concurrent lookups of a key", async () => {
    const store = fakeStore();
    store.signers.set("k1", signer("k1"));
    const cache = new SignerCache(store, { ttlMs: 1000, entriesMax: 10 });
    store.hold();
    const lookups = [cache.findSigner("k1"), cache.findSigner("k1"), cache.findSigner("k1")];
    store.release();
    expect((await Promise.all(lookups)).every((found) => found?.key.keyId === "k1")).toBe(true);
    expect(store.reads).toBe(1);
  });

  it("does not remember unknown keys, so a key added later works at once", async () => {
    const store = fakeStore();
    const cache = new SignerCache(store, { ttlMs: 1000, entriesMax: 10 });
    expect(await cache.findSigner("k1")).toBeUndefined();
    store.signers.set("k1", signer("k1"));
    expect(await cache.findSigner("k1")).toBeDefined();
  });

  it("forgets everything, including a read begun before it, when told", async () => {
    const store = fakeStore();
    store.signers.set("k1", signer("k1"));
    const cache = new SignerCache(store, { ttlMs: 60_000, entriesMax: 10 });
    store.hold();
    const before = cache.findSigner("k1");
    // The key is revoked on this node while the read (which saw it active) is in flight.
    store.signers.set("k1", signer("k1", "revoked"));
    cache.forgetAll();
    const after = cache.findSigner("k1");
    store.release();
    expect((await before)?.key.status).toBe("active");
    expect((await after)?.key.status).toBe("revoked");
    expect((await cache.findSigner("k1"))?.key.status).toBe("revoked");
  });

  it("holds at most entriesMax signers, dropping the oldest", async () => {
    const store = fakeStore();
    for (const keyId of ["k1", "k2", "k3"]) store.signers.set(keyId, signer(keyId));
    const cache = new SignerCache(store, { ttlMs: 60_000, entriesMax: 2 });
    for (const keyId of ["k1", "k2", "k3"]) await cache.findSigner(keyId);
    await cache.findSigner("k3");
    await cache.findSigner("k2");
    expect(store.reads).toBe(3);
    await cache.findSigner("k1");
    expect(store.reads).toBe(4);
  });
});
