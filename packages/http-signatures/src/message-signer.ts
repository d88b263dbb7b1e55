import { type KeyObject, sign } from "node:crypto";
import { computeContentDigest, type MessageBody } from "./content-digest.ts";
import { withoutField } from "./header-fields.ts";
import { buildSignatureBase, type RequestDescription } from "./signature-base.ts";
import { signatureLabelDefault, writeSignatureFields } from "./signature-fields.ts";
import { generateNonce } from "./signature-nonce.ts";
import {
  readSignatureParams,
  type SignatureParams,
  signatureParamsToInnerList,
} from "./signature-params.ts";

export interface RequestToSign extends RequestDescription {
  /** Absent for a request without a body; its digest is then that of the empty body. */
  readonly body?: MessageBody;
}

/** The components the hub requires; a signer may add more (such as content-type). */
export const signedComponentsDefault = ["@method", "@target-uri", "content-digest"] as const;

/**
 * What the hub's webhook signatures cover: the components the hub requires of participants,
 * and the headers naming the event, so a captured request cannot be replayed under another
 * event's id or type. Receivers require every one of them.
 */
export const webhookSignedComponents = [
  ...signedComponentsDefault,
  "content-type",
  "webhook-id",
  "webhook-event",
] as const;

export interface SignOptions {
  readonly keyId: string;
  /** An Ed25519 private key. */
  readonly privateKey: KeyObject;
  readonly label?: string;
  /** Defaults to the current time; tests pass a fixed one. */
  readonly createdSeconds?: number;
  readonly expiresSeconds?: number;
  /** Defaults to a fresh random nonce; never reuse one. */
  readonly nonce?: string;
  readonly components?: readonly string[];
}

/** The header fields to add to the request, replacing any of the same name. */
export interface SignatureHeaders {
  readonly "content-digest": string;
  readonly "signature-input": string;
  readonly signature: string;
}

function paramsFor(options: SignOptions): SignatureParams {
  return {
    components: options.components ?? signedComponentsDefault,
    createdSeconds: options.createdSeconds ?? Math.floor(Date.now() / 1000),
    ...(options.expiresSeconds === undefined ? {} : { expiresSeconds: options.expiresSeconds }),
    keyId: options.keyId,
    nonce: options.nonce ?? generateNonce(),
  };
}

/**
 * Signs `request` (RFC 9421) with Ed25519, covering a Content-Digest (RFC 9530) of its body.
 * A request that cannot be signed (a covered header missing, a non-Ed25519 key, a parameter the
 * verifier would refuse) is a bug in the caller, so this throws rather than returning a code.
 */
export function signRequest(request: RequestToSign, options: SignOptions): SignatureHeaders {
  if (options.privateKey.asymmetricKeyType !== "ed25519" || options.privateKey.type !== "private") {
    throw new Error("signRequest needs an Ed25519 private key");
  }
  const contentDigest = computeContentDigest(request.body);
  const headers = {
    ...withoutField(request.headers, "content-digest"),
    "content-digest": contentDigest,
  };
  const input = signatureParamsToInnerList(paramsFor(options));
  // Read back as the verifier will, so a signature the hub would refuse is never sent.
  if (readSignatureParams(input) === undefined) {
    throw new Error("signRequest: keyid, nonce or a component would be refused by the verifier");
  }
  const base = buildSignatureBase({ method: request.method, url: request.url, headers }, input);
  if (!base.ok) throw new Error(`signRequest: ${base.code} (${base.component ?? "components"})`);
  const signature = sign(null, Buffer.from(base.base, "ascii"), options.privateKey);
  const label = options.label ?? signatureLabelDefault;
  return { "content-digest": contentDigest, ...writeSignatureFields(label, input, signature) };
}
