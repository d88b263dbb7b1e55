import { generateKeyPairSync, sign, verify } from "node:crypto";
import { expect, it } from "vitest";
import { readPrivateKey } from "../src/private-key.ts";

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const message = Buffer.from("a signature base");

function signsAsTheKey(input: Parameters<typeof readPrivateKey>[0]): boolean {
  return verify(null, message, publicKey, sign(null, message, readPrivateKey(input)));
}

it("reads the key from a KeyObject, PKCS#8 PEM or the raw 32-byte seed", () => {
  const pem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
  const seed = Buffer.from(privateKey.export({ format: "jwk" }).d ?? "", "base64url");
  expect(signsAsTheKey(privateKey)).toBe(true);
  expect(signsAsTheKey(pem)).toBe(true);
  expect(signsAsTheKey(new Uint8Array(seed))).toBe(true);
});

it("refuses anything but an Ed25519 private key", () => {
  const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey;
  expect(() => readPrivateKey(rsa)).toThrow(/Ed25519 private key/);
  expect(() => readPrivateKey(publicKey)).toThrow(/Ed25519 private key/);
  expect(() => readPrivateKey(new Uint8Array(31))).toThrow(/32 bytes/);
  expect(() => readPrivateKey("not a pem")).toThrow();
});
