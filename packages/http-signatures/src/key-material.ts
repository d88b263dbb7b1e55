import { createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";

/** An Ed25519 public key as a JWK (RFC 8037). */
export interface Ed25519PublicJwk {
  readonly kty: "OKP";
  readonly crv: "Ed25519";
  readonly x: string;
}

export interface SigningKeyPair {
  readonly publicKey: KeyObject;
  readonly privateKey: KeyObject;
}

export const publicKeyImportFailureCodes = {
  public_key_malformed: {
    meaning:
      "The key is not 32 bytes of unpadded base64url, nor a JWK with kty OKP, crv Ed25519 and such an x.",
  },
  public_key_private_part_present: {
    meaning:
      "The JWK holds a private key (d); it was refused and not stored, and the key pair should be replaced.",
  },
} as const satisfies Record<string, { meaning: string }>;

export type PublicKeyImportFailureCode = keyof typeof publicKeyImportFailureCodes;

export type PublicKeyImport =
  | { ok: true; publicKey: KeyObject }
  | { ok: false; code: PublicKeyImportFailureCode };

/** 32 bytes are 43 base64url characters without padding. */
const rawPublicKeyFormat = /^[A-Za-z0-9_-]{43}$/;
const rawPublicKeyBytes = 32;

/**
 * Imports a raw Ed25519 public key in unpadded base64url, the form a participant registers.
 * Only the canonical encoding is accepted, so one key has one spelling in the store.
 */
export function importPublicKeyRaw(base64url: string): PublicKeyImport {
  if (!rawPublicKeyFormat.test(base64url)) return { ok: false, code: "public_key_malformed" };
  const bytes = Buffer.from(base64url, "base64url");
  if (bytes.length !== rawPublicKeyBytes || bytes.toString("base64url") !== base64url) {
    return { ok: false, code: "public_key_malformed" };
  }
  const jwk: Ed25519PublicJwk = { kty: "OKP", crv: "Ed25519", x: base64url };
  return { ok: true, publicKey: createPublicKey({ key: { ...jwk }, format: "jwk" }) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Imports an Ed25519 public JWK; other members (kid, use, alg) are ignored. */
export function importPublicKeyJwk(jwk: unknown): PublicKeyImport {
  if (!isRecord(jwk) || jwk.kty !== "OKP" || jwk.crv !== "Ed25519") {
    return { ok: false, code: "public_key_malformed" };
  }
  if ("d" in jwk) return { ok: false, code: "public_key_private_part_present" };
  return typeof jwk.x === "string"
    ? importPublicKeyRaw(jwk.x)
    : { ok: false, code: "public_key_malformed" };
}

/** The public JWK of an Ed25519 key; a private key gives its public half. */
export function exportPublicKeyJwk(key: KeyObject): Ed25519PublicJwk {
  const publicKey = key.type === "private" ? createPublicKey(key) : key;
  if (publicKey.asymmetricKeyType !== "ed25519") throw new Error("not an Ed25519 key");
  const { x } = publicKey.export({ format: "jwk" });
  if (x === undefined) throw new Error("Ed25519 JWK export lacks x");
  return { kty: "OKP", crv: "Ed25519", x };
}

/** The raw public key in unpadded base64url, the inverse of importPublicKeyRaw. */
export function exportPublicKeyRaw(key: KeyObject): string {
  return exportPublicKeyJwk(key).x;
}

export function generateSigningKeyPair(): SigningKeyPair {
  return generateKeyPairSync("ed25519");
}
