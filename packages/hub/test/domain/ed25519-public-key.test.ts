import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkEd25519PublicKey } from "../../src/domain/participant/ed25519-public-key.ts";

function generatedPublicKey(): Buffer {
  const jwk = generateKeyPairSync("ed25519").publicKey.export({ format: "jwk" });
  return Buffer.from(jwk.x as string, "base64url");
}

/** The eight points of small order, as libsodium lists them (its `has_small_order` blocklist). */
const smallOrderPoints = [
  "0100000000000000000000000000000000000000000000000000000000000000",
  "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
  "0000000000000000000000000000000000000000000000000000000000000000",
  "0000000000000000000000000000000000000000000000000000000000000080",
  "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
  "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
  "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
  "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
];

describe("checkEd25519PublicKey", () => {
  it("accepts keys Node generates", () => {
    for (let index = 0; index < 20; index++) {
      expect(checkEd25519PublicKey(generatedPublicKey())).toBe("ok");
    }
  });

  it("refuses anything but 32 bytes", () => {
    expect(checkEd25519PublicKey(generatedPublicKey().subarray(0, 31))).toBe("length_invalid");
    expect(checkEd25519PublicKey(Buffer.alloc(33, 1))).toBe("length_invalid");
  });

  it("refuses encodings of no point: x² without a root, or y not below the field prime", () => {
    const yIsTwo = Buffer.alloc(32);
    yIsTwo[0] = 2;
    expect(checkEd25519PublicKey(yIsTwo)).toBe("not_on_curve");
    expect(checkEd25519PublicKey(Buffer.alloc(32, 0xff))).toBe("not_on_curve");
  });

  it("refuses x = 0 with the sign bit set, which RFC 8032 declares invalid", () => {
    // y = 1 is the identity, whose x is 0; the sign bit asks for a negative zero.
    const negativeZero = Buffer.from(smallOrderPoints[0] as string, "hex");
    negativeZero[31] = 0x80;
    expect(checkEd25519PublicKey(negativeZero)).toBe("not_on_curve");
  });

  it("refuses every point of small order", () => {
    for (const point of smallOrderPoints) {
      expect(checkEd25519PublicKey(Buffer.from(point, "hex")), point).toBe("small_order");
    }
  });
});
