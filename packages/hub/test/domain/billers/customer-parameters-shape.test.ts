import { describe, expect, it } from "vitest";
import {
  canonicalCustomer,
  maskCustomerParameters,
  readCustomerParameters,
} from "../../../src/domain/billers/customer-parameters.ts";
import {
  type PresentedBill,
  presentedBillError,
} from "../../../src/domain/billers/presented-bill.ts";

describe("readCustomerParameters", () => {
  it("takes 1 to 8 well-named parameters with 1 to 64 storable characters each", () => {
    expect(readCustomerParameters([["accountNumber", "4401234567"]])).toEqual({
      ok: true,
      value: { accountNumber: "4401234567" },
    });
    const eight = Array.from({ length: 8 }, (_, i) => [`p${i}`, "x"] as const);
    expect(readCustomerParameters(eight).ok).toBe(true);
    expect(readCustomerParameters([["meter", "x".repeat(64)]]).ok).toBe(true);
  });

  it("names every broken rule, by parameter, under one code", () => {
    const nine = Array.from({ length: 9 }, (_, i) => [`p${i}`, "x"] as const);
    expect(readCustomerParameters(nine)).toMatchObject({
      ok: false,
      code: "customer_parameters_invalid",
      problems: [{ parameter: "", reason: "count" }],
    });
    expect(readCustomerParameters([])).toMatchObject({ ok: false });
    const read = readCustomerParameters([
      ["Account", "1"],
      ["meter", ""],
      ["district", "x".repeat(65)],
      ["zone", "a\u0007b"],
      ["ok", "1"],
      ["ok", "2"],
    ]);
    expect(read).toEqual({
      ok: false,
      code: "customer_parameters_invalid",
      problems: [
        { parameter: "", reason: "name" },
        { parameter: "meter", reason: "value_length" },
        { parameter: "district", reason: "value_length" },
        { parameter: "zone", reason: "value_text" },
        { parameter: "ok", reason: "duplicate" },
      ],
    });
  });
});

describe("canonicalCustomer", () => {
  it("spells one customer one way, whatever the order, and binds the biller", () => {
    const one = canonicalCustomer("gas-co", { account: "1", district: "7" });
    expect(one).toBe('{"billerId":"gas-co","parameters":{"account":"1","district":"7"}}');
    expect(canonicalCustomer("gas-co", { district: "7", account: "1" })).toBe(one);
  });
});

describe("maskCustomerParameters", () => {
  it("shows at most the last four characters, and never more than one in three", () => {
    expect(maskCustomerParameters({ accountNumber: "4401234567", district: "07" })).toEqual({
      accountNumber: "****567",
      district: "****",
    });
    expect(maskCustomerParameters({ meter: "123456" })).toEqual({ meter: "****56" });
  });
});

describe("presentedBillError", () => {
  const bill: PresentedBill = {
    billNumber: "B-1",
    currency: "CNY",
    amountDueMinor: 10_000n,
    amountMinMinor: null,
    amountMaxMinor: null,
    dueDate: "2026-12-20",
    period: { from: "2026-11-01", to: "2026-11-30" },
    description: null,
  };

  it("accepts a bill whose least and most payable bracket the amount due", () => {
    expect(presentedBillError(bill)).toBeUndefined();
    expect(
      presentedBillError({ ...bill, amountMinMinor: 10_000n, amountMaxMinor: 10_000n }),
    ).toBeUndefined();
  });

  it("refuses amounts out of order and a period that ends before it starts", () => {
    expect(presentedBillError({ ...bill, amountMinMinor: 10_001n })).toBe(
      "bill_amounts_inconsistent",
    );
    expect(presentedBillError({ ...bill, amountMaxMinor: 9_999n })).toBe(
      "bill_amounts_inconsistent",
    );
    expect(presentedBillError({ ...bill, period: { from: "2026-11-02", to: "2026-11-01" } })).toBe(
      "bill_period_reversed",
    );
  });
});
