import type { FieldOpenError } from "../../app/ports/field-sealer.ts";
import { dataKeyIdPattern } from "./data-key-ring.ts";

/**
 * The text form of a sealed field: `v1.<keyId>.<iv>.<ciphertext and tag>`, both binary parts
 * unpadded base64url. It names its own format version and key, so any hub holding the key can
 * open it and a later format can be told apart; it uses only characters safe in any column,
 * URL or log line.
 */
export interface SealedField {
  readonly keyId: string;
  /** The AES-GCM nonce: 96 random bits, fresh for every seal. */
  readonly iv: Buffer;
  /** The ciphertext followed by the 128-bit authentication tag. */
  readonly body: Buffer;
}

export type SealedFieldDecodeResult =
  | { readonly ok: true; readonly field: SealedField }
  | {
      readonly ok: false;
      readonly code: Extract<FieldOpenError, "sealed_malformed" | "version_unsupported">;
    };

export const sealedFormatVersion = "v1";
export const sealedIvBytes = 12;
export const sealedTagBytes = 16;
/** Sealed fields are card numbers and party details, far below this; longer text is refused unread. */
export const sealedTextLengthMax = 64 * 1024;

const separator = ".";
const versionPattern = /^v[0-9]{1,4}$/;
const base64urlPattern = /^[A-Za-z0-9_-]*$/;

/** `v1.<keyId>.`: what precedes the binary parts, and what the AES-GCM tag also covers. */
export function sealedFieldHeader(keyId: string): string {
  return `${sealedFormatVersion}${separator}${keyId}${separator}`;
}

export function encodeSealedField(field: SealedField): string {
  return `${sealedFieldHeader(field.keyId)}${field.iv.toString("base64url")}${separator}${field.body.toString("base64url")}`;
}

export function decodeSealedField(text: string): SealedFieldDecodeResult {
  if (text.length > sealedTextLengthMax) return { ok: false, code: "sealed_malformed" };
  const parts = text.split(separator);
  const [version, keyId, ivText, bodyText] = parts;
  if (version !== sealedFormatVersion) {
    const newer = version !== undefined && versionPattern.test(version);
    return { ok: false, code: newer ? "version_unsupported" : "sealed_malformed" };
  }
  if (parts.length !== 4 || keyId === undefined || !dataKeyIdPattern.test(keyId)) {
    return { ok: false, code: "sealed_malformed" };
  }
  const iv = strictBase64url(ivText ?? "");
  const body = strictBase64url(bodyText ?? "");
  if (iv?.length !== sealedIvBytes || body === undefined || body.length < sealedTagBytes) {
    return { ok: false, code: "sealed_malformed" };
  }
  return { ok: true, field: { keyId, iv, body } };
}

/**
 * Node's decoder skips characters outside the alphabet and ignores stray bits; accepting only
 * text that encodes back to itself gives every sealed value exactly one spelling.
 */
function strictBase64url(text: string): Buffer | undefined {
  if (!base64urlPattern.test(text)) return undefined;
  const bytes = Buffer.from(text, "base64url");
  return bytes.toString("base64url") === text ? bytes : undefined;
}
