import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AmountParseError,
  amountMinorMax,
  formatAmount,
  parseAmount,
} from "../../src/domain/money/amount.ts";
import { type Currency, findCurrency, isKnownCurrency } from "../../src/domain/money/currency.ts";

function currency(code: string): Currency {
  const found = findCurrency(code);
  if (found === undefined) throw new Error(`test currency ${code} is unknown`);
  return found;
}

const CNY = currency("CNY");
const JPY = currency("JPY");
const BHD = currency("BHD");
const currencies = { CNY, JPY, BHD } as const;
type Code = keyof typeof currencies;

describe("parseAmount", () => {
  const valid: ReadonlyArray<readonly [string, Code, bigint]> = [
    ["12.30", "CNY", 1230n],
    ["12.3", "CNY", 1230n],
    ["0.01", "CNY", 1n],
    ["0.10", "CNY", 10n],
    ["1", "CNY", 100n],
    ["1.00", "CNY", 100n],
    ["10", "CNY", 1000n],
    ["92233720368547758.07", "CNY", amountMinorMax],
    ["100", "JPY", 100n],
    ["1", "JPY", 1n],
    ["9223372036854775807", "JPY", amountMinorMax],
    ["1.234", "BHD", 1234n],
    ["1.2", "BHD", 1200n],
    ["0.001", "BHD", 1n],
    ["7", "BHD", 7000n],
    ["9223372036854775.807", "BHD", amountMinorMax],
  ];
  it.each(valid)("parses %j in %s as %s minor units", (text, code, minor) => {
    expect(parseAmount(text, currencies[code])).toEqual({ ok: true, minor });
  });

  const invalid: ReadonlyArray<readonly [string, Code, AmountParseError]> = [
    // Not plain decimal notation.
    ["", "CNY", "amount_invalid"],
    ["-1", "CNY", "amount_invalid"],
    ["+1", "CNY", "amount_invalid"],
    ["1e5", "CNY", "amount_invalid"],
    ["1E5", "JPY", "amount_invalid"],
    [" 1", "CNY", "amount_invalid"],
    ["1 ", "CNY", "amount_invalid"],
    ["1\n", "CNY", "amount_invalid"],
    ["01", "CNY", "amount_invalid"],
    ["00", "CNY", "amount_invalid"],
    ["00.5", "CNY", "amount_invalid"],
    ["1.", "CNY", "amount_invalid"],
    [".5", "CNY", "amount_invalid"],
    ["1,00", "CNY", "amount_invalid"],
    ["1.2.3", "CNY", "amount_invalid"],
    ["1_000", "CNY", "amount_invalid"],
    ["0x10", "CNY", "amount_invalid"],
    ["NaN", "CNY", "amount_invalid"],
    ["Infinity", "CNY", "amount_invalid"],
    ["١٢", "CNY", "amount_invalid"],
    ["１２", "CNY", "amount_invalid"],
    ["-0", "JPY", "amount_invalid"],
    // Zero.
    ["0", "CNY", "amount_not_positive"],
    ["0.00", "CNY", "amount_not_positive"],
    ["0.0", "CNY", "amount_not_positive"],
    ["0", "JPY", "amount_not_positive"],
    ["0.000", "BHD", "amount_not_positive"],
    // More digits than the currency has minor units; checked before zero.
    ["1.5", "JPY", "amount_too_precise"],
    ["1.0", "JPY", "amount_too_precise"],
    ["1.001", "CNY", "amount_too_precise"],
    ["12.300", "CNY", "amount_too_precise"],
    ["0.001", "CNY", "amount_too_precise"],
    ["0.000", "CNY", "amount_too_precise"],
    ["1.2345", "BHD", "amount_too_precise"],
    // Beyond a signed 64-bit column.
    ["9223372036854775808", "JPY", "amount_too_large"],
    ["9999999999999999999", "JPY", "amount_too_large"],
    ["92233720368547758.08", "CNY", "amount_too_large"],
    ["9223372036854775807", "CNY", "amount_too_large"],
    ["9223372036854775.808", "BHD", "amount_too_large"],
  ];
  it.each(invalid)("refuses %j in %s with %s", (text, code, error) => {
    expect(parseAmount(text, currencies[code])).toEqual({ ok: false, code: error });
  });

  it("never throws and only accepts 1..amountMinorMax, for any string", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.constantFrom(CNY, JPY, BHD), (text, cur) => {
        const result = parseAmount(text, cur);
        if (result.ok) {
          expect(result.minor).toBeGreaterThan(0n);
          expect(result.minor).toBeLessThanOrEqual(amountMinorMax);
        }
      }),
    );
  });
});

