import { createPublicKey } from "node:crypto";
import { describe, expect, it } from "vitest";
import { computeContentDigest } from "../src/content-digest.ts";
import { generateSigningKeyPair } from "../src/key-material.ts";
import {
  createdSkewMsDefault,
  type SignedRequest,
  verifyRequest,
} from "../src/message-verifier.ts";
import { type SignatureFailureCode, signatureFailureCodes } from "../src/signature-result-code.ts";
import {
  baseRequest,
  keyId,
  nonce,
  nowSeconds,
  participantPrivateKey,
  signed,
  verifierHarness,
} from "./signature-fixtures.ts";

const otherKeys = generateSigningKeyPair();

function withHeaders(request: SignedRequest, changes: Record<string, string | undefined>) {
  return { ...request, headers: { ...request.headers, ...changes } };
}

function withInput(request: SignedRequest, edit: (input: string) => string): SignedRequest {
  return withHeaders(request, {
    "signature-input": edit(String(request.headers["signature-input"])),
  });
}

const good = signed();
const skewSeconds = createdSkewMsDefault / 1000;

describe("verifyRequest accepts", () => {
  it("a request it signed, and names the key, nonce and created time", async () => {
    const { options, nonceCalls } = verifierHarness();
    expect(await verifyRequest(good, options)).toEqual({
      ok: true,
      keyId,
      nonce,
      createdSeconds: nowSeconds,
    });
    // The nonce is remembered until the window alone would refuse a replay.
    expect(nonceCalls).toEqual([
      { keyId, nonce, expiresAtMs: nowSeconds * 1000 + createdSkewMsDefault + 1 },
    ]);
  });

  it("a request without a body, signed over the digest of the empty body", async () => {
    const request = signed({ method: "GET", url: "https://hub.example/v1/accounts", headers: {} });
    expect(request.headers["content-digest"]).toBe(computeContentDigest(""));
    expect((await verifyRequest(request, verifierHarness().options)).ok).toBe(true);
  });

  it("a signature over @authority, @path and @query plus more headers", async () => {
    const components = [
      "@method",
      "@authority",
      "@path",
      "@query",
      "content-digest",
      "content-type",
    ];
    const result = await verifyRequest(
      signed(baseRequest, { components }),
      verifierHarness().options,
    );
    expect(result.ok).toBe(true);
  });

  it("a created time at the edge of the allowed skew, either way", async () => {
    for (const createdSeconds of [nowSeconds - skewSeconds, nowSeconds + skewSeconds]) {
      const result = await verifyRequest(
        signed(baseRequest, { createdSeconds }),
        verifierHarness().options,
      );
      expect(result.ok).toBe(true);
    }
  });

  it("a configured label among several signatures", async () => {
    const first = signed(baseRequest, { label: "proxy", keyId: "unknown-proxy" });
    const second = signed(baseRequest, { label: "sig1" });
    const request = withHeaders(second, {
      "signature-input": `${first.headers["signature-input"]}, ${second.headers["signature-input"]}`,
      signature: `${first.headers.signature}, ${second.headers.signature}`,
    });
    expect((await verifyRequest(request, { ...verifierHarness().options, label: "sig1" })).ok).toBe(
      true,
    );
    // Unconfigured, the first label is the one verified.
    expect(await verifyRequest(request, verifierHarness().options)).toEqual({
      ok: false,
      code: "key_unknown",
    });
  });

  it("header names in any case and raw body bytes", async () => {
    const request = signed({ ...baseRequest, body: Buffer.from(String(baseRequest.body)) });
    const shouting = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name.toUpperCase(), value]),
    );
    const result = await verifyRequest(
      { ...request, headers: shouting },
      verifierHarness().options,
    );
    expect(result.ok).toBe(true);
  });
});

interface FailureCase {
  readonly name: string;
  readonly code: SignatureFailureCode;
  readonly request: () => SignedRequest;
  readonly keys?: Parameters<typeof verifierHarness>[0];
}

const revokedKeys = {
  [keyId]: { status: "revoked", publicKey: createPublicKey(participantPrivateKey) },
} as const;

