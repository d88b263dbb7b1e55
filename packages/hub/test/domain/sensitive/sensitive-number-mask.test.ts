import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { passesLuhnCheck } from "../../../src/domain/sensitive/luhn.ts";
import { normaliseSensitiveNumber } from "../../../src/domain/sensitive/sensitive-number.ts";
import {
  type SensitiveNumberKind,
  sensitiveNumberKindNames,
} from "../../../src/domain/sensitive/sensitive-number-kind.ts";
import {
  maskFill,
  maskSensitiveNumber,
} from "../../../src/domain/sensitive/sensitive-number-mask.ts";

/** The most a mask may show, stated here rather than read from the code under test. */
const shownMax: Record<SensitiveNumberKind, { leading: number; trailing: number }> = {
  card_number: { leading: 0, trailing: 4 },
  bank_account_number: { leading: 0, trailing: 4 },
  id_number: { leading: 1, trailing: 2 },
  mobile_number: { leading: 0, trailing: 4 },
};

const cardNumber = fc.stringMatching(/^[0-9]{11,18}$/).map((payload) => {
  const check = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((digit) =>
    passesLuhnCheck(`${payload}${digit}`),
  );
  return `${payload}${check}`;
});

const validNumbers: Record<SensitiveNumberKind, fc.Arbitrary<string>> = {
  card_number: cardNumber,
  bank_account_number: fc.stringMatching(/^[A-Z0-9]{6,34}$/),
  id_number: fc.stringMatching(/^[A-Z0-9]{5,32}$/),
  mobile_number: fc.stringMatching(/^\+?[0-9]{6,15}$/),
};

/** Splits a mask into the characters it shows before and after the fill, or fails the test. */
function shownParts(mask: string): { head: string; tail: string } {
  const at = mask.indexOf(maskFill);
  expect(at).toBeGreaterThanOrEqual(0);
  return { head: mask.slice(0, at), tail: mask.slice(at + maskFill.length) };
}

describe("maskSensitiveNumber", () => {
  const examples: ReadonlyArray<readonly [SensitiveNumberKind, string, string]> = [
    ["card_number", "4242424242424242", "****4242"],
    ["mobile_number", "+8613800000001", "****0001"],
    ["card_number", "378282246310005", "****0005"],
    ["card_number", "000000000000", "****0000"],
    ["bank_account_number", "DE89370400440532013000", "****3000"],
    ["bank_account_number", "123456789012", "****9012"],
    ["bank_account_number", "123456789", "****789"],
    ["bank_account_number", "123456", "****56"],
    ["id_number", "11010519491231002X", "1****2X"],
    ["id_number", "AB1234567", "A****67"],
    ["id_number", "AB12345", "****45"],
    ["id_number", "X1234", "****4"],
    ["id_number", "", "****"],
  ];
  it.each(examples)("masks a %s %j as %j", (kind, value, mask) => {
    expect(maskSensitiveNumber(kind, value)).toBe(mask);
  });

  for (const kind of sensitiveNumberKindNames) {
    const policy = shownMax[kind];

    it(`shows at most ${policy.leading} leading and ${policy.trailing} trailing characters of a valid ${kind}, and never all of it`, () => {
      fc.assert(
        fc.property(validNumbers[kind], (value) => {
          expect(normaliseSensitiveNumber(kind, value).ok).toBe(true);
          const mask = maskSensitiveNumber(kind, value);
          const { head, tail } = shownParts(mask);
          expect(head.length).toBeLessThanOrEqual(policy.leading);
          expect(tail.length).toBeLessThanOrEqual(policy.trailing);
          expect(value.startsWith(head)).toBe(true);
          expect(value.endsWith(tail)).toBe(true);
          expect(mask).not.toContain(value);
          expect(mask.replace(/\*/g, "").length).toBeLessThan(value.length);
        }),
      );
    });

    it(`shows at most a third of any text masked as a ${kind}`, () => {
      fc.assert(
        fc.property(fc.string({ unit: "binary", maxLength: 80 }), (value) => {
          const { head, tail } = shownParts(maskSensitiveNumber(kind, value));
          const shown = Array.from(head).length + Array.from(tail).length;
          expect(shown).toBeLessThanOrEqual(Math.floor(Array.from(value).length / 3));
        }),
      );
    });
  }

  it("does not tell how long the number is", () => {
    expect(maskSensitiveNumber("card_number", "400000004242")).toBe("****4242");
    expect(maskSensitiveNumber("card_number", "4000000000000004242")).toBe("****4242");
    expect(maskSensitiveNumber("bank_account_number", "DE89370400440532013000")).toBe(
      maskSensitiveNumber("bank_account_number", "CN1234563000"),
    );
  });
});
