import type { BareItem, InnerList, Item } from "structured-headers";
import { isNonceWellFormed } from "./signature-nonce.ts";

/** The only algorithm the hub signs and verifies with (RFC 9421 §3.3.6). */
export const signatureAlgorithm = "ed25519";
/** Limits on what a signer may declare, so a verifier's work stays small and bounded. */
export const keyIdLengthMax = 256;
export const coveredComponentsCountMax = 32;

/**
 * The parameters of one signature (RFC 9421 §2.3) as the hub requires them: `created`, `keyid`
 * and `nonce` always, `expires` and `alg` when the signer chose to send them.
 */
export interface SignatureParams {
  readonly components: readonly string[];
  readonly createdSeconds: number;
  readonly expiresSeconds?: number;
  readonly keyId: string;
  readonly nonce: string;
  readonly alg?: typeof signatureAlgorithm;
}

/** The parameters alone, without the components: what request and response signatures share. */
export type SignatureParameters = Omit<SignatureParams, "components">;

/** The parameters of a Signature-Input member, in the order the hub writes them. */
export function signatureParametersToMap(params: SignatureParameters): Map<string, BareItem> {
  const parameters = new Map<string, BareItem>([["created", params.createdSeconds]]);
  if (params.expiresSeconds !== undefined) parameters.set("expires", params.expiresSeconds);
  parameters.set("keyid", params.keyId);
  parameters.set("nonce", params.nonce);
  if (params.alg !== undefined) parameters.set("alg", params.alg);
  return parameters;
}

/** A Signature-Input member: the covered components and the signature's parameters. */
export function signatureParamsToInnerList(params: SignatureParams): InnerList {
  const items: Item[] = params.components.map((component) => [component, new Map()]);
  return [items, signatureParametersToMap(params)];
}

/**
 * The covered component identifiers, or undefined unless every one is a plain string without
 * parameters, none repeats, and there are at most `coveredComponentsCountMax`. Component
 * parameters (`;sf`, `;key`, `;bs`, `;req`, `;name`) are not supported by the hub.
 */
export function coveredComponents(input: InnerList): string[] | undefined {
  const [items] = input;
  if (items.length > coveredComponentsCountMax) return undefined;
  const components: string[] = [];
  for (const [value, itemParams] of items) {
    if (typeof value !== "string" || itemParams.size > 0 || components.includes(value)) {
      return undefined;
    }
    components.push(value);
  }
  return components;
}

function isWholeSeconds(value: BareItem | undefined): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

function isKeyIdWellFormed(value: BareItem | undefined): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= keyIdLengthMax;
}

/**
 * The hub's reading of a member's parameters, or undefined when a required one is missing or
 * ill-typed, or `alg` names another algorithm. Parameters the hub does not know (such as `tag`)
 * are allowed: the signature covers them all the same.
 */
export function readSignatureParameters(parameters: InnerList[1]): SignatureParameters | undefined {
  const created = parameters.get("created");
  const expires = parameters.get("expires");
  const keyId = parameters.get("keyid");
  const nonce = parameters.get("nonce");
  const alg = parameters.get("alg");
  if (!isWholeSeconds(created) || !isKeyIdWellFormed(keyId)) return undefined;
  if (typeof nonce !== "string" || !isNonceWellFormed(nonce)) return undefined;
  if (expires !== undefined && !isWholeSeconds(expires)) return undefined;
  if (alg !== undefined && alg !== signatureAlgorithm) return undefined;
  return {
    createdSeconds: created,
    keyId,
    nonce,
    ...(expires === undefined ? {} : { expiresSeconds: expires }),
    ...(alg === undefined ? {} : { alg }),
  };
}

/**
 * The hub's reading of a request's Signature-Input member, or undefined when a component is
 * not a plain one (see coveredComponents) or a parameter is refused (see
 * readSignatureParameters).
 */
export function readSignatureParams(input: InnerList): SignatureParams | undefined {
  const components = coveredComponents(input);
  const parameters = readSignatureParameters(input[1]);
  if (components === undefined || parameters === undefined) return undefined;
  return { components, ...parameters };
}
