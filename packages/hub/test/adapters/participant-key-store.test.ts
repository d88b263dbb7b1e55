/**
 * The ParticipantKeyStore contract through KyselyParticipantKeyStore on both backends: keys
 * are written only for live participants, the active-key limit holds under concurrency, and a
 * rotation adds and revokes together or not at all.
 */
import { afterEach, expect, it } from "vitest";
import { KyselyParticipantKeyStore } from "../../src/adapters/store/kysely-participant-key-store.ts";
import { KyselyParticipantStore } from "../../src/adapters/store/kysely-participant-store.ts";
import type { ParticipantStatus } from "../../src/domain/participant/participant.ts";
import type { ParticipantKey } from "../../src/domain/participant/participant-key.ts";
import { type Backend, describeEachBackend, openTestDatabase } from "../support/backends.ts";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openStores(backend: Backend) {
  const test = await openTestDatabase(backend);
  cleanups.push(() => test.dispose());
  const participants = new KyselyParticipantStore(test.database.kysely);
  const keys = new KyselyParticipantKeyStore(test.database.kysely, test.database.dialect);
  const addParticipant = (id: string, status: ParticipantStatus = "active") =>
    participants.createParticipant(
      { id, name: `Name of ${id}`, kind: "bank", status, createdAt: 1_000 },
      [],
    );
  return { participants, keys, addParticipant };
}

function key(participantId: string, suffix: string, createdAt = 2_000): ParticipantKey {
  return {
    keyId: `${participantId}.${suffix}`,
    participantId,
    algorithm: "ed25519",
    publicKey: `public-key-${suffix}`,
    status: "active",
    createdAt,
    revokedAt: null,
  };
}

describeEachBackend("ParticipantKeyStore", (backend) => {
  it("adds keys and reads them back, listed oldest first", async () => {
    const { keys, addParticipant } = await openStores(backend);
    await addParticipant("bank-a");
    await addParticipant("bank-b");
    expect(await keys.addKey(key("bank-a", "k2", 3_000), 5)).toBe("ok");
    expect(await keys.addKey(key("bank-a", "k1", 2_000), 5)).toBe("ok");
    expect(await keys.addKey(key("bank-b", "k1"), 5)).toBe("ok");
    expect(await keys.findKey("bank-a.k1")).toEqual(key("bank-a", "k1", 2_000));
    expect((await keys.listKeys("bank-a")).map((k) => k.keyId)).toEqual(["bank-a.k1", "bank-a.k2"]);
    expect(await keys.findKey("bank-a.nope")).toBeUndefined();
    expect(await keys.listKeys("bank-c")).toEqual([]);
  });

  it("refuses keys for unknown and terminated participants, but not suspended ones", async () => {
    const { keys, addParticipant } = await openStores(backend);
    await addParticipant("bank-t", "terminated");
    await addParticipant("bank-s", "suspended");
    expect(await keys.addKey(key("bank-x", "k1"), 5)).toBe("participant_not_found");
    expect(await keys.addKey(key("bank-t", "k1"), 5)).toBe("participant_terminated");
    expect(await keys.addKey(key("bank-s", "k1"), 5)).toBe("ok");
    expect(await keys.findKey("bank-t.k1")).toBeUndefined();
  });

  it("holds the active-key limit; revoked keys do not count", async () => {
    const { keys, addParticipant } = await openStores(backend);
    await addParticipant("bank-a");
    expect(await keys.addKey(key("bank-a", "k1"), 2)).toBe("ok");
    expect(await keys.addKey(key("bank-a", "k2"), 2)).toBe("ok");
    expect(await keys.addKey(key("bank-a", "k3"), 2)).toBe("active_keys_exhausted");
    expect(await keys.revokeKey("bank-a.k1", 5_000)).toBe(true);
    expect(await keys.addKey(key("bank-a", "k3"), 2)).toBe("ok");
  });

  it("holds the active-key limit under concurrent adds", async () => {
    const { keys, addParticipant } = await openStores(backend);
    await addParticipant("bank-a");
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, index) => keys.addKey(key("bank-a", `k${index}`), 5)),
    );
    expect(results.filter((result) => result === "ok")).toHaveLength(5);
    expect(results.filter((result) => result === "active_keys_exhausted")).toHaveLength(7);
    expect(await keys.listKeys("bank-a")).toHaveLength(5);
  });

  it("revokes an active key once, and records when", async () => {
    const { keys, addParticipant } = await openStores(backend);
    await addParticipant("bank-a");
    await keys.addKey(key("bank-a", "k1"), 5);
    expect(await keys.revokeKey("bank-a.k1", 7_000)).toBe(true);
    expect(await keys.revokeKey("bank-a.k1", 8_000)).toBe(false);
    expect(await keys.revokeKey("bank-a.unknown", 8_000)).toBe(false);
    expect(await keys.findKey("bank-a.k1")).toEqual({
      ...key("bank-a", "k1"),
      status: "revoked",
      revokedAt: 7_000,
    });
  });

  it("rotates: adds the new key and revokes the old one at its creation time", async () => {
    const { keys, addParticipant } = await openStores(backend);
    await addParticipant("bank-a");
    await keys.addKey(key("bank-a", "old"), 1);
    expect(await keys.rotateKey("bank-a.old", key("bank-a", "new", 9_000))).toBe("ok");
    expect(await keys.listKeys("bank-a")).toEqual([
      { ...key("bank-a", "old"), status: "revoked", revokedAt: 9_000 },
      key("bank-a", "new", 9_000),
    ]);
  });

  it("refuses a rotation that cannot complete, and writes nothing", async () => {
    const { keys, participants, addParticipant } = await openStores(backend);
    await addParticipant("bank-a");
    await addParticipant("bank-b");
    await keys.addKey(key("bank-a", "k1"), 5);
    await keys.addKey(key("bank-a", "gone"), 5);
    await keys.revokeKey("bank-a.gone", 3_000);
    await keys.addKey(key("bank-b", "k1"), 5);
    const before = await keys.listKeys("bank-a");
    expect(await keys.rotateKey("bank-a.nope", key("bank-a", "n1"))).toBe("key_not_found");
    expect(await keys.rotateKey("bank-b.k1", key("bank-a", "n2"))).toBe("key_not_found");
    expect(await keys.rotateKey("bank-a.gone", key("bank-a", "n3"))).toBe("key_already_revoked");
    expect(await keys.rotateKey("bank-x.k1", key("bank-x", "n4"))).toBe("participant_not_found");
    expect(await participants.setStatus("bank-a", "active", "terminated")).toBe(true);
    expect(await keys.rotateKey("bank-a.k1", key("bank-a", "n5"))).toBe("participant_terminated");
    expect(await keys.listKeys("bank-a")).toEqual(before);
  });

  it("lets exactly one of two concurrent rotations of a key win", async () => {
    const { keys, addParticipant } = await openStores(backend);
    await addParticipant("bank-a");
    await keys.addKey(key("bank-a", "old"), 5);
    const results = await Promise.all([
      keys.rotateKey("bank-a.old", key("bank-a", "new-1")),
      keys.rotateKey("bank-a.old", key("bank-a", "new-2")),
    ]);
    expect(results.toSorted()).toEqual(["key_already_revoked", "ok"]);
    const active = (await keys.listKeys("bank-a")).filter((k) => k.status === "active");
    expect(active).toHaveLength(1);
  });
});
