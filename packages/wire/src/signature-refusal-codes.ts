import type { SignatureFailureCode } from "@clearhub/http-signatures";

/** A refusal of a request that failed its signature check: always 401. */
export interface SignatureRefusal {
  readonly status: 401;
  readonly meaning: string;
}

/**
 * The refusals a participant's system (a bank, a biller) answers to a request of the hub whose
 * signature fails, one per failure code of the signature library, in the words of the system
 * that checks the hub's signature: every interface names them alike. The `satisfies` clause
 * keeps the list complete when the library adds a code.
 */
export const signatureRefusalCodes = {
  signature_missing: { status: 401, meaning: "The request carries no signature." },
  signature_malformed: {
    status: 401,
    meaning: "The Signature or Signature-Input header cannot be read.",
  },
  signature_components_insufficient: {
    status: 401,
    meaning: "The signature does not cover the method, the target URI and the Content-Digest.",
  },
  signature_created_out_of_window: {
    status: 401,
    meaning: "The signature's created time is too far from the receiver's clock.",
  },
  key_unknown: { status: 401, meaning: "The hub's key set holds no key with this keyid." },
  key_revoked: { status: 401, meaning: "The key with this keyid is no longer trusted." },
  digest_mismatch: { status: 401, meaning: "The body does not match its Content-Digest." },
  signature_invalid: { status: 401, meaning: "The signature does not verify." },
  nonce_replayed: { status: 401, meaning: "The signature's nonce was used before." },
} as const satisfies Record<SignatureFailureCode, SignatureRefusal>;
