import { type KeyObject, verify } from "node:crypto";
import { type MessageBody, verifyContentDigest } from "./content-digest.ts";
import { fieldValue } from "./header-fields.ts";
import { buildSignatureBase, type RequestDescription } from "./signature-base.ts";
import { readSignatureFields } from "./signature-fields.ts";
import { readSignatureParams, type SignatureParams } from "./signature-params.ts";
import type { SignatureFailureCode } from "./signature-result-code.ts";

/** Five minutes either way absorbs ordinary clock drift without keeping nonces long. */
export const createdSkewMsDefault = 5 * 60 * 1000;

export interface SignedRequest extends RequestDescription {
  /** The raw body bytes as received, before any parsing; absent or empty for no body. */
  readonly body?: MessageBody;
}

/** A registered key as the key store returns it. */
export interface SignatureKey {
  readonly status: "active" | "revoked";
  /** An Ed25519 public key. */
  readonly publicKey: KeyObject;
}

export interface VerifyOptions {
  readonly findKey: (keyId: string) => Promise<SignatureKey | undefined>;
  /**
   * Records the nonce and answers true, or answers false if this key already used it. The store
   * must keep it until `expiresAtMs`; from then on the created-time window alone refuses it.
   */
  readonly rememberNonce: (keyId: string, nonce: string, expiresAtMs: number) => Promise<boolean>;
  /** The label to verify; by default the first one in Signature-Input. */
  readonly label?: string;
  readonly createdSkewMsMax?: number;
  readonly clock?: () => number;
}

export type SignatureVerification =
  | { ok: true; keyId: string; nonce: string; createdSeconds: number }
  | { ok: false; code: SignatureFailureCode };

interface CheckedSignature {
  readonly params: SignatureParams;
  readonly base: string;
  readonly signature: Buffer;
}

function failure(code: SignatureFailureCode): { ok: false; code: SignatureFailureCode } {
  return { ok: false, code };
}

/** Whether the signature pins the method, the whole target and the body. */
function coversEnough(components: readonly string[]): boolean {
  const has = (component: string) => components.includes(component);
  const target = has("@target-uri") || (has("@authority") && has("@path") && has("@query"));
  return has("@method") && target && has("content-digest");
}

function isInWindow(params: SignatureParams, nowMs: number, skewMs: number): boolean {
  if (Math.abs(nowMs - params.createdSeconds * 1000) > skewMs) return false;
  return params.expiresSeconds === undefined || nowMs <= params.expiresSeconds * 1000;
}

/** The checks that need neither the key store nor the body, cheapest first. */
function checkSignature(
  request: SignedRequest,
  options: VerifyOptions,
  skewMs: number,
): CheckedSignature | { ok: false; code: SignatureFailureCode } {
  const read = readSignatureFields(request.headers, options.label);
  if (!read.ok) return read;
  const params = readSignatureParams(read.fields.input);
  const base = buildSignatureBase(request, read.fields.input);
  if (params === undefined || !base.ok) return failure("signature_malformed");
  if (!coversEnough(params.components)) return failure("signature_components_insufficient");
  if (!isInWindow(params, (options.clock ?? Date.now)(), skewMs)) {
    return failure("signature_created_out_of_window");
  }
  return { params, base: base.base, signature: read.fields.signature };
}

/**
 * Ed25519 verification costs about 0.1 ms of CPU, the largest single cost of a signed request.
 * Given a callback, Node runs it on libuv's thread pool, so the event loop goes on parsing
 * and answering other requests meanwhile and a second core does the arithmetic.
 */
function ed25519Verifies(base: string, signature: Buffer, publicKey: KeyObject): Promise<boolean> {
  if (publicKey.asymmetricKeyType !== "ed25519") return Promise.resolve(false);
  return new Promise((resolve) => {
    // A malformed signature answers false, as the synchronous form does; an error is a refusal too.
    verify(null, Buffer.from(base, "ascii"), publicKey, signature, (error, verified) => {
      resolve(error === null && verified);
    });
  });
}

/**
 * Verifies an RFC 9421 request signature under the hub's policy. Bad input of any kind yields a
 * coded result; only a failure of `findKey` or `rememberNonce` (a store being down) rejects.
 * The nonce is recorded only after the signature verified, so forged requests cannot use up
 * a participant's nonces.
 */
export async function verifyRequest(
  request: SignedRequest,
  options: VerifyOptions,
): Promise<SignatureVerification> {
  const skewMs = options.createdSkewMsMax ?? createdSkewMsDefault;
  const checked = checkSignature(request, options, skewMs);
  if ("ok" in checked) return checked;
  const { params, base, signature } = checked;
  const key = await options.findKey(params.keyId);
  if (key === undefined) return failure("key_unknown");
  if (key.status !== "active") return failure("key_revoked");
  const digest = verifyContentDigest(fieldValue(request.headers, "content-digest"), request.body);
  if (!digest.ok) return failure("digest_mismatch");
  if (!(await ed25519Verifies(base, signature, key.publicKey))) return failure("signature_invalid");
  // The window accepts up to createdMs + skew inclusive; the cache holds while now < expiry.
  const expiresAtMs = params.createdSeconds * 1000 + skewMs + 1;
  if (!(await options.rememberNonce(params.keyId, params.nonce, expiresAtMs))) {
    return failure("nonce_replayed");
  }
  return {
    ok: true,
    keyId: params.keyId,
    nonce: params.nonce,
    createdSeconds: params.createdSeconds,
  };
}
