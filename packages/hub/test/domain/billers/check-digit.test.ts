/**
 * The check-digit schemes against published known answers (not recomputed the code's way),
 * and the property every scheme shares: a computed check character makes the value valid,
 * and changing any one digit of a valid value makes it invalid.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkCharacterFor,
  checkDigitAlgorithms,
  hasValidCheckCharacter,
} from "../../../src/domain/billers/check-digit.ts";

describe("check digits", () => {
  it("accept the published valid numbers", () => {
    // Luhn's worked example and a card networks' test number; an EAN-13 and a UPC-A barcode;
    // Norway's account number 8601.11.17947; GB 11643-1999's sample identity number.
    expect(hasValidCheckCharacter("luhn", "79927398713")).toBe(true);
    expect(hasValidCheckCharacter("luhn", "4111111111111111")).toBe(true);
    expect(hasValidCheckCharacter("gs1_mod10", "4006381333931")).toBe(true);
    expect(hasValidCheckCharacter("gs1_mod10", "036000291452")).toBe(true);
    expect(hasValidCheckCharacter("mod11", "86011117947")).toBe(true);
    expect(hasValidCheckCharacter("iso7064_mod11_2", "11010519491231002X")).toBe(true);
  });

  it("refuse the same numbers with a wrong check character", () => {
    expect(hasValidCheckCharacter("luhn", "79927398710")).toBe(false);
    expect(hasValidCheckCharacter("gs1_mod10", "4006381333932")).toBe(false);
    expect(hasValidCheckCharacter("mod11", "86011117946")).toBe(false);
    expect(hasValidCheckCharacter("iso7064_mod11_2", "110105194912310029")).toBe(false);
  });

  it("refuse values too short to carry a check, or that are not digits", () => {
    for (const algorithm of checkDigitAlgorithms) {
      expect(hasValidCheckCharacter(algorithm, "0")).toBe(false);
      expect(hasValidCheckCharacter(algorithm, "")).toBe(false);
      expect(hasValidCheckCharacter(algorithm, "12a45")).toBe(false);
    }
  });

  it("compute the published check characters", () => {
    expect(checkCharacterFor("luhn", "7992739871")).toBe("3");
    expect(checkCharacterFor("gs1_mod10", "400638133393")).toBe("1");
    expect(checkCharacterFor("mod11", "8601111794")).toBe("7");
    expect(checkCharacterFor("iso7064_mod11_2", "11010519491231002")).toBe("X");
  });

  it("issue no mod11 number whose remainder leaves a check of 10", () => {
    // "5": 5 × 2 = 10, check 11 − 10 = 1. "6": 6 × 2 = 12 ≡ 1, check 10: never issued.
    expect(checkCharacterFor("mod11", "6")).toBeUndefined();
    expect(checkCharacterFor("mod11", "5")).toBe("1");
  });

  it("make any payload valid with its computed check, and catch every single-digit change", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...checkDigitAlgorithms),
        fc.stringMatching(/^[0-9]{1,30}$/),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (algorithm, payload, at, shift) => {
          const check = checkCharacterFor(algorithm, payload);
          fc.pre(check !== undefined);
          const value = `${payload}${check}`;
          expect(hasValidCheckCharacter(algorithm, value)).toBe(true);
          const index = at % payload.length;
          const changed = String((Number(payload[index]) + shift) % 10);
          const typo = `${payload.slice(0, index)}${changed}${payload.slice(index + 1)}${check}`;
          expect(hasValidCheckCharacter(algorithm, typo)).toBe(false);
        },
      ),
    );
  });
});
