import { generateKeyPairSync } from "node:crypto";
import { expect, it } from "vitest";
import { activeKeysPerParticipantMax } from "../../src/app/participants/participant-key-service.ts";
import { describeEachBackend } from "../support/backends.ts";
import { createParticipant, expectProblem, useApiHarness } from "./api-harness.ts";

interface KeyBody {
  keyId: string;
  algorithm: string;
  publicKey: string;
  status: string;
  createdAt: string;
  revokedAt: string | null;
}

function newPublicKey(): string {
  const jwk = generateKeyPairSync("ed25519").publicKey.export({ format: "jwk" });
  return jwk.x as string;
}

const base64urlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** A valid key holding '-' or '_', so that its standard-base64 spelling differs. */
function publicKeyWithUrlCharacters(): string {
  for (;;) {
    const publicKey = newPublicKey();
    if (/[-_]/.test(publicKey)) return publicKey;
  }
}

/** The same 32 bytes with a spare bit of the last character set: decodable, but not canonical. */
function nonCanonical(publicKey: string): string {
  const last = base64urlAlphabet.indexOf(publicKey.slice(-1));
  return `${publicKey.slice(0, -1)}${base64urlAlphabet[last + 1]}`;
}

/** 32 bytes whose y coordinate (2) has no x on the curve; Node's crypto accepts them anyway. */
const offCurveKey = Buffer.from([2, ...new Array<number>(31).fill(0)]).toString("base64url");
/** The curve's identity point: a valid encoding, of order 1. */
const identityKey = Buffer.from([1, ...new Array<number>(31).fill(0)]).toString("base64url");

