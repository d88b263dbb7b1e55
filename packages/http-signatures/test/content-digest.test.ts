import { describe, expect, it } from "vitest";
import {
  type ContentDigestFailureCode,
  computeContentDigest,
  contentDigestHeaderBytesMax,
  verifyContentDigest,
} from "../src/content-digest.ts";

const body = '{"amount":"1.00"}';
const digest = computeContentDigest(body);
const emptyDigest = "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:";

describe("computeContentDigest", () => {
  it("gives the same digest for a string, a Buffer and a Uint8Array of the same bytes", () => {
    const bytes = new TextEncoder().encode(body);
    expect(computeContentDigest(Buffer.from(body))).toBe(digest);
    expect(computeContentDigest(bytes)).toBe(digest);
  });

  it("digests an absent body as the empty one", () => {
    expect(computeContentDigest()).toBe(emptyDigest);
    expect(computeContentDigest("")).toBe(emptyDigest);
  });
});

describe("verifyContentDigest", () => {
  it("accepts the digest of the body, also beside members of other algorithms", () => {
    expect(verifyContentDigest(digest, body)).toEqual({ ok: true });
    expect(verifyContentDigest(`sha-512=:${"A".repeat(86)}==:, ${digest}`, body)).toEqual({
      ok: true,
    });
    expect(verifyContentDigest(emptyDigest, undefined)).toEqual({ ok: true });
  });

  const failures: Array<[string, string | undefined, ContentDigestFailureCode]> = [
    ["no header", undefined, "digest_missing"],
    ["not a dictionary", "sha-256=:not base64!:", "digest_malformed"],
    ["an empty header", "", "digest_malformed"],
    ["a digest of the wrong length", "sha-256=:AAAA:", "digest_malformed"],
    ["a digest as a string, not bytes", `sha-256="${digest}"`, "digest_malformed"],
    [
      "a header over the limit",
      `${digest}, x=:${"A".repeat(contentDigestHeaderBytesMax)}:`,
      "digest_malformed",
    ],
    ["only sha-512", `sha-512=:${"A".repeat(86)}==:`, "digest_algorithm_unsupported"],
    ["the digest of another body", computeContentDigest(`${body} `), "digest_mismatch"],
  ];

  it.each(failures)("refuses %s", (_name, header, code) => {
    expect(verifyContentDigest(header, body)).toEqual({ ok: false, code });
  });
});
