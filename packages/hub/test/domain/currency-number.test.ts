import { expect, it } from "vitest";
import { currencyNumber, findCurrencyByNumber } from "../../src/domain/money/currency.ts";

it("finds cleared currencies by their ISO 4217 numeric code, as EMVCo QR tag 53 writes them", () => {
  expect(findCurrencyByNumber("156")).toEqual({ code: "CNY", minorUnits: 2 });
  expect(findCurrencyByNumber("392")).toEqual({ code: "JPY", minorUnits: 0 });
  expect(findCurrencyByNumber("414")).toEqual({ code: "KWD", minorUnits: 3 });
  expect(findCurrencyByNumber("036")).toEqual({ code: "AUD", minorUnits: 2 });
});

it("refuses what the hub does not clear and text that is not three digits", () => {
  expect(findCurrencyByNumber("959")).toBeUndefined(); // XAU, gold
  expect(findCurrencyByNumber("960")).toBeUndefined(); // XDR, a fund code
  expect(findCurrencyByNumber("999")).toBeUndefined(); // no currency
  expect(findCurrencyByNumber("36")).toBeUndefined();
  expect(findCurrencyByNumber("CNY")).toBeUndefined();
});

it("gives the numeric code of a cleared currency", () => {
  expect(currencyNumber("CNY")).toBe("156");
  expect(currencyNumber("AUD")).toBe("036");
  expect(currencyNumber("XAU")).toBeUndefined();
  expect(currencyNumber("cny")).toBeUndefined();
});