describeEachBackend("participant keys API", (backend) => {
  const api = useApiHarness(backend);

  const keysUrl = (participantId: string) => `/operator/v1/participants/${participantId}/keys`;
  const addKey = (participantId: string, publicKey: string) =>
    api.call("POST", keysUrl(participantId), { publicKey });
  const addedKey = async (participantId: string, publicKey = newPublicKey()) => {
    const response = await addKey(participantId, publicKey);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as KeyBody;
  };
  const listKeys = async (participantId: string) => {
    const response = await api.call("GET", keysUrl(participantId));
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { items: KeyBody[] }).items;
  };
  const rotate = (participantId: string, keyId: string, publicKey: string) =>
    api.call("POST", `${keysUrl(participantId)}/${keyId}/rotate`, { publicKey });
  const revoke = (participantId: string, keyId: string) =>
    api.call("POST", `${keysUrl(participantId)}/${keyId}/revoke`);

  it("registers a key under an id the hub chooses, and lists it", async () => {
    await createParticipant(api, "acme-bank");
    const publicKey = newPublicKey();
    const key = await addedKey("acme-bank", publicKey);
    expect(key).toEqual({
      keyId: expect.stringMatching(/^acme-bank\.[A-Za-z0-9_-]{16}$/),
      algorithm: "ed25519",
      publicKey,
      status: "active",
      createdAt: expect.any(String),
      revokedAt: null,
    });
    expect(new Date(key.createdAt).toISOString()).toBe(key.createdAt);
    expect(await listKeys("acme-bank")).toEqual([key]);
    expect(await api.hub.participantKeyStore.findKey(key.keyId)).toMatchObject({
      participantId: "acme-bank",
      publicKey,
      status: "active",
    });
  });

  it(`allows ${activeKeysPerParticipantMax} active keys, then answers 409 active_keys_exhausted`, async () => {
    await createParticipant(api, "acme-bank");
    const keys: KeyBody[] = [];
    for (let index = 0; index < activeKeysPerParticipantMax; index++) {
      keys.push(await addedKey("acme-bank"));
    }
    expect(new Set(keys.map((key) => key.keyId)).size).toBe(activeKeysPerParticipantMax);
    expectProblem(await addKey("acme-bank", newPublicKey()), 409, "active_keys_exhausted");
    const first = keys[0] as KeyBody;
    expect((await revoke("acme-bank", first.keyId)).statusCode).toBe(200);
    await addedKey("acme-bank");
  });

  it("refuses public keys that are not a usable Ed25519 key with 422 public_key_invalid", async () => {
    await createParticipant(api, "acme-bank");
    const valid = publicKeyWithUrlCharacters();
    const invalid = {
      "too short (31 bytes)": Buffer.alloc(31, 7).toString("base64url"),
      "too long (33 bytes)": Buffer.alloc(33, 7).toString("base64url"),
      "padded base64url": `${valid}=`,
      "standard base64 alphabet": valid.replaceAll("-", "+").replaceAll("_", "/"),
      "not base64url at all": `${valid.slice(0, 42)}!`,
      "non-canonical last character": nonCanonical(valid),
      "a PEM document": "-----BEGIN PUBLIC KEY-----",
      "no point on the curve": offCurveKey,
      "a point of small order": identityKey,
    };
    expect(Buffer.from(invalid["non-canonical last character"], "base64url")).toEqual(
      Buffer.from(valid, "base64url"),
    );
    for (const [why, publicKey] of Object.entries(invalid)) {
      const response = await addKey("acme-bank", publicKey);
      expect({ why, status: response.statusCode }).toEqual({ why, status: 422 });
      expectProblem(response, 422, "public_key_invalid");
    }
    expect(await listKeys("acme-bank")).toEqual([]);
  });

  it("refuses an empty or oversized key, or extra fields, as request_invalid", async () => {
    await createParticipant(api, "acme-bank");
    expectProblem(await addKey("acme-bank", ""), 400, "request_invalid");
    expectProblem(await addKey("acme-bank", "A".repeat(300)), 400, "request_invalid");
    const extra = await api.call("POST", keysUrl("acme-bank"), {
      publicKey: newPublicKey(),
      keyId: "acme-bank.mine",
    });
    expectProblem(extra, 400, "request_invalid");
  });

  it("answers 404 participant_not_found for every key route of an unknown participant", async () => {
    const publicKey = newPublicKey();
    expectProblem(await addKey("nobody", publicKey), 404, "participant_not_found");
    expectProblem(await api.call("GET", keysUrl("nobody")), 404, "participant_not_found");
    expectProblem(await rotate("nobody", "nobody.k", publicKey), 404, "participant_not_found");
    expectProblem(await revoke("nobody", "nobody.k"), 404, "participant_not_found");
  });

  it("refuses new keys for a terminated participant, but still lets its keys be revoked", async () => {
    await createParticipant(api, "acme-bank");
    const first = await addedKey("acme-bank");
    const second = await addedKey("acme-bank");
    const terminate = await api.callApproved("POST", "/operator/v1/participants/acme-bank/status", {
      status: "terminated",
    });
    expect(terminate.statusCode, terminate.body).toBe(200);
    expectProblem(await addKey("acme-bank", newPublicKey()), 409, "participant_terminated");
    expectProblem(
      await rotate("acme-bank", first.keyId, newPublicKey()),
      409,
      "participant_terminated",
    );
    expect((await revoke("acme-bank", second.keyId)).statusCode).toBe(200);
  });

  it("rotates: a new active key, the old one revoked, in one step", async () => {
    await createParticipant(api, "acme-bank");
    const old = await addedKey("acme-bank");
    const publicKey = newPublicKey();
    const response = await rotate("acme-bank", old.keyId, publicKey);
    expect(response.statusCode, response.body).toBe(201);
    const rotated = response.json() as KeyBody;
    expect(rotated).toMatchObject({ publicKey, status: "active", revokedAt: null });
    expect(rotated.keyId).not.toBe(old.keyId);
    expect(await listKeys("acme-bank")).toEqual([
      { ...old, status: "revoked", revokedAt: rotated.createdAt },
      rotated,
    ]);
  });

  it("rotates at the active-key limit, since the count does not change", async () => {
    await createParticipant(api, "acme-bank");
    const keys: KeyBody[] = [];
    for (let index = 0; index < activeKeysPerParticipantMax; index++) {
      keys.push(await addedKey("acme-bank"));
    }
    const response = await rotate("acme-bank", (keys[0] as KeyBody).keyId, newPublicKey());
    expect(response.statusCode, response.body).toBe(201);
  });

  it("refuses a rotation that cannot complete and changes nothing", async () => {
    await createParticipant(api, "acme-bank");
    await createParticipant(api, "other-bank");
    const active = await addedKey("acme-bank");
    const revoked = await addedKey("acme-bank");
    expect((await revoke("acme-bank", revoked.keyId)).statusCode).toBe(200);
    const others = await addedKey("other-bank");
    const before = await listKeys("acme-bank");
    const publicKey = newPublicKey();
    expectProblem(await rotate("acme-bank", "acme-bank.unknown", publicKey), 404, "key_not_found");
    expectProblem(await rotate("acme-bank", others.keyId, publicKey), 404, "key_not_found");
    expectProblem(await rotate("acme-bank", revoked.keyId, publicKey), 409, "key_already_revoked");
    expectProblem(await rotate("acme-bank", active.keyId, offCurveKey), 422, "public_key_invalid");
    expect(await listKeys("acme-bank")).toEqual(before);
  });

  it("revokes a key once; a second revocation answers 409 key_already_revoked", async () => {
    await createParticipant(api, "acme-bank");
    const key = await addedKey("acme-bank");
    const response = await revoke("acme-bank", key.keyId);
    expect(response.statusCode, response.body).toBe(200);
    const revoked = response.json() as KeyBody;
    expect(revoked).toEqual({ ...key, status: "revoked", revokedAt: expect.any(String) });
    expect(await listKeys("acme-bank")).toEqual([revoked]);
    expectProblem(await revoke("acme-bank", key.keyId), 409, "key_already_revoked");
  });

  it("answers 404 key_not_found for an unknown key or another participant's key", async () => {
    await createParticipant(api, "acme-bank");
    await createParticipant(api, "other-bank");
    const others = await addedKey("other-bank");
    expectProblem(await revoke("acme-bank", "acme-bank.unknown"), 404, "key_not_found");
    expectProblem(await revoke("acme-bank", others.keyId), 404, "key_not_found");
    expect((await listKeys("other-bank"))[0]?.status).toBe("active");
  });

  it("requires the operator token", async () => {
    await createParticipant(api, "acme-bank");
    const response = await api.app.inject({
      method: "POST",
      url: keysUrl("acme-bank"),
      payload: { publicKey: newPublicKey() },
    });
    expectProblem(response, 401, "credentials_missing");
  });

  it("documents the key routes and their problems in the OpenAPI document", async () => {
    const response = await api.app.inject({ method: "GET", url: "/openapi.json" });
    const document = response.json() as {
      components: { securitySchemes: Record<string, { description: string }> };
      paths: Record<
        string,
        Record<string, { responses: Record<string, { description?: string }> }>
      >;
    };
    const add = document.paths["/operator/v1/participants/{participantId}/keys"]?.post;
    expect(add?.responses["201"]).toBeDefined();
    expect(add?.responses["409"]?.description).toContain("active_keys_exhausted");
    expect(add?.responses["422"]?.description).toContain("public_key_invalid");
    expect(document.paths["/operator/v1/participants/{participantId}/keys"]?.get).toBeDefined();
    const rotation =
      document.paths["/operator/v1/participants/{participantId}/keys/{keyId}/rotate"]?.post;
    expect(rotation?.responses["404"]?.description).toContain("key_not_found");
    const revocation =
      document.paths["/operator/v1/participants/{participantId}/keys/{keyId}/revoke"]?.post;
    expect(revocation?.responses["409"]?.description).toContain("key_already_revoked");
    for (const code of ["nonce_replayed", "signature_invalid", "digest_mismatch", "key_revoked"]) {
      expect(document.components.securitySchemes.participantSignature?.description).toContain(
        `\`${code}\``,
      );
    }
  });
});
