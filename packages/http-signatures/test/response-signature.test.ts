import { createPublicKey } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateSigningKeyPair } from "../src/key-material.ts";
import type { SignatureKey } from "../src/message-verifier.ts";
import { buildResponseSignatureBase } from "../src/response-signature-base.ts";
import { type ResponseToSign, signResponse } from "../src/response-signer.ts";
import { type SignedResponse, verifyResponse } from "../src/response-verifier.ts";
import { readSignatureFields } from "../src/signature-fields.ts";
import { baseRequest, keyId, nowSeconds, signed } from "./signature-fixtures.ts";

const bankKeys = generateSigningKeyPair();
const bankKeyId = "bank-beta.k1";
const request = signed(baseRequest, { nonce: "request-nonce-000001" });
const otherRequest = signed(baseRequest, { nonce: "request-nonce-000002" });

const answer: ResponseToSign = {
  status: 200,
  headers: { "content-type": "application/json" },
  body: '{"transactionId":"t-1","status":"succeeded"}',
};

function signedAnswer(
  response: ResponseToSign = answer,
  overrides: Partial<Parameters<typeof signResponse>[2]> = {},
): SignedResponse {
  const headers = signResponse(response, request, {
    keyId: bankKeyId,
    privateKey: bankKeys.privateKey,
    createdSeconds: nowSeconds,
    nonce: "response-nonce-00001",
    ...overrides,
  });
  return { ...response, headers: { ...response.headers, ...headers } };
}

function options(keys: Record<string, SignatureKey> = {}) {
  const allKeys: Record<string, SignatureKey> = {
    [bankKeyId]: { status: "active", publicKey: createPublicKey(bankKeys.privateKey) },
    ...keys,
  };
  return { findKey: async (id: string) => allKeys[id], clock: () => nowSeconds * 1000 };
}

describe("response signatures", () => {
  it("verify when the answer is the signed one, to the request it answers", async () => {
    expect(await verifyResponse(signedAnswer(), request, options())).toEqual({
      ok: true,
      keyId: bankKeyId,
      createdSeconds: nowSeconds,
    });
  });

  it("name the request's components with the req flag in the signature base", () => {
    const response = signedAnswer();
    const read = readSignatureFields(response.headers);
    if (!read.ok) throw new Error(read.code);
    const base = buildResponseSignatureBase(response, request, read.fields.input);
    if (!base.ok) throw new Error(base.code);
    expect(base.base.split("\n")).toEqual([
      '"@status": 200',
      `"content-digest": ${response.headers["content-digest"]}`,
      '"@method";req: POST',
      `"@target-uri";req: ${baseRequest.url}`,
      `"signature-input";req: ${request.headers["signature-input"]}`,
      `"@signature-params": ("@status" "content-digest" "@method";req "@target-uri";req "signature-input";req);created=${nowSeconds};keyid="${bankKeyId}";nonce="response-nonce-00001"`,
    ]);
  });

  it("refuse an answer replayed as the answer to another request", async () => {
    expect(await verifyResponse(signedAnswer(), otherRequest, options())).toEqual({
      ok: false,
      code: "signature_invalid",
    });
  });

  it("refuse a changed body or status", async () => {
    const response = signedAnswer();
    const body = '{"transactionId":"t-1","status":"failed"}';
    expect(await verifyResponse({ ...response, body }, request, options())).toEqual({
      ok: false,
      code: "digest_mismatch",
    });
    expect(await verifyResponse({ ...response, status: 202 }, request, options())).toEqual({
      ok: false,
      code: "signature_invalid",
    });
  });

  it("refuse a signature that does not bind the request", async () => {
    const loose = signedAnswer(answer, {
      components: [{ name: "@status" }, { name: "content-digest" }],
    });
    expect(await verifyResponse(loose, request, options())).toEqual({
      ok: false,
      code: "signature_components_insufficient",
    });
  });

  it("refuse an unsigned answer, an unknown or revoked key, and a stale one", async () => {
    const unsigned = { ...answer, headers: {} };
    expect(await verifyResponse(unsigned, request, options())).toEqual({
      ok: false,
      code: "signature_missing",
    });
    expect(await verifyResponse(signedAnswer(answer, { keyId }), request, options())).toEqual({
      ok: false,
      code: "key_unknown",
    });
    const revoked = options({
      [bankKeyId]: { status: "revoked", publicKey: createPublicKey(bankKeys.privateKey) },
    });
    expect(await verifyResponse(signedAnswer(), request, revoked)).toEqual({
      ok: false,
      code: "key_revoked",
    });
    const stale = signedAnswer(answer, { createdSeconds: nowSeconds - 301 });
    expect(await verifyResponse(stale, request, options())).toEqual({
      ok: false,
      code: "signature_created_out_of_window",
    });
  });

  it("refuse a component parameter other than req, and a req flag that is not true", async () => {
    const response = signedAnswer();
    for (const edit of [';req=?0 "signature-input"', ';key="sig1" "signature-input"']) {
      const input = String(response.headers["signature-input"]).replace(
        ';req "signature-input"',
        edit,
      );
      const changed = { ...response, headers: { ...response.headers, "signature-input": input } };
      expect(await verifyResponse(changed, request, options())).toEqual({
        ok: false,
        code: "signature_malformed",
      });
    }
  });

  it("cannot be made over a request component without the req flag", () => {
    expect(() =>
      signedAnswer(answer, { components: [{ name: "@status" }, { name: "@method" }] }),
    ).toThrow(/component_unsupported/);
  });
});
