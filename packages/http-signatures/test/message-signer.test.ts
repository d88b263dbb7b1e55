import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { computeContentDigest } from "../src/content-digest.ts";
import { signRequest } from "../src/message-signer.ts";
import { verifyRequest } from "../src/message-verifier.ts";
import {
  baseRequest,
  keyId,
  nonce,
  nowSeconds,
  signed,
  signOptions,
  verifierHarness,
} from "./signature-fixtures.ts";

describe("signRequest", () => {
  it("returns the digest, the input and the signature under sig1 with the default coverage", () => {
    const headers = signRequest(baseRequest, signOptions());
    expect(headers["content-digest"]).toBe(computeContentDigest(baseRequest.body));
    expect(headers["signature-input"]).toBe(
      `sig1=("@method" "@target-uri" "content-digest");created=${nowSeconds};keyid="${keyId}";nonce="${nonce}"`,
    );
    expect(headers.signature).toMatch(/^sig1=:[A-Za-z0-9+/]{86}==:$/);
  });

  it("replaces a stale content-digest in the request, whatever its case", async () => {
    const request = {
      ...baseRequest,
      headers: { ...baseRequest.headers, "Content-Digest": "sha-256=:stale:" },
    };
    const headers = signRequest(request, signOptions());
    expect(headers["content-digest"]).toBe(computeContentDigest(baseRequest.body));
    const sent = { ...baseRequest, headers: { ...baseRequest.headers, ...headers } };
    expect((await verifyRequest(sent, verifierHarness().options)).ok).toBe(true);
  });

  it("draws a fresh nonce and the current time when none is given", () => {
    const options = { ...signOptions(), nonce: undefined, createdSeconds: undefined };
    const first = signRequest(baseRequest, options)["signature-input"];
    const second = signRequest(baseRequest, options)["signature-input"];
    expect(first).not.toBe(second);
    const created = Number(/created=(\d+)/.exec(first)?.[1]);
    expect(Math.abs(created - Date.now() / 1000)).toBeLessThan(5);
  });

  it("adds expires and a custom label when asked", () => {
    const headers = signed(baseRequest, { label: "hub", expiresSeconds: nowSeconds + 60 }).headers;
    expect(headers["signature-input"]).toContain(`hub=(`);
    expect(headers["signature-input"]).toContain(`;expires=${nowSeconds + 60};`);
  });

  it.each([
    [
      "a non-Ed25519 key",
      { privateKey: generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey },
    ],
    ["a public key", { privateKey: generateKeyPairSync("ed25519").publicKey }],
    ["a nonce the verifier would refuse", { nonce: "short" }],
    ["an empty keyid", { keyId: "" }],
    [
      "a covered header the request lacks",
      { components: ["@method", "@target-uri", "content-digest", "x-missing"] },
    ],
    ["a label that is not a structured-field key", { label: "Sig 1" }],
  ])("throws for %s, a bug in the caller", (_name, overrides) => {
    expect(() => signRequest(baseRequest, signOptions(overrides))).toThrow();
  });
});
