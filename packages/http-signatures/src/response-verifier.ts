import { type KeyObject, verify } from "node:crypto";
import { type MessageBody, verifyContentDigest } from "./content-digest.ts";
import { fieldValue } from "./header-fields.ts";
import { createdSkewMsDefault, type SignatureKey } from "./message-verifier.ts";
import {
  buildResponseSignatureBase,
  type ResponseComponent,
  type ResponseDescription,
  readResponseComponents,
} from "./response-signature-base.ts";
import type { RequestDescription } from "./signature-base.ts";
import { readSignatureFields } from "./signature-fields.ts";
import { readSignatureParameters, type SignatureParameters } from "./signature-params.ts";
import type { SignatureFailureCode } from "./signature-result-code.ts";

export interface SignedResponse extends ResponseDescription {
  /** The raw body bytes as received, before any parsing; absent or empty for no body. */
  readonly body?: MessageBody;
}

export interface ResponseVerifyOptions {
  readonly findKey: (keyId: string) => Promise<SignatureKey | undefined>;
  /** The label to verify; by default the first one in Signature-Input. */
  readonly label?: string;
  readonly createdSkewMsMax?: number;
  readonly clock?: () => number;
}

/** A response verification fails with one of the request codes; none is `nonce_replayed`. */
export type ResponseSignatureVerification =
  | { ok: true; keyId: string; createdSeconds: number }
  | { ok: false; code: Exclude<SignatureFailureCode, "nonce_replayed"> };

type ResponseFailure = Extract<ResponseSignatureVerification, { ok: false }>;

function failure(code: ResponseFailure["code"]): ResponseFailure {
  return { ok: false, code };
}

/**
 * Whether the signature pins the status, the body and the one request answered. The request's
 * Signature-Input carries that request's nonce, so covering it makes the answer good for that
 * request only: no nonce of the response needs to be remembered.
 */
function coversEnough(components: readonly ResponseComponent[]): boolean {
  const has = (name: string, fromRequest: boolean) =>
    components.some((c) => c.name === name && (c.fromRequest === true) === fromRequest);
  return has("@status", false) && has("content-digest", false) && has("signature-input", true);
}

function isInWindow(params: SignatureParameters, nowMs: number, skewMs: number): boolean {
  if (Math.abs(nowMs - params.createdSeconds * 1000) > skewMs) return false;
  return params.expiresSeconds === undefined || nowMs <= params.expiresSeconds * 1000;
}

interface CheckedSignature {
  readonly params: SignatureParameters;
  readonly base: string;
  readonly signature: Buffer;
}

/** The checks that need neither the key nor the body, cheapest first. */
function checkSignature(
  response: SignedResponse,
  request: RequestDescription,
  options: ResponseVerifyOptions,
): CheckedSignature | ResponseFailure {
  const read = readSignatureFields(response.headers, options.label);
  if (!read.ok) return failure(read.code);
  const components = readResponseComponents(read.fields.input);
  const params = readSignatureParameters(read.fields.input[1]);
  const base = buildResponseSignatureBase(response, request, read.fields.input);
  if (components === undefined || params === undefined || !base.ok) {
    return failure("signature_malformed");
  }
  if (!coversEnough(components)) return failure("signature_components_insufficient");
  const skewMs = options.createdSkewMsMax ?? createdSkewMsDefault;
  if (!isInWindow(params, (options.clock ?? Date.now)(), skewMs)) {
    return failure("signature_created_out_of_window");
  }
  return { params, base: base.base, signature: read.fields.signature };
}

/**
 * Given a callback, Node runs the check on libuv's thread pool: a hub waiting on many banks'
 * answers goes on with its other requests meanwhile, and a second core does the arithmetic.
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
 * Verifies the RFC 9421 signature of `response`, the answer to `request` (as it was sent,
 * signature headers included). Bad input of any kind yields a coded result; only a failure of
 * `findKey` rejects.
 */
export async function verifyResponse(
  response: SignedResponse,
  request: RequestDescription,
  options: ResponseVerifyOptions,
): Promise<ResponseSignatureVerification> {
  const checked = checkSignature(response, request, options);
  if ("ok" in checked) return checked;
  const { params, base, signature } = checked;
  const key = await options.findKey(params.keyId);
  if (key === undefined) return failure("key_unknown");
  if (key.status !== "active") return failure("key_revoked");
  const digest = verifyContentDigest(fieldValue(response.headers, "content-digest"), response.body);
  if (!digest.ok) return failure("digest_mismatch");
  if (!(await ed25519Verifies(base, signature, key.publicKey))) return failure("signature_invalid");
  return { ok: true, keyId: params.keyId, createdSeconds: params.createdSeconds };
}
