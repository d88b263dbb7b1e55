/**
 * A merchant's fields as its acquirer sends them: each mistake named by its pointer and code,
 * all of them at once; the EMVCo lengths counted in characters; country codes from ISO 3166-1.
 */
import { describe, expect, it } from "vitest";
import { countryCodes, isCountryCode } from "../../../src/domain/barcode/country-code.ts";
import {
  checkMerchantFields,
  isAcquirerKind,
  isMerchantId,
  sameMerchantFields,
} from "../../../src/domain/barcode/merchant.ts";

const fields = {
  name: "Tea House Lin",
  merchantCategoryCode: "5814",
  city: "Hangzhou",
  countryCode: "CN",
};

describe("merchant fields", () => {
  it("accepts a merchant as EMVCo prints it, and answers the fields as stored", () => {
    expect(checkMerchantFields("store-0042", fields)).toEqual({ ok: true, fields });
    const longest = { ...fields, name: "x".repeat(25), city: "杭".repeat(15) };
    expect(checkMerchantFields("A.b_c-1", longest).ok).toBe(true);
  });

  it("names every refused field with its pointer and code", () => {
    const checked = checkMerchantFields("bad id!", {
      name: "x".repeat(26),
      merchantCategoryCode: "581",
      city: "",
      countryCode: "cn",
    });
    expect(checked).toEqual({
      ok: false,
      issues: [
        { field: "/merchantId", code: "merchant_id_invalid" },
        { field: "/name", code: "merchant_name_invalid" },
        { field: "/merchantCategoryCode", code: "merchant_category_code_invalid" },
        { field: "/city", code: "merchant_city_invalid" },
        { field: "/countryCode", code: "country_code_invalid" },
      ],
    });
  });

  it("refuses text a payer's screen or a database would not show as sent", () => {
    for (const name of ["", " Tea", "Tea ", "Tea\u0000House", "Tea\nHouse", "\uD800"]) {
      expect(checkMerchantFields("m1", { ...fields, name }).ok, JSON.stringify(name)).toBe(false);
    }
    // 15 characters of four UTF-16 units' worth each: counted as 15, not 30.
    expect(checkMerchantFields("m1", { ...fields, city: "😀".repeat(15) }).ok).toBe(true);
    expect(checkMerchantFields("m1", { ...fields, city: "😀".repeat(16) }).ok).toBe(false);
  });

  it("takes category codes of exactly four ASCII digits", () => {
    for (const code of ["0000", "5814", "9999"]) {
      expect(checkMerchantFields("m1", { ...fields, merchantCategoryCode: code }).ok).toBe(true);
    }
    for (const code of ["581", "58145", "58a4", "５８１４", " 581"]) {
      expect(checkMerchantFields("m1", { ...fields, merchantCategoryCode: code }).ok).toBe(false);
    }
  });

  it("knows the 249 assigned ISO 3166-1 alpha-2 codes, in upper case only", () => {
    expect(countryCodes.size).toBe(249);
    expect(["CN", "HK", "US", "DE", "ZW", "AX"].every(isCountryCode)).toBe(true);
    expect(["cn", "XX", "UK", "EU", "CHN", ""].some(isCountryCode)).toBe(false);
  });

  it("takes merchant ids of 1 to 32 URL-safe characters", () => {
    expect(["1", "a".repeat(32), "Shop_1.A-b"].every(isMerchantId)).toBe(true);
    expect(["", "a".repeat(33), "a/b", "a b", "ä", ".", ".."].some(isMerchantId)).toBe(false);
  });

  it("lets banks and payment institutions acquire, nobody else", () => {
    expect(isAcquirerKind("bank")).toBe(true);
    expect(isAcquirerKind("payment_institution")).toBe(true);
    expect(isAcquirerKind("biller")).toBe(false);
    expect(isAcquirerKind("operator")).toBe(false);
  });

  it("compares the fields an acquirer sets", () => {
    expect(sameMerchantFields(fields, { ...fields })).toBe(true);
    expect(sameMerchantFields(fields, { ...fields, city: "Shanghai" })).toBe(false);
  });
});
