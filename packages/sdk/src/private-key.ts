import { createPrivateKey, KeyObject } from "node:crypto";

/**
 * The participant's Ed25519 private key: a KeyObject, the PKCS#8 PEM that
 * `openssl genpkey -algorithm ed25519` writes, or the raw 32-byte seed.
 */
export type PrivateKeyInput = KeyObject | string | Uint8Array;

const ed25519SeedBytes = 32;
/** The DER of a PKCS#8 Ed25519 key up to its seed (RFC 8410): prefix + seed is the whole key. */
const pkcs8Ed25519SeedPrefix = Buffer.from("302e020100300506032b657004220420", "hex");

function keyFromInput(input: PrivateKeyInput): KeyObject {
  if (input instanceof KeyObject) return input;
  if (typeof input === "string") return createPrivateKey(input);
  if (input.length !== ed25519SeedBytes) {
    throw new TypeError(`a raw Ed25519 seed is ${ed25519SeedBytes} bytes, not ${input.length}`);
  }
  const der = Buffer.concat([pkcs8Ed25519SeedPrefix, input]);
  return createPrivateKey({ key: der, format: "der", type: "pkcs8" });
}

/** The key as a KeyObject; anything but an Ed25519 private key is refused at once. */
export function readPrivateKey(input: PrivateKeyInput): KeyObject {
  const key = keyFromInput(input);
  if (key.type !== "private" || key.asymmetricKeyType !== "ed25519") {
    throw new TypeError(
      "the hub verifies Ed25519 signatures: privateKey must be an Ed25519 private key",
    );
  }
  return key;
}
