import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { passesLuhnCheck } from "../../../src/domain/sensitive/luhn.ts";

/** Published test card numbers and the classic example of the algorithm's description. */
const valid = [
  "4242424242424242",
  "4000056655665556",
  "5555555555554444",
  "378282246310005",
  "6011111111111117",
  "3056930009020004",
  "79927398713",
];

/** A valid payload followed by the one check digit that completes it. */
const validNumber = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 18 })
  .map((payload) => {
    const digits = payload.join("");
    for (let check = 0; check <= 9; check++) {
      if (passesLuhnCheck(`${digits}${check}`)) return `${digits}${check}`;
    }
    throw new Error(`no check digit completes ${digits}`);
  });

describe("passesLuhnCheck", () => {
  it.each(valid)("accepts %s", (digits) => {
    expect(passesLuhnCheck(digits)).toBe(true);
  });

  it.each(["4242424242424241", "4242424242424224", "79927398710", "1"])("refuses %s", (digits) => {
    expect(passesLuhnCheck(digits)).toBe(false);
  });

  it("refuses the empty string, whose digit sum of zero would otherwise pass", () => {
    expect(passesLuhnCheck("")).toBe(false);
  });

  it("has exactly one check digit for every payload", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,18}$/), (payload) => {
        const passing = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((check) =>
          passesLuhnCheck(`${payload}${check}`),
        );
        expect(passing).toHaveLength(1);
      }),
    );
  });

  it("refuses every change of a single digit of a valid number", () => {
    fc.assert(
      fc.property(validNumber, fc.nat(), fc.integer({ min: 1, max: 9 }), (digits, at, shift) => {
        const index = at % digits.length;
        const changed = (Number(digits[index]) + shift) % 10;
        const typo = `${digits.slice(0, index)}${changed}${digits.slice(index + 1)}`;
        expect(passesLuhnCheck(typo)).toBe(false);
      }),
    );
  });
});
