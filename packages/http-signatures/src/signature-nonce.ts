import { randomBytes } from "node:crypto";

/**
 * A nonce makes each signed request single-use: the hub remembers it for the acceptance window.
 * The lower bound keeps guessable nonces out; the upper bound caps what the nonce cache stores.
 * The base64url alphabet needs no escaping in a structured-field string, a log line or a key.
 */
export const nonceLengthMin = 16;
export const nonceLengthMax = 128;
const nonceFormat = new RegExp(`^[A-Za-z0-9_-]{${nonceLengthMin},${nonceLengthMax}}$`);

/** 144 random bits: collisions between honest requests are out of reach. */
const generatedNonceRandomBytes = 18;

export function isNonceWellFormed(nonce: string): boolean {
  return nonceFormat.test(nonce);
}

export function generateNonce(): string {
  return randomBytes(generatedNonceRandomBytes).toString("base64url");
}
