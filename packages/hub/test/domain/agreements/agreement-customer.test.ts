import { describe, expect, it } from "vitest";
import {
  boundAccountNumber,
  maskCustomer,
  normaliseCustomer,
} from "../../../src/domain/agreements/agreement-customer.ts";

const customer = {
  holderName: "Li Wei",
  accountNumber: "6222 0200 0000 0001",
  idType: "resident_id" as const,
  idNumber: "11010119900307001x",
  mobile: "+86 138-0000-0001",
};

describe("an agreement's customer", () => {
  it("is stored in one spelling, with the fields in one order", () => {
    const read = normaliseCustomer(customer);
    expect(read).toEqual({
      ok: true,
      value: {
        holderName: "Li Wei",
        idType: "resident_id",
        accountNumber: "6222020000000001",
        idNumber: "11010119900307001X",
        mobile: "+8613800000001",
      },
    });
    const reordered = normaliseCustomer({ ...customer, mobile: "+8613800000001" });
    expect(JSON.stringify(reordered)).toBe(JSON.stringify(read));
  });

  it("binds exactly one account or card", () => {
    const { accountNumber: _, ...neither } = customer;
    expect(normaliseCustomer(neither)).toMatchObject({ code: "account_or_card_required" });
    expect(normaliseCustomer({ ...customer, cardNumber: "4242424242424242" })).toMatchObject({
      code: "account_or_card_required",
    });
    const card = normaliseCustomer({ ...neither, cardNumber: "4242 4242 4242 4242" });
    expect(card.ok && boundAccountNumber(card.value)).toBe("4242424242424242");
  });

  it("refuses a malformed number, pointing at it", () => {
    expect(normaliseCustomer({ ...customer, mobile: "12" })).toEqual({
      ok: false,
      code: "mobile_number_invalid",
      pointer: "/customer/mobile",
    });
    expect(normaliseCustomer({ ...customer, idNumber: "1" })).toMatchObject({
      code: "id_number_invalid",
      pointer: "/customer/idNumber",
    });
  });

  it("masks every number and keeps the name", () => {
    const read = normaliseCustomer(customer);
    if (!read.ok) throw new Error("valid customer refused");
    const masked = maskCustomer(read.value);
    expect(masked).toEqual({
      holderName: "Li Wei",
      idType: "resident_id",
      accountNumber: "****0001",
      idNumber: "1****1X",
      mobile: "****0001",
    });
    expect(JSON.stringify(masked)).not.toMatch(/6222020000000001|13800000001|0307001/);
  });
});