const failureCases: FailureCase[] = [
  {
    name: "no Signature header",
    code: "signature_missing",
    request: () => withHeaders(good, { signature: undefined }),
  },
  {
    name: "no Signature-Input header",
    code: "signature_missing",
    request: () => withHeaders(good, { "signature-input": undefined }),
  },
  {
    name: "Signature and Signature-Input labels differ",
    code: "signature_missing",
    request: () =>
      withHeaders(good, { signature: String(good.headers.signature).replace("sig1=", "sig2=") }),
  },
  {
    name: "Signature-Input is not a dictionary",
    code: "signature_malformed",
    request: () => withHeaders(good, { "signature-input": "sig1=(((" }),
  },
  {
    name: "Signature header too long",
    code: "signature_malformed",
    request: () =>
      withHeaders(good, { signature: `${good.headers.signature}, x=:${"A".repeat(5000)}:` }),
  },
  {
    name: "signature of the wrong length",
    code: "signature_malformed",
    request: () => withHeaders(good, { signature: "sig1=:AAAA:" }),
  },
  {
    name: "nonce parameter missing",
    code: "signature_malformed",
    request: () => withInput(good, (input) => input.replace(/;nonce="[^"]*"/, "")),
  },
  {
    name: "keyid parameter missing",
    code: "signature_malformed",
    request: () => withInput(good, (input) => input.replace(/;keyid="[^"]*"/, "")),
  },
  {
    name: "created parameter missing",
    code: "signature_malformed",
    request: () => withInput(good, (input) => input.replace(/;created=\d+/, "")),
  },
  {
    name: "nonce too short",
    code: "signature_malformed",
    request: () => withInput(good, (input) => input.replace(nonce, "short")),
  },
  {
    name: "alg other than ed25519",
    code: "signature_malformed",
    request: () => withInput(good, (input) => `${input};alg="rsa-pss-sha512"`),
  },
  {
    name: "a covered header is absent",
    code: "signature_malformed",
    request: () =>
      withHeaders(
        signed(baseRequest, {
          components: ["@method", "@target-uri", "content-digest", "content-type"],
        }),
        { "content-type": undefined },
      ),
  },
  {
    name: "content-digest not covered",
    code: "signature_components_insufficient",
    request: () => signed(baseRequest, { components: ["@method", "@target-uri"] }),
  },
  {
    name: "@method not covered",
    code: "signature_components_insufficient",
    request: () => signed(baseRequest, { components: ["@target-uri", "content-digest"] }),
  },
  {
    name: "@path without @query",
    code: "signature_components_insufficient",
    request: () =>
      signed(baseRequest, { components: ["@method", "@authority", "@path", "content-digest"] }),
  },
  {
    name: "created too far in the past",
    code: "signature_created_out_of_window",
    request: () => signed(baseRequest, { createdSeconds: nowSeconds - skewSeconds - 1 }),
  },
  {
    name: "created too far in the future",
    code: "signature_created_out_of_window",
    request: () => signed(baseRequest, { createdSeconds: nowSeconds + skewSeconds + 1 }),
  },
  {
    name: "expires has passed",
    code: "signature_created_out_of_window",
    request: () =>
      signed(baseRequest, { createdSeconds: nowSeconds - 10, expiresSeconds: nowSeconds - 1 }),
  },
  {
    name: "an unknown keyid",
    code: "key_unknown",
    request: () => signed(baseRequest, { keyId: "nobody" }),
  },
  { name: "a revoked key", code: "key_revoked", request: () => good, keys: revokedKeys },
  {
    name: "a tampered body",
    code: "digest_mismatch",
    request: () => ({ ...good, body: String(good.body).replace("12.50", "99.50") }),
  },
  {
    name: "a dropped body",
    code: "digest_mismatch",
    request: () => ({ ...good, body: undefined }),
  },
  {
    name: "a tampered body with its digest recomputed",
    code: "signature_invalid",
    request: () =>
      withHeaders({ ...good, body: "{}" }, { "content-digest": computeContentDigest("{}") }),
  },
  {
    name: "a tampered method",
    code: "signature_invalid",
    request: () => ({ ...good, method: "PUT" }),
  },
  {
    name: "a tampered path",
    code: "signature_invalid",
    request: () => ({ ...good, url: good.url.replace("/v1/transfers", "/v1/transfer") }),
  },
  {
    name: "a tampered query",
    code: "signature_invalid",
    request: () => ({ ...good, url: good.url.replace("batch=7", "batch=8") }),
  },
  {
    name: "a tampered authority",
    code: "signature_invalid",
    request: () => ({ ...good, url: good.url.replace("hub.example", "evil.example") }),
  },
  {
    name: "a tampered covered header",
    code: "signature_invalid",
    request: () =>
      withHeaders(
        signed(baseRequest, {
          components: ["@method", "@target-uri", "content-digest", "content-type"],
        }),
        { "content-type": "text/plain" },
      ),
  },
  {
    name: "a tampered created time",
    code: "signature_invalid",
    request: () =>
      withInput(good, (input) =>
        input.replace(`created=${nowSeconds}`, `created=${nowSeconds + 1}`),
      ),
  },
  {
    name: "a signature by another key",
    code: "signature_invalid",
    request: () => signed(baseRequest, { privateKey: otherKeys.privateKey }),
  },
];

describe("verifyRequest refuses", () => {
  it.each(failureCases)("$name: $code", async ({ request, code, keys }) => {
    const { options, nonceCalls } = verifierHarness(keys);
    expect(await verifyRequest(request(), options)).toEqual({ ok: false, code });
    // Only a verified signature may use up a nonce.
    expect(nonceCalls).toEqual([]);
  });

  it("a replayed nonce: the second identical request", async () => {
    const { options } = verifierHarness();
    expect((await verifyRequest(good, options)).ok).toBe(true);
    expect(await verifyRequest(good, options)).toEqual({ ok: false, code: "nonce_replayed" });
  });

  it("a forged request before its nonce is burnt, so the genuine one still passes", async () => {
    const { options } = verifierHarness();
    const forged = signed(baseRequest, { privateKey: otherKeys.privateKey });
    expect(await verifyRequest(forged, options)).toEqual({ ok: false, code: "signature_invalid" });
    expect((await verifyRequest(good, options)).ok).toBe(true);
  });
});

describe("failure precedence", () => {
  it("covers every code in the table, in the table's order", () => {
    const tested = new Set(failureCases.map((failure) => failure.code).concat("nonce_replayed"));
    expect([...tested]).toEqual(Object.keys(signatureFailureCodes));
  });

  it("an unknown key wins over a tampered body", async () => {
    const request = { ...signed(baseRequest, { keyId: "nobody" }), body: "tampered" };
    expect(await verifyRequest(request, verifierHarness().options)).toEqual({
      ok: false,
      code: "key_unknown",
    });
  });

  it("a stale created time wins over an unknown key, so no key lookup is made", async () => {
    const request = signed(baseRequest, { keyId: "nobody", createdSeconds: nowSeconds - 3600 });
    const { options } = verifierHarness();
    let lookups = 0;
    const counting = {
      ...options,
      findKey: async (id: string) => {
        lookups += 1;
        return options.findKey(id);
      },
    };
    expect(await verifyRequest(request, counting)).toEqual({
      ok: false,
      code: "signature_created_out_of_window",
    });
    expect(lookups).toBe(0);
  });

  it("a configured skew is honoured", async () => {
    const request = signed(baseRequest, { createdSeconds: nowSeconds - 61 });
    const options = { ...verifierHarness().options, createdSkewMsMax: 60_000 };
    expect(await verifyRequest(request, options)).toEqual({
      ok: false,
      code: "signature_created_out_of_window",
    });
  });
});

describe("verifyRequest and its stores", () => {
  it("rejects when the key store fails, rather than answering with a code", async () => {
    const options = {
      ...verifierHarness().options,
      findKey: async () => {
        throw new Error("database down");
      },
    };
    await expect(verifyRequest(good, options)).rejects.toThrow("database down");
  });
});
