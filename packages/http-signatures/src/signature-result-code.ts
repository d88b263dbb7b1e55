import { contentDigestHeaderBytesMax } from "./content-digest.ts";
import { nonceLengthMax, nonceLengthMin } from "./signature-nonce.ts";

/**
 * Every way a signed request can fail verification, in order of precedence: when several apply,
 * the verifier returns the first. The set is closed; callers switch on it. None is transient:
 * the same request sent again fails the same way (or as `nonce_replayed`), so a client must sign
 * afresh, not retry.
 */
export const signatureFailureCodes = {
  signature_missing: {
    meaning:
      "The request has no Signature or no Signature-Input header, or neither carries the label the hub verifies.",
  },
  signature_malformed: {
    meaning: `The Signature or Signature-Input header is too long or not an RFC 8941 dictionary; the signature is not 64 bytes; a parameter among created, keyid and nonce (${nonceLengthMin}..${nonceLengthMax} characters of A-Z a-z 0-9 _ -) is missing or ill-typed; alg names another algorithm than ed25519; or a covered component is unsupported, absent from the request or not US-ASCII.`,
  },
  signature_components_insufficient: {
    meaning:
      "The signature does not cover @method, the target (either @target-uri, or @authority with @path and @query) and content-digest.",
  },
  signature_created_out_of_window: {
    meaning:
      "The created time is further from the hub's clock than the allowed skew, or the expires time has passed.",
  },
  key_unknown: { meaning: "No key with this keyid is registered." },
  key_revoked: { meaning: "The key with this keyid has been revoked." },
  digest_mismatch: {
    meaning: `The body does not match the Content-Digest, or the Content-Digest is longer than ${contentDigestHeaderBytesMax} bytes, malformed or lacks a sha-256 member.`,
  },
  signature_invalid: { meaning: "The signature does not verify with the registered key." },
  nonce_replayed: {
    meaning: "The signature is valid but its nonce was already used with this key.",
  },
} as const satisfies Record<string, { meaning: string }>;

export type SignatureFailureCode = keyof typeof signatureFailureCodes;
