import { createHash } from "node:crypto";
import { parseDictionary } from "structured-headers";

/** The raw body bytes; a string is taken as its UTF-8 encoding. */
export type MessageBody = Uint8Array | string;

/** A sha-256 Content-Digest is about 60 bytes; a longer header is refused before parsing. */
export const contentDigestHeaderBytesMax = 1024;
const sha256DigestBytes = 32;

/**
 * Every way a Content-Digest header can fail to vouch for a body. The hub accepts only sha-256
 * (RFC 9530): the signature covers the header, so a weaker algorithm would weaken the signature.
 */
export const contentDigestFailureCodes = {
  digest_missing: { meaning: "The message has no Content-Digest header." },
  digest_malformed: {
    meaning: `The Content-Digest is longer than ${contentDigestHeaderBytesMax} bytes, is not an RFC 8941 dictionary, or its sha-256 member is not a 32-byte byte sequence.`,
  },
  digest_algorithm_unsupported: { meaning: "The Content-Digest has no sha-256 member." },
  digest_mismatch: { meaning: "The sha-256 digest differs from the digest of the body." },
} as const satisfies Record<string, { meaning: string }>;

export type ContentDigestFailureCode = keyof typeof contentDigestFailureCodes;

export type ContentDigestCheck = { ok: true } | { ok: false; code: ContentDigestFailureCode };

function sha256(body: MessageBody): Buffer {
  return createHash("sha256").update(body).digest();
}

/** The Content-Digest header value for `body`; an absent body digests as the empty one. */
export function computeContentDigest(body: MessageBody = ""): string {
  return `sha-256=:${sha256(body).toString("base64")}:`;
}

/** The sha-256 member's bytes, undefined when absent, or "malformed". */
function declaredSha256(header: string): Buffer | undefined | "malformed" {
  if (Buffer.byteLength(header) > contentDigestHeaderBytesMax) return "malformed";
  let members: ReturnType<typeof parseDictionary>;
  try {
    members = parseDictionary(header);
  } catch {
    return "malformed";
  }
  if (members.size === 0) return "malformed";
  const member = members.get("sha-256");
  if (member === undefined) return undefined;
  const value = member[0];
  if (!(value instanceof ArrayBuffer) || value.byteLength !== sha256DigestBytes) return "malformed";
  return Buffer.from(value);
}

/**
 * Whether `header` vouches for `body`. Members of other algorithms are ignored (RFC 9530 lets a
 * recipient skip algorithms it does not support), but a sha-256 member must be there.
 */
export function verifyContentDigest(
  header: string | undefined,
  body: MessageBody = "",
): ContentDigestCheck {
  if (header === undefined) return { ok: false, code: "digest_missing" };
  const declared = declaredSha256(header);
  if (declared === "malformed") return { ok: false, code: "digest_malformed" };
  if (declared === undefined) return { ok: false, code: "digest_algorithm_unsupported" };
  return declared.equals(sha256(body)) ? { ok: true } : { ok: false, code: "digest_mismatch" };
}
