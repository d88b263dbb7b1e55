import { createDecipheriv } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AesGcmFieldSealer } from "../../../src/adapters/crypto/aes-gcm-field-sealer.ts";
import { dataKeyRing } from "../../../src/adapters/crypto/data-key-ring.ts";
import {
  decodeSealedField,
  encodeSealedField,
  type SealedField,
  sealedTextLengthMax,
} from "../../../src/adapters/crypto/sealed-field-format.ts";
import { type FieldOpenResult, sealedFieldContext } from "../../../src/app/ports/field-sealer.ts";
import { keyBytes, testKey } from "./data-key-fixtures.ts";

const context = sealedFieldContext("transfer_details", "parties", "t-1");
const cardNumber = "4242424242424242";
const sealer = new AesGcmFieldSealer(dataKeyRing([testKey("k2"), testKey("k1")]));

function decoded(sealed: string): SealedField {
  const result = decodeSealedField(sealed);
  if (!result.ok) throw new Error(`test value does not decode: ${result.code}`);
  return result.field;
}

function failure(result: FieldOpenResult): string {
  return result.ok ? "opened" : result.code;
}

/** Every variant of `bytes` with one bit flipped, in each byte in turn. */
function withOneBitFlipped(bytes: Buffer): Buffer[] {
  return [...bytes.keys()].map((index) => {
    const copy = Buffer.from(bytes);
    copy[index] = (copy[index] ?? 0) ^ (1 << (index % 8));
    return copy;
  });
}

