import {
  type Dictionary,
  type InnerList,
  isInnerList,
  parseDictionary,
  serializeDictionary,
} from "structured-headers";
import { fieldValue, type HeaderFields } from "./header-fields.ts";

/**
 * Both headers are dictionaries that may carry several signatures (a proxy may add its own);
 * a few kilobytes hold many. Longer headers are refused before parsing.
 */
export const signatureInputHeaderBytesMax = 4096;
export const signatureHeaderBytesMax = 4096;
export const signatureLabelDefault = "sig1";
const ed25519SignatureBytes = 64;

/** The one signature the hub verifies: its label, its Signature-Input member and its bytes. */
export interface SignatureFields {
  readonly label: string;
  readonly input: InnerList;
  readonly signature: Buffer;
}

export type SignatureFieldsRead =
  | { ok: true; fields: SignatureFields }
  | { ok: false; code: "signature_missing" | "signature_malformed" };

function parseBounded(text: string, bytesMax: number): Dictionary | undefined {
  if (Buffer.byteLength(text) > bytesMax) return undefined;
  try {
    return parseDictionary(text);
  } catch {
    return undefined;
  }
}

/**
 * The signature under `label`, or under the first Signature-Input label when none is given.
 * Only one signature is verified: checking every label would let a sender multiply the work.
 */
export function readSignatureFields(headers: HeaderFields, label?: string): SignatureFieldsRead {
  const inputText = fieldValue(headers, "signature-input");
  const signatureText = fieldValue(headers, "signature");
  if (inputText === undefined || signatureText === undefined) {
    return { ok: false, code: "signature_missing" };
  }
  const inputs = parseBounded(inputText, signatureInputHeaderBytesMax);
  const signatures = parseBounded(signatureText, signatureHeaderBytesMax);
  if (inputs === undefined || signatures === undefined) {
    return { ok: false, code: "signature_malformed" };
  }
  const chosen = label ?? inputs.keys().next().value;
  const input = chosen === undefined ? undefined : inputs.get(chosen);
  const signature = chosen === undefined ? undefined : signatures.get(chosen);
  if (chosen === undefined || input === undefined || signature === undefined) {
    return { ok: false, code: "signature_missing" };
  }
  if (!isInnerList(input) || isInnerList(signature)) {
    return { ok: false, code: "signature_malformed" };
  }
  // RFC 8941 parsers ignore base64 pad bits, so a signature has several spellings; that is
  // harmless because replays are caught by the nonce, never by the signature text.
  const bytes = signature[0];
  if (!(bytes instanceof ArrayBuffer) || bytes.byteLength !== ed25519SignatureBytes) {
    return { ok: false, code: "signature_malformed" };
  }
  return { ok: true, fields: { label: chosen, input, signature: Buffer.from(bytes) } };
}

/** The Signature-Input and Signature header values carrying one signature under `label`. */
export function writeSignatureFields(
  label: string,
  input: InnerList,
  signature: Uint8Array,
): { "signature-input": string; signature: string } {
  return {
    "signature-input": serializeDictionary(new Map([[label, input]])),
    signature: serializeDictionary(new Map([[label, [signature, new Map()]]])),
  };
}
