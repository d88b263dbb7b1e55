import { describe, expect, it } from "vitest";
import { AesGcmFieldSealer } from "../../../src/adapters/crypto/aes-gcm-field-sealer.ts";
import { dataKeyRing } from "../../../src/adapters/crypto/data-key-ring.ts";
import { rewrapSealedField } from "../../../src/adapters/crypto/rewrap-sealed-field.ts";
import {
  decodeSealedField,
  encodeSealedField,
  type SealedField,
} from "../../../src/adapters/crypto/sealed-field-format.ts";
import { testKey } from "./data-key-fixtures.ts";

const context = "transfer_details.parties:t-1";
const plaintext = '{"payer":{"cardNumber":"4242424242424242"}}';
const before = dataKeyRing([testKey("k1")]);
const after = dataKeyRing([testKey("k2"), testKey("k1")]);

function decoded(sealed: string): SealedField {
  const result = decodeSealedField(sealed);
  if (!result.ok) throw new Error(`test value does not decode: ${result.code}`);
  return result.field;
}

describe("rewrapSealedField", () => {
  it("reseals a value from an older key under the current one, which alone then opens it", () => {
    const old = new AesGcmFieldSealer(before).seal(plaintext, context);
    const result = rewrapSealedField(after, old, context);
    if (!result.ok) throw new Error(result.code);
    expect(result.rewrapped).toBe(true);
    expect(result.sealed.startsWith("v1.k2.")).toBe(true);
    const currentOnly = new AesGcmFieldSealer(dataKeyRing([testKey("k2")]));
    expect(currentOnly.open(result.sealed, context)).toEqual({ ok: true, plaintext });
    expect(currentOnly.open(old, context)).toEqual({ ok: false, code: "key_unknown" });
  });

  it("returns a value already under the current key unchanged", () => {
    const current = new AesGcmFieldSealer(after).seal(plaintext, context);
    expect(rewrapSealedField(after, current, context)).toEqual({
      ok: true,
      sealed: current,
      rewrapped: false,
    });
  });

  it("reports a value that does not open rather than carrying it along", () => {
    const old = new AesGcmFieldSealer(before).seal(plaintext, context);
    const current = new AesGcmFieldSealer(after).seal(plaintext, context);
    expect(rewrapSealedField(after, old, "transfer_details.parties:t-2")).toEqual({
      ok: false,
      code: "authentication_failed",
    });
    const field = decoded(current);
    const body = Buffer.from(field.body);
    body[body.length - 1] = (body[body.length - 1] ?? 0) ^ 1;
    expect(rewrapSealedField(after, encodeSealedField({ ...field, body }), context)).toEqual({
      ok: false,
      code: "authentication_failed",
    });
    expect(rewrapSealedField(dataKeyRing([testKey("k3")]), old, context)).toEqual({
      ok: false,
      code: "key_unknown",
    });
  });
});
