import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { generateSigningKeyPair } from "../src/key-material.ts";
import { type RequestToSign, type SignOptions, signRequest } from "../src/message-signer.ts";
import type { SignatureKey, SignedRequest, VerifyOptions } from "../src/message-verifier.ts";

/** RFC 9421 Appendix B.1.4, the key `test-key-ed25519`. */
export const rfcEd25519PrivateKey = createPrivateKey(
  [
    "-----BEGIN PRIVATE KEY-----",
    "MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF",
    "-----END PRIVATE KEY-----",
  ].join("\n"),
);
export const rfcEd25519PublicKey = createPublicKey(
  [
    "-----BEGIN PUBLIC KEY-----",
    "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=",
    "-----END PUBLIC KEY-----",
  ].join("\n"),
);

export const nowSeconds = 1_750_000_000;
export const keyId = "pi-alpha-2025";
export const nonce = "n0nce-for-tests-0001";

const participantKeys = generateSigningKeyPair();
export const participantPrivateKey: KeyObject = participantKeys.privateKey;

export const baseRequest: RequestToSign = {
  method: "POST",
  url: "https://hub.example/v1/transfers?batch=7&dry=false",
  headers: { "content-type": "application/json", host: "hub.example" },
  body: '{"id":"t-1","amount":"12.50","currency":"EUR"}',
};

export function signOptions(overrides: Partial<SignOptions> = {}): SignOptions {
  return {
    keyId,
    privateKey: participantPrivateKey,
    createdSeconds: nowSeconds,
    nonce,
    ...overrides,
  };
}

/** `request` with the signature headers added, as it would reach the hub. */
export function signed(
  request: RequestToSign = baseRequest,
  overrides: Partial<SignOptions> = {},
): SignedRequest {
  const headers = signRequest(request, signOptions(overrides));
  return { ...request, headers: { ...request.headers, ...headers } };
}

/** A key store and nonce cache in memory, recording how the verifier used them. */
export function verifierHarness(keys: Record<string, SignatureKey> = {}) {
  const seenNonces = new Set<string>();
  const nonceCalls: Array<{ keyId: string; nonce: string; expiresAtMs: number }> = [];
  const allKeys: Record<string, SignatureKey> = {
    [keyId]: { status: "active", publicKey: createPublicKey(participantPrivateKey) },
    ...keys,
  };
  const options: VerifyOptions = {
    findKey: async (id) => allKeys[id],
    rememberNonce: async (id, value, expiresAtMs) => {
      nonceCalls.push({ keyId: id, nonce: value, expiresAtMs });
      const slot = `${id}\u0000${value}`;
      if (seenNonces.has(slot)) return false;
      seenNonces.add(slot);
      return true;
    },
    clock: () => nowSeconds * 1000,
  };
  return { options, nonceCalls };
}
