import { sign, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { computeContentDigest, verifyContentDigest } from "../src/content-digest.ts";
import { exportPublicKeyJwk } from "../src/key-material.ts";
import { verifyRequest } from "../src/message-verifier.ts";
import { buildSignatureBase } from "../src/signature-base.ts";
import { readSignatureFields } from "../src/signature-fields.ts";
import {
  rfcEd25519PrivateKey,
  rfcEd25519PublicKey,
  verifierHarness,
} from "./signature-fixtures.ts";

/** The RFC 9421 Appendix B.2 test request, signed as in example B.2.6 (lines unwrapped). */
const rfcTestRequest = {
  method: "POST",
  url: "https://example.com/foo?param=Value&Pet=dog",
  headers: {
    Host: "example.com",
    Date: "Tue, 20 Apr 2021 02:07:55 GMT",
    "Content-Type": "application/json",
    "Content-Digest":
      "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:",
    "Content-Length": "18",
    "Signature-Input":
      'sig-b26=("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
    Signature:
      "sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:",
  },
  body: '{"hello": "world"}',
};

const rfcB26SignatureBase = [
  '"date": Tue, 20 Apr 2021 02:07:55 GMT',
  '"@method": POST',
  '"@path": /foo',
  '"@authority": example.com',
  '"content-type": application/json',
  '"content-length": 18',
  '"@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
].join("\n");

function rfcFields() {
  const read = readSignatureFields(rfcTestRequest.headers);
  if (!read.ok) throw new Error(`RFC example did not parse: ${read.code}`);
  return read.fields;
}

describe("RFC 9421 B.2.6 (Ed25519)", () => {
  it("builds the RFC's signature base byte for byte", () => {
    const fields = rfcFields();
    expect(fields.label).toBe("sig-b26");
    expect(buildSignatureBase(rfcTestRequest, fields.input)).toEqual({
      ok: true,
      base: rfcB26SignatureBase,
    });
  });

  it("verifies the RFC's signature with the RFC's public key", () => {
    const base = Buffer.from(rfcB26SignatureBase, "ascii");
    expect(verify(null, base, rfcEd25519PublicKey, rfcFields().signature)).toBe(true);
  });

  it("reproduces the RFC's signature with the RFC's private key (Ed25519 is deterministic)", () => {
    const signature = sign(null, Buffer.from(rfcB26SignatureBase, "ascii"), rfcEd25519PrivateKey);
    expect(signature.equals(rfcFields().signature)).toBe(true);
  });

  it("the RFC test key exports as the JWK x of its public half", () => {
    expect(exportPublicKeyJwk(rfcEd25519PrivateKey)).toEqual({
      kty: "OKP",
      crv: "Ed25519",
      x: "JrQLj5P_89iXES9-vFgrIy29clF9CC_oPPsw3c5D0bs",
    });
  });

  it("is refused by the hub's policy, which requires a nonce and covered content-digest", async () => {
    const { options } = verifierHarness({
      "test-key-ed25519": { status: "active", publicKey: rfcEd25519PublicKey },
    });
    const result = await verifyRequest(rfcTestRequest, { ...options, clock: () => 1618884473000 });
    expect(result).toEqual({ ok: false, code: "signature_malformed" });
  });
});

describe("RFC 9530 example", () => {
  it('digests {"hello": "world"} as the RFC shows', () => {
    expect(computeContentDigest('{"hello": "world"}')).toBe(
      "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:",
    );
  });

  it("does not accept the RFC 9421 test request's sha-512-only digest", () => {
    const header = rfcTestRequest.headers["Content-Digest"];
    expect(verifyContentDigest(header, rfcTestRequest.body)).toEqual({
      ok: false,
      code: "digest_algorithm_unsupported",
    });
  });
});
