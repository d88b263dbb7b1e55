/**
 * The simulators' own reading of the interfaces' amounts: exact minor units for the currency's
 * exponent, nothing rounded, and the spellings the interface's pattern refuses refused here too.
 */
import { describe, expect, it } from "vitest";
import { findCurrency, formatAmount, parseAmount } from "../src/money/amount-codec.ts";

const currency = (code: string) => {
  const found = findCurrency(code);
  if (found === undefined) throw new Error(`no currency ${code}`);
  return found;
};

describe("the simulators' amount codec", () => {
  it("reads amounts in minor units of the currency's exponent", () => {
    expect(parseAmount("12.30", currency("CNY"))).toEqual({ ok: true, minor: 1230n });
    expect(parseAmount("12.3", currency("CNY"))).toEqual({ ok: true, minor: 1230n });
    expect(parseAmount("1200", currency("JPY"))).toEqual({ ok: true, minor: 1200n });
    expect(parseAmount("1.234", currency("KWD"))).toEqual({ ok: true, minor: 1234n });
    expect(parseAmount("9999999999999999999.99", currency("CNY"))).toEqual({
      ok: true,
      minor: 999999999999999999999n,
    });
  });

  it("refuses more decimals than the currency has, rather than rounding", () => {
    expect(parseAmount("12.345", currency("CNY"))).toEqual({
      ok: false,
      code: "amount_too_precise",
    });
    expect(parseAmount("1.5", currency("JPY"))).toEqual({ ok: false, code: "amount_too_precise" });
  });

  it("refuses what the interface's amount pattern refuses", () => {
    for (const text of ["", "-1", "+1", "01", "1.", ".5", "1e3", " 1", "1,00", "0x10"]) {
      expect(parseAmount(text, currency("CNY")), text).toEqual({
        ok: false,
        code: "amount_invalid",
      });
    }
  });

  it("refuses zero unless asked to allow it", () => {
    expect(parseAmount("0.00", currency("CNY"))).toEqual({ ok: false, code: "amount_zero" });
    expect(parseAmount("0", currency("CNY"), { allowZero: true })).toEqual({ ok: true, minor: 0n });
  });

  it("writes minor units with exactly the currency's digits", () => {
    expect(formatAmount(1230n, currency("CNY"))).toBe("12.30");
    expect(formatAmount(5n, currency("CNY"))).toBe("0.05");
    expect(formatAmount(1200n, currency("JPY"))).toBe("1200");
    expect(formatAmount(-1234n, currency("KWD"))).toBe("-1.234");
  });

  it("knows ISO 4217 currencies only, one object per currency", () => {
    expect(findCurrency("cny")).toBeUndefined();
    expect(findCurrency("ABC")).toBeUndefined();
    expect(findCurrency("CNY")).toBe(findCurrency("CNY"));
  });
});