describe("formatAmount", () => {
  const rows: ReadonlyArray<readonly [bigint, Code, string]> = [
    [1230n, "CNY", "12.30"],
    [1n, "CNY", "0.01"],
    [10n, "CNY", "0.10"],
    [100n, "CNY", "1.00"],
    [0n, "CNY", "0.00"],
    [amountMinorMax, "CNY", "92233720368547758.07"],
    [100n, "JPY", "100"],
    [0n, "JPY", "0"],
    [amountMinorMax, "JPY", "9223372036854775807"],
    [1n, "BHD", "0.001"],
    [1234n, "BHD", "1.234"],
    [0n, "BHD", "0.000"],
    // Negative values (net positions) keep the sign in front of the leading zero.
    [-1230n, "CNY", "-12.30"],
    [-1n, "CNY", "-0.01"],
    [-99n, "CNY", "-0.99"],
    [-100n, "CNY", "-1.00"],
    [-5n, "JPY", "-5"],
    [-1n, "BHD", "-0.001"],
    [-1234n, "BHD", "-1.234"],
    [-amountMinorMax, "CNY", "-92233720368547758.07"],
    [-(2n ** 63n), "JPY", "-9223372036854775808"],
  ];
  it.each(rows)("formats %s in %s as %j", (minor, code, text) => {
    expect(formatAmount(minor, currencies[code])).toBe(text);
  });

  const roundTrips: ReadonlyArray<readonly [string, Code, string]> = [
    ["12.30", "CNY", "12.30"],
    ["12.3", "CNY", "12.30"],
    ["1", "CNY", "1.00"],
    ["0.01", "CNY", "0.01"],
    ["100", "JPY", "100"],
    ["1.2", "BHD", "1.200"],
    ["0.001", "BHD", "0.001"],
  ];
  it.each(roundTrips)("formatAmount(parseAmount(%j, %s)) is %j", (text, code, canonical) => {
    const parsed = parseAmount(text, currencies[code]);
    if (!parsed.ok) throw new Error(`expected ${text} to parse, got ${parsed.code}`);
    expect(formatAmount(parsed.minor, currencies[code])).toBe(canonical);
  });

  it("parseAmount(formatAmount(n)) === n for every storable positive amount", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: amountMinorMax }),
        fc.constantFrom<Code>("CNY", "JPY", "BHD"),
        (minor, code) => {
          expect(parseAmount(formatAmount(minor, currencies[code]), currencies[code])).toEqual({
            ok: true,
            minor,
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("the formatted text of a negative value is '-' and the text of its absolute value", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: amountMinorMax }),
        fc.constantFrom<Code>("CNY", "JPY", "BHD"),
        (minor, code) => {
          expect(formatAmount(-minor, currencies[code])).toBe(
            `-${formatAmount(minor, currencies[code])}`,
          );
        },
      ),
    );
  });
});

describe("findCurrency", () => {
  it.each([
    ["CNY", 2],
    ["JPY", 0],
    ["BHD", 3],
    ["USD", 2],
    ["EUR", 2],
    ["KWD", 3],
  ] as const)("finds %s with %i minor units", (code, minorUnits) => {
    expect(findCurrency(code)).toEqual({ code, minorUnits });
    expect(isKnownCurrency(code)).toBe(true);
  });

  it.each([
    "XAU", // gold
    "XAG", // silver
    "XPT", // platinum
    "XTS", // testing code
    "XXX", // no currency
    "XBA", // bond markets unit
    "cny", // lower case
    "Cny",
    "ABC", // not assigned
    "",
    "CN",
    "CNYY",
    " CNY",
    "CNY ",
  ])("finds no currency for %j", (code) => {
    expect(findCurrency(code)).toBeUndefined();
    expect(isKnownCurrency(code)).toBe(false);
  });
});
