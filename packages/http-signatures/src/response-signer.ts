import { sign } from "node:crypto";
import type { InnerList } from "structured-headers";
import { computeContentDigest, type MessageBody } from "./content-digest.ts";
import { withoutField } from "./header-fields.ts";
import type { SignatureHeaders, SignOptions } from "./message-signer.ts";
import {
  buildResponseSignatureBase,
  type ResponseComponent,
  type ResponseDescription,
  responseComponentsToItems,
} from "./response-signature-base.ts";
import type { RequestDescription } from "./signature-base.ts";
import { signatureLabelDefault, writeSignatureFields } from "./signature-fields.ts";
import { generateNonce } from "./signature-nonce.ts";
import { readSignatureParameters, signatureParametersToMap } from "./signature-params.ts";

export interface ResponseToSign extends ResponseDescription {
  /** Absent for a response without a body; its digest is then that of the empty body. */
  readonly body?: MessageBody;
}

/**
 * What a response signature covers unless told otherwise: the status and the body's digest,
 * and, from the request it answers, the method, the target and the request's own
 * Signature-Input, whose nonce makes the binding unique to that one request.
 */
export const responseSignedComponentsDefault: readonly ResponseComponent[] = [
  { name: "@status" },
  { name: "content-digest" },
  { name: "@method", fromRequest: true },
  { name: "@target-uri", fromRequest: true },
  { name: "signature-input", fromRequest: true },
];

export interface ResponseSignOptions extends Omit<SignOptions, "components"> {
  readonly components?: readonly ResponseComponent[];
}

/**
 * Signs `response` (RFC 9421 §2.4) with Ed25519, covering a Content-Digest (RFC 9530) of its
 * body and the components of `request` the options name. As with requests, a response that
 * cannot be signed (a covered component missing, a non-Ed25519 key) is a bug in the caller.
 */
export function signResponse(
  response: ResponseToSign,
  request: RequestDescription,
  options: ResponseSignOptions,
): SignatureHeaders {
  if (options.privateKey.asymmetricKeyType !== "ed25519" || options.privateKey.type !== "private") {
    throw new Error("signResponse needs an Ed25519 private key");
  }
  const contentDigest = computeContentDigest(response.body);
  const headers = {
    ...withoutField(response.headers, "content-digest"),
    "content-digest": contentDigest,
  };
  const parameters = signatureParametersToMap({
    createdSeconds: options.createdSeconds ?? Math.floor(Date.now() / 1000),
    ...(options.expiresSeconds === undefined ? {} : { expiresSeconds: options.expiresSeconds }),
    keyId: options.keyId,
    nonce: options.nonce ?? generateNonce(),
  });
  if (readSignatureParameters(parameters) === undefined) {
    throw new Error("signResponse: keyid or nonce would be refused by the verifier");
  }
  const components = options.components ?? responseSignedComponentsDefault;
  const input: InnerList = [responseComponentsToItems(components), parameters];
  const base = buildResponseSignatureBase({ status: response.status, headers }, request, input);
  if (!base.ok) throw new Error(`signResponse: ${base.code} (${base.component ?? "components"})`);
  const signature = sign(null, Buffer.from(base.base, "ascii"), options.privateKey);
  const label = options.label ?? signatureLabelDefault;
  return { "content-digest": contentDigest, ...writeSignatureFields(label, input, signature) };
}
