/**
 * The keys that may vouch for an answer from a participant's system: the called participant's
 * own, for a biller, a bank and an issuer (a payment institution's wallet interface) alike,
 * never another participant's, never the operator's (its system is not one the hub calls), and
 * never a terminated participant's.
 */
import { exportPublicKeyRaw, generateSigningKeyPair } from "@clearhub/http-signatures";
import { afterEach, expect, it } from "vitest";
import { ParticipantSystemKeys } from "../../../src/adapters/participant-call/participant-system-keys.ts";
import { KyselyParticipantKeyStore } from "../../../src/adapters/store/kysely-participant-key-store.ts";
import { KyselyParticipantStore } from "../../../src/adapters/store/kysely-participant-store.ts";
import type { ParticipantKind } from "../../../src/domain/participant/participant.ts";
import { openTestDatabase } from "../../support/backends.ts";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

it("finds a called participant's own key, and no other's", async () => {
  const test = await openTestDatabase("sqlite");
  cleanups.push(() => test.dispose());
  const participants = new KyselyParticipantStore(test.database.kysely);
  const keys = new KyselyParticipantKeyStore(test.database.kysely, test.database.dialect);
  const publicKey = exportPublicKeyRaw(generateSigningKeyPair().publicKey);
  const owners: [string, ParticipantKind][] = [
    ["bank-a", "bank"],
    ["water-co", "biller"],
    ["wallet-a", "payment_institution"],
    ["hub-operator", "operator"],
    ["gas-co", "biller"],
  ];
  for (const [id, kind] of owners) {
    await participants.createParticipant(
      { id, name: id, kind, status: "active", createdAt: 1 },
      [],
    );
    const key = {
      keyId: `${id}.k1`,
      participantId: id,
      algorithm: "ed25519" as const,
      publicKey,
      status: "active" as const,
      createdAt: 2,
      revokedAt: null,
    };
    expect(await keys.addKey(key, 5)).toBe("ok");
  }
  const systemKeys = new ParticipantSystemKeys(keys, { cacheTtlMs: 0, cachedKeysMax: 10 });
  expect(await systemKeys.find("bank-a", "bank-a.k1")).toMatchObject({ status: "active" });
  expect(await systemKeys.find("water-co", "water-co.k1")).toMatchObject({ status: "active" });
  expect(await systemKeys.find("water-co", "gas-co.k1")).toBeUndefined();
  expect(await systemKeys.find("water-co", "bank-a.k1")).toBeUndefined();
  expect(await systemKeys.find("wallet-a", "wallet-a.k1")).toMatchObject({ status: "active" });
  expect(await systemKeys.find("wallet-a", "bank-a.k1")).toBeUndefined();
  expect(await systemKeys.find("hub-operator", "hub-operator.k1")).toBeUndefined();
  expect(await systemKeys.find("gas-co", "gas-co.k1")).toMatchObject({ status: "active" });
  expect(await participants.setStatus("gas-co", "active", "terminated")).toBe(true);
  expect(await systemKeys.find("gas-co", "gas-co.k1")).toBeUndefined();
});
