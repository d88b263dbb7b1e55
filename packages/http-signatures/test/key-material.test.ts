import { sign, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  exportPublicKeyJwk,
  exportPublicKeyRaw,
  generateSigningKeyPair,
  importPublicKeyJwk,
  importPublicKeyRaw,
} from "../src/key-material.ts";
import { rfcEd25519PrivateKey } from "./signature-fixtures.ts";

const rfcRaw = "JrQLj5P_89iXES9-vFgrIy29clF9CC_oPPsw3c5D0bs";

describe("key material", () => {
  it("round-trips a generated key through raw base64url and JWK, and it verifies", () => {
    const { publicKey, privateKey } = generateSigningKeyPair();
    const raw = exportPublicKeyRaw(publicKey);
    const fromRaw = importPublicKeyRaw(raw);
    const fromJwk = importPublicKeyJwk(exportPublicKeyJwk(publicKey));
    if (!fromRaw.ok || !fromJwk.ok) throw new Error("import failed");
    const message = Buffer.from("clearhub");
    const signature = sign(null, message, privateKey);
    expect(verify(null, message, fromRaw.publicKey, signature)).toBe(true);
    expect(exportPublicKeyRaw(fromJwk.publicKey)).toBe(raw);
  });

  it("imports the RFC 9421 test key's raw form as that key", () => {
    const imported = importPublicKeyRaw(rfcRaw);
    expect(imported.ok && exportPublicKeyRaw(imported.publicKey)).toBe(
      exportPublicKeyRaw(rfcEd25519PrivateKey),
    );
  });

  it("ignores the JWK members kid, use and alg", () => {
    const jwk = { kty: "OKP", crv: "Ed25519", x: rfcRaw, kid: "k1", use: "sig", alg: "EdDSA" };
    expect(importPublicKeyJwk(jwk).ok).toBe(true);
  });

  it.each([
    ["too short", rfcRaw.slice(1)],
    ["padded", `${rfcRaw}=`],
    ["standard base64", rfcRaw.replace("_", "/")],
    ["non-canonical trailing bits", `${rfcRaw.slice(0, -1)}t`],
    ["empty", ""],
  ])("refuses a raw key that is %s", (_name, raw) => {
    expect(importPublicKeyRaw(raw)).toEqual({ ok: false, code: "public_key_malformed" });
  });

  it.each([
    ["null", null],
    ["an array", [rfcRaw]],
    ["another key type", { kty: "EC", crv: "P-256", x: rfcRaw }],
    ["another curve", { kty: "OKP", crv: "X25519", x: rfcRaw }],
    ["no x", { kty: "OKP", crv: "Ed25519" }],
    ["a numeric x", { kty: "OKP", crv: "Ed25519", x: 7 }],
  ])("refuses a JWK that is %s", (_name, jwk) => {
    expect(importPublicKeyJwk(jwk)).toEqual({ ok: false, code: "public_key_malformed" });
  });

  it("refuses a JWK carrying the private key", () => {
    const jwk = generateSigningKeyPair().privateKey.export({ format: "jwk" });
    expect(importPublicKeyJwk(jwk)).toEqual({ ok: false, code: "public_key_private_part_present" });
  });
});
