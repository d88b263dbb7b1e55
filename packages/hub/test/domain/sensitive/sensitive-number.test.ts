import { describe, expect, it } from "vitest";
import {
  normaliseSensitiveNumber,
  type SensitiveNumberError,
  sensitiveNumberTextLengthMax,
} from "../../../src/domain/sensitive/sensitive-number.ts";
import {
  isSensitiveNumberKind,
  type SensitiveNumberKind,
  sensitiveNumberKindNames,
} from "../../../src/domain/sensitive/sensitive-number-kind.ts";

describe("sensitive number kinds", () => {
  it("are exactly card, bank account, ID and mobile numbers", () => {
    expect(sensitiveNumberKindNames).toEqual([
      "card_number",
      "bank_account_number",
      "id_number",
      "mobile_number",
    ]);
  });

  it("recognise only their own names", () => {
    expect(isSensitiveNumberKind("card_number")).toBe(true);
    expect(isSensitiveNumberKind("mobile")).toBe(false);
    expect(isSensitiveNumberKind("toString")).toBe(false);
  });
});

describe("normaliseSensitiveNumber", () => {
  const accepted: ReadonlyArray<readonly [SensitiveNumberKind, string, string]> = [
    ["card_number", "4242424242424242", "4242424242424242"],
    ["card_number", "4242 4242 4242 4242", "4242424242424242"],
    ["card_number", "4242-4242-4242-4242", "4242424242424242"],
    ["card_number", "378282246310005", "378282246310005"],
    ["card_number", "000000000000", "000000000000"],
    ["card_number", "0000000000000000000", "0000000000000000000"],
    ["bank_account_number", "123456", "123456"],
    ["bank_account_number", "de89 3704 0044 0532 0130 00", "DE89370400440532013000"],
    ["bank_account_number", "6222-0212-3456-7890", "6222021234567890"],
    ["bank_account_number", "A".repeat(34), "A".repeat(34)],
    ["id_number", "x1234", "X1234"],
    ["id_number", "11010519491231002x", "11010519491231002X"],
    ["id_number", "AB 123-456", "AB123456"],
    ["id_number", "9".repeat(32), "9".repeat(32)],
    ["mobile_number", "+86 138-0000-0001", "+8613800000001"],
    ["mobile_number", "13800000001", "13800000001"],
  ];
  it.each(accepted)("accepts a %s given as %j and stores %j", (kind, text, value) => {
    expect(normaliseSensitiveNumber(kind, text)).toEqual({ ok: true, value });
  });

  const refused: ReadonlyArray<readonly [SensitiveNumberKind, string, SensitiveNumberError]> = [
    ["card_number", "", "card_number_invalid"],
    ["card_number", "4242424242424241", "card_number_check_digit_invalid"],
    ["card_number", "00000000000", "card_number_invalid"],
    ["card_number", "00000000000000000000", "card_number_invalid"],
    ["card_number", "4242 4242 4242 424x", "card_number_invalid"],
    ["card_number", "4242.4242.4242.4242", "card_number_invalid"],
    ["card_number", "4242\t4242\t4242\t4242", "card_number_invalid"],
    ["card_number", "４２４２４２４２４２４２４２４２", "card_number_invalid"],
    ["bank_account_number", "12345", "bank_account_number_invalid"],
    ["bank_account_number", "A".repeat(35), "bank_account_number_invalid"],
    ["bank_account_number", "1234_5678", "bank_account_number_invalid"],
    ["bank_account_number", "12345É", "bank_account_number_invalid"],
    ["id_number", "1234", "id_number_invalid"],
    ["id_number", "9".repeat(33), "id_number_invalid"],
    ["id_number", "ﬀ123", "id_number_invalid"],
    ["id_number", "AB/123456", "id_number_invalid"],
    ["mobile_number", "12345", "mobile_number_invalid"],
    ["mobile_number", "+86+138000001", "mobile_number_invalid"],
  ];
  it.each(refused)("refuses a %s given as %j with %s", (kind, text, code) => {
    expect(normaliseSensitiveNumber(kind, text)).toEqual({ ok: false, code });
  });

  it("refuses text longer than the bound before looking at it, even if separators would shrink it", () => {
    const padded = `${" ".repeat(sensitiveNumberTextLengthMax - 15)}4242424242424242`;
    expect(padded.length).toBe(sensitiveNumberTextLengthMax + 1);
    expect(normaliseSensitiveNumber("card_number", padded)).toEqual({
      ok: false,
      code: "card_number_invalid",
    });
    expect(normaliseSensitiveNumber("card_number", padded.slice(1))).toEqual({
      ok: true,
      value: "4242424242424242",
    });
  });
});