describe("AesGcmFieldSealer", () => {
  it("opens what it sealed, for any text and context", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), (text, where) => {
        expect(sealer.open(sealer.seal(text, where), where)).toEqual({ ok: true, plaintext: text });
      }),
    );
  });

  it("writes v1.<keyId>.<96-bit iv>.<ciphertext and tag>, without the plaintext", () => {
    const sealed = sealer.seal(cardNumber, context);
    expect(sealed).toMatch(/^v1\.k2\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(cardNumber);
    expect(sealed).not.toContain(Buffer.from(cardNumber).toString("base64url"));
    const field = decoded(sealed);
    expect(field.iv).toHaveLength(12);
    expect(field.body).toHaveLength(cardNumber.length + 16);
  });

  it("is standard AES-256-GCM with the header and context as additional data", () => {
    const field = decoded(sealer.seal(cardNumber, context));
    const decipher = createDecipheriv("aes-256-gcm", keyBytes("k2"), field.iv);
    decipher.setAAD(Buffer.from(`v1.k2.${context}`));
    decipher.setAuthTag(field.body.subarray(-16));
    const plaintext = Buffer.concat([
      decipher.update(field.body.subarray(0, -16)),
      decipher.final(),
    ]);
    expect(plaintext.toString()).toBe(cardNumber);
  });

  it("gives two unrelated values, with different IVs, for the same text sealed twice", () => {
    const first = decoded(sealer.seal(cardNumber, context));
    const second = decoded(sealer.seal(cardNumber, context));
    expect(first.iv.equals(second.iv)).toBe(false);
    expect(first.body.equals(second.body)).toBe(false);
  });

  it("refuses a value under any other context, such as another row", () => {
    const sealed = sealer.seal(cardNumber, context);
    expect(
      failure(sealer.open(sealed, sealedFieldContext("transfer_details", "parties", "t-2"))),
    ).toBe("authentication_failed");
    fc.assert(
      fc.property(fc.string(), (other) => {
        fc.pre(other !== context);
        expect(failure(sealer.open(sealed, other))).toBe("authentication_failed");
      }),
    );
  });

  it("refuses a value with any bit of its IV, ciphertext or tag changed", () => {
    const field = decoded(sealer.seal(cardNumber, context));
    const tampered = [
      ...withOneBitFlipped(field.iv).map((iv) => ({ ...field, iv })),
      ...withOneBitFlipped(field.body).map((body) => ({ ...field, body })),
    ];
    expect(tampered).toHaveLength(12 + cardNumber.length + 16);
    for (const altered of tampered) {
      expect(failure(sealer.open(encodeSealedField(altered), context))).toBe(
        "authentication_failed",
      );
    }
  });

  it("refuses a value relabelled with another key id of the ring, even one holding the same key", () => {
    const twin = new AesGcmFieldSealer(dataKeyRing([testKey("a", "same"), testKey("b", "same")]));
    const field = decoded(twin.seal(cardNumber, context));
    const relabelled = encodeSealedField({ ...field, keyId: "b" });
    expect(failure(twin.open(relabelled, context))).toBe("authentication_failed");
  });

  it("refuses a value truncated to drop bytes of its tag", () => {
    const field = decoded(sealer.seal(cardNumber, context));
    const shorter = encodeSealedField({ ...field, body: field.body.subarray(0, -1) });
    expect(failure(sealer.open(shorter, context))).toBe("authentication_failed");
  });

  it("refuses a value sealed under a key id the ring lacks", () => {
    const other = new AesGcmFieldSealer(dataKeyRing([testKey("k3")]));
    expect(failure(sealer.open(other.seal(cardNumber, context), context))).toBe("key_unknown");
  });

  it("seals under the current key and opens values sealed under older ones", () => {
    const before = new AesGcmFieldSealer(dataKeyRing([testKey("k1")]));
    const sealedBefore = before.seal(cardNumber, context);
    expect(decoded(sealedBefore).keyId).toBe("k1");
    expect(decoded(sealer.seal(cardNumber, context)).keyId).toBe("k2");
    expect(sealer.open(sealedBefore, context)).toEqual({ ok: true, plaintext: cardNumber });
  });

  const sealed = sealer.seal(cardNumber, context);
  const [, , iv = "", body = ""] = sealed.split(".");
  const malformed: ReadonlyArray<readonly [string, string]> = [
    ["empty text", ""],
    ["a plain card number", cardNumber],
    ["the version alone", "v1"],
    ["a missing part", `v1.k2.${iv}`],
    ["an extra part", `${sealed}.x`],
    ["an empty key id", `v1..${iv}.${body}`],
    ["a key id outside the pattern", `v1.k/2.${iv}.${body}`],
    ["standard base64 characters", `v1.k2.${iv}.${body.slice(0, -1)}+`],
    ["padding", `v1.k2.${iv}.${body}==`],
    ["a 64-bit IV", `v1.k2.${iv.slice(0, 11)}.${body}`],
    ["a body shorter than a tag", `v1.k2.${iv}.${body.slice(0, 20)}`],
    ["an unknown format name", `x1.k2.${iv}.${body}`],
    ["text over the length bound", `${sealed}${"A".repeat(sealedTextLengthMax)}`],
  ];
  it.each(malformed)("refuses %s as malformed", (_, text) => {
    expect(failure(sealer.open(text, context))).toBe("sealed_malformed");
  });

  it("refuses base64url with stray low bits set, which Node's decoder would ignore", () => {
    // The 32-byte body is 43 characters; the last one carries 2 bits that encode nothing.
    expect(body).toHaveLength(43);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const last = alphabet.indexOf(body.at(-1) ?? "");
    const stray = `${body.slice(0, -1)}${alphabet[last ^ 1]}`;
    expect(Buffer.from(stray, "base64url").equals(Buffer.from(body, "base64url"))).toBe(true);
    expect(failure(sealer.open(`v1.k2.${iv}.${stray}`, context))).toBe("sealed_malformed");
  });

  it("tells a newer format version apart from garbage", () => {
    expect(failure(sealer.open(`v2.k2.${iv}.${body}`, context))).toBe("version_unsupported");
    expect(failure(sealer.open("v2.anything else", context))).toBe("version_unsupported");
  });
});
