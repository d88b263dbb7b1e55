import { describe, expect, it } from "vitest";
import { crc16CcittFalseHex } from "../../../src/domain/barcode/crc16-ccitt-false.ts";
import {
  clearhubGloballyUniqueId,
  decodeMerchantPresentedCode,
} from "../../../src/domain/barcode/merchant-presented-code.ts";
import {
  encodeMerchantPresentedCode,
  type MerchantPresentedCodeInput,
} from "../../../src/domain/barcode/merchant-presented-encoding.ts";
import { publishedPayloads } from "./published-payloads.ts";

const expiresAt = Date.UTC(2026, 11, 7, 10, 15, 30);

const staticInput: MerchantPresentedCodeInput = {
  initiation: "static",
  acquirerId: "acquirer-a",
  merchantId: "M-0001",
  merchantCategoryCode: "5411",
  currency: "CNY",
  countryCode: "CN",
  merchantName: "Corner Grocery",
  merchantCity: "Shanghai",
};

const dynamicInput: MerchantPresentedCodeInput = {
  ...staticInput,
  initiation: "dynamic",
  amount: "23.7",
  reference: "ORDER-42",
  expiresAt,
};

function encoded(input: MerchantPresentedCodeInput): string {
  const result = encodeMerchantPresentedCode(input);
  if (!result.ok) throw new Error(`${result.problem}: ${result.detail}`);
  return result.payload;
}

/** Replaces one top-level field's whole text and recomputes the CRC. */
function edited(payload: string, from: string, to: string): string {
  expect(payload).toContain(from);
  const body = payload.slice(0, -4).replace(from, to);
  return body + crc16CcittFalseHex(body);
}

/** Builds a payload from field texts, adding "000201" first and the CRC last. */
function payloadOf(...fields: string[]): string {
  const body = `000201${fields.join("")}6304`;
  return body + crc16CcittFalseHex(body);
}

const ours = "0012net.clearhub0110acquirer-a0206M-0001";

describe("encode then decode", () => {
  it("round-trips a static code", () => {
    const payload = encoded(staticInput);
    expect(payload).toBe(
      payloadOf(
        "010211",
        `2640${ours}`,
        "52045411",
        "5303156",
        "5802CN",
        "5914Corner Grocery",
        "6008Shanghai",
      ),
    );
    const decoded = decodeMerchantPresentedCode(payload);
    expect(decoded).toMatchObject({
      ok: true,
      code: { ...staticInput, accountTag: "26" },
    });
    expect(decoded.ok && decoded.code.amount).toBeUndefined();
  });

  it("round-trips a dynamic code with amount, reference and expiry, the amount at the currency's digits", () => {
    const payload = encoded(dynamicInput);
    expect(payload).toContain("031420261207101530");
    expect(payload).toContain("540523.70");
    expect(payload).toContain("62120508ORDER-42");
    expect(decodeMerchantPresentedCode(payload)).toMatchObject({
      ok: true,
      code: {
        ...dynamicInput,
        amount: "23.70",
        amountMinor: 2370n,
        accountTag: "26",
      },
    });
  });

  it("round-trips postal code, a language template in Chinese, another tag and another GUI", () => {
    const input: MerchantPresentedCodeInput = {
      ...staticInput,
      postalCode: "200000",
      alternateLanguage: { language: "ZH", merchantName: "街角杂货店", merchantCity: "上海" },
      accountTag: "40",
    };
    const result = encodeMerchantPresentedCode(input, "org.example.hub");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.payload).toContain("64210002ZH0105街角杂货店0202上海");
    expect(decodeMerchantPresentedCode(result.payload, "org.example.hub")).toMatchObject({
      ok: true,
      code: input,
    });
    expect(decodeMerchantPresentedCode(result.payload)).toMatchObject({
      problem: "qr_not_clearhub",
    });
  });

  it("uses a currency without minor units (JPY) and one with three (KWD)", () => {
    const yen = encodeMerchantPresentedCode({ ...dynamicInput, currency: "JPY", amount: "500" });
    expect(yen.ok && yen.code.amount).toBe("500");
    expect(yen.ok && yen.payload).toContain("5303392");
    const dinar = encodeMerchantPresentedCode({ ...dynamicInput, currency: "KWD", amount: "1.5" });
    expect(dinar.ok && dinar.code.amount).toBe("1.500");
    expect(
      encodeMerchantPresentedCode({ ...dynamicInput, currency: "JPY", amount: "5.5" }),
    ).toMatchObject({
      problem: "qr_field_invalid",
      tag: "54",
    });
  });

  it("refuses what it could not write or decode", () => {
    expect(encodeMerchantPresentedCode({ ...staticInput, currency: "XAU" })).toMatchObject({
      problem: "qr_field_invalid",
      tag: "53",
    });
    expect(encodeMerchantPresentedCode({ ...staticInput, amount: "1.00" })).toMatchObject({
      problem: "qr_amount_not_allowed",
    });
    expect(encodeMerchantPresentedCode({ ...dynamicInput, reference: undefined })).toMatchObject({
      problem: "qr_tag_missing",
      tag: "62.05",
    });
    expect(
      encodeMerchantPresentedCode({ ...dynamicInput, merchantId: "M".repeat(64) }),
    ).toMatchObject({
      problem: "qr_length_invalid",
      tag: "26",
    });
    expect(encodeMerchantPresentedCode({ ...staticInput, accountTag: "52" })).toMatchObject({
      problem: "qr_field_invalid",
    });
    expect(encodeMerchantPresentedCode({ ...dynamicInput, expiresAt: Number.NaN })).toMatchObject({
      problem: "qr_field_invalid",
      tag: "26",
    });
    expect(
      encodeMerchantPresentedCode({ ...staticInput, merchantName: "N".repeat(26) }),
    ).toMatchObject({
      problem: "qr_field_invalid",
      tag: "59",
    });
  });
});

describe("field rules on decode", () => {
  const base = encoded(staticInput);
  const dynamic = encoded(dynamicInput);

  it("needs the point of initiation, 11 or 12", () => {
    expect(decodeMerchantPresentedCode(edited(base, "010211", ""))).toMatchObject({
      problem: "qr_tag_missing",
      tag: "01",
    });
    expect(decodeMerchantPresentedCode(edited(base, "010211", "010213"))).toMatchObject({
      problem: "qr_field_invalid",
      tag: "01",
    });
  });

  it("refuses an amount on a static code and wants one on a dynamic code", () => {
    expect(decodeMerchantPresentedCode(edited(base, "5303156", "530315654041.00"))).toMatchObject({
      problem: "qr_amount_not_allowed",
      tag: "54",
    });
    expect(decodeMerchantPresentedCode(edited(dynamic, "540523.70", ""))).toMatchObject({
      problem: "qr_amount_missing",
      tag: "54",
    });
  });

  it("checks the amount against the currency", () => {
    for (const amount of [
      "0",
      "0.00",
      "1.234",
      "-1",
      "1e3",
      "01.00",
      "1,00",
      " 1",
      "123456789012.3",
    ]) {
      const text = `54${String(amount.length).padStart(2, "0")}${amount}`;
      expect(decodeMerchantPresentedCode(edited(dynamic, "540523.70", text)), amount).toMatchObject(
        { problem: "qr_field_invalid", tag: "54" },
      );
    }
    expect(decodeMerchantPresentedCode(edited(dynamic, "540523.70", "540223"))).toMatchObject({
      ok: true,
      code: { amount: "23.00", amountMinor: 2300n },
    });
  });

  it("needs a dynamic code's reference (not ***) and its expiry, and no expiry on a static code", () => {
    expect(decodeMerchantPresentedCode(edited(dynamic, "62120508ORDER-42", ""))).toMatchObject({
      problem: "qr_tag_missing",
      tag: "62.05",
    });
    expect(
      decodeMerchantPresentedCode(edited(dynamic, "62120508ORDER-42", "62070503***")),
    ).toMatchObject({
      problem: "qr_field_invalid",
      tag: "62.05",
    });
    expect(
      decodeMerchantPresentedCode(
        edited(dynamic, "62120508ORDER-42", `6230${"0526".concat("R".repeat(26))}`),
      ),
    ).toMatchObject({
      problem: "qr_field_invalid",
      tag: "62.05",
    });
    expect(
      decodeMerchantPresentedCode(
        edited(dynamic, "26580012", "26400012").replace("0314202612071015306", "6"),
      ),
    ).toMatchObject({
      ok: false,
    });
    const noExpiry = edited(dynamic, `2658${ours}031420261207101530`, `2640${ours}`);
    expect(decodeMerchantPresentedCode(noExpiry)).toMatchObject({
      problem: "qr_tag_missing",
      tag: "26.03",
    });
    const badExpiry = edited(dynamic, "031420261207101530", "031420260231101530");
    expect(decodeMerchantPresentedCode(badExpiry)).toMatchObject({
      problem: "qr_field_invalid",
      tag: "26.03",
    });
    const staticWithExpiry = edited(base, `2640${ours}`, `2658${ours}031420261207101530`);
    expect(decodeMerchantPresentedCode(staticWithExpiry)).toMatchObject({
      problem: "qr_field_invalid",
      tag: "26.03",
    });
  });

  it("needs clearhub's template once, with a participant acquirer id and a merchant id", () => {
    expect(
      decodeMerchantPresentedCode(edited(base, "0012net.clearhub", "0012net.example.")),
    ).toMatchObject({
      problem: "qr_not_clearhub",
    });
    expect(
      decodeMerchantPresentedCode(edited(base, "0012net.clearhub", "0012NET.CLEARHUB")).ok,
    ).toBe(true);
    expect(
      decodeMerchantPresentedCode(edited(base, `2640${ours}`, `2640${ours}2740${ours}`)),
    ).toMatchObject({
      problem: "qr_tag_repeated",
      tag: "27",
    });
    expect(
      decodeMerchantPresentedCode(edited(base, `2640${ours}`, "26260012net.clearhub0206M-0001")),
    ).toMatchObject({
      problem: "qr_tag_missing",
      tag: "26.01",
    });
    expect(
      decodeMerchantPresentedCode(edited(base, "0110acquirer-a", "0110Acquirer-A")),
    ).toMatchObject({
      problem: "qr_field_invalid",
      tag: "26.01",
    });
    expect(
      decodeMerchantPresentedCode(
        edited(base, `2640${ours}`, "26300012net.clearhub0110acquirer-a"),
      ),
    ).toMatchObject({
      problem: "qr_tag_missing",
      tag: "26.02",
    });
    expect(decodeMerchantPresentedCode(edited(base, "0206M-0001", "0206M 0001"))).toMatchObject({
      problem: "qr_field_invalid",
      tag: "26.02",
    });
  });

  it("keeps other networks' templates and primitive card fields without reading them", () => {
    const payload = edited(base, "010211", "0102110216424263153000988827190009SG.PAYNOW0102X9");
    const decoded = decodeMerchantPresentedCode(payload);
    expect(decoded).toMatchObject({ ok: true, code: { accountTag: "26" } });
    expect(decoded.ok && decoded.code.fields.map((field) => field.id)).toContain("02");
  });

  it("checks category, currency, country, name, city and postal code", () => {
    const cases: Array<[string, string, string, string]> = [
      ["52045411", "", "qr_tag_missing", "52"],
      ["52045411", "520354A", "qr_field_invalid", "52"],
      ["5303156", "", "qr_tag_missing", "53"],
      ["5303156", "5303999", "qr_field_invalid", "53"],
      ["5303156", "5303CNY", "qr_field_invalid", "53"],
      ["5802CN", "", "qr_tag_missing", "58"],
      ["5802CN", "5802cn", "qr_field_invalid", "58"],
      ["5802CN", "5802XX", "qr_field_invalid", "58"],
      ["5802CN", "5802EU", "qr_field_invalid", "58"],
      ["5914Corner Grocery", "", "qr_tag_missing", "59"],
      ["5914Corner Grocery", `5926${"N".repeat(26)}`, "qr_field_invalid", "59"],
      ["5914Corner Grocery", "5902A\u0007", "qr_field_invalid", "59"],
      ["6008Shanghai", "", "qr_tag_missing", "60"],
      ["6008Shanghai", `6016${"C".repeat(16)}`, "qr_field_invalid", "60"],
      ["6008Shanghai", `6008Shanghai6111${"1".repeat(11)}`, "qr_field_invalid", "61"],
      ["5303156", "5303156550201", "qr_field_invalid", "55"],
    ];
    for (const [from, to, problem, tag] of cases) {
      expect(decodeMerchantPresentedCode(edited(base, from, to)), `${from} -> ${to}`).toMatchObject(
        {
          ok: false,
          problem,
          tag,
        },
      );
    }
    expect(
      decodeMerchantPresentedCode(edited(base, "5914Corner Grocery", `5925${"N".repeat(25)}`)).ok,
    ).toBe(true);
  });

  it("checks the language template", () => {
    const withLanguage = (template: string) =>
      decodeMerchantPresentedCode(edited(base, "6008Shanghai", `6008Shanghai64${template}`));
    expect(withLanguage("120002ZH0102北京")).toMatchObject({
      ok: true,
      code: { alternateLanguage: { language: "ZH", merchantName: "北京" } },
    });
    expect(withLanguage("060102北京")).toMatchObject({ problem: "qr_tag_missing", tag: "64.00" });
    expect(withLanguage("120002Z10102北京")).toMatchObject({
      problem: "qr_field_invalid",
      tag: "64.00",
    });
    expect(withLanguage("060002ZH")).toMatchObject({ problem: "qr_tag_missing", tag: "64.01" });
    expect(withLanguage(`310002ZH0102北京0215${"城".repeat(15)}`).ok).toBe(true);
    expect(withLanguage(`320002ZH0102北京0216${"城".repeat(16)}`)).toMatchObject({
      problem: "qr_field_invalid",
      tag: "64.02",
    });
  });

  it("refuses a bad CRC before anything else", () => {
    expect(decodeMerchantPresentedCode(`${base.slice(0, -4)}0000`)).toMatchObject({
      problem: "qr_crc_invalid",
    });
  });
});

describe("published payloads of other networks", () => {
  it("are well-formed EMVCo payloads but not clearhub codes", () => {
    for (const payload of Object.values(publishedPayloads)) {
      expect(decodeMerchantPresentedCode(payload)).toMatchObject({ ok: false });
    }
    expect(decodeMerchantPresentedCode(publishedPayloads.thaiPromptPay)).toMatchObject({
      problem: "qr_not_clearhub",
    });
    expect(decodeMerchantPresentedCode(publishedPayloads.singaporePayNow)).toMatchObject({
      problem: "qr_not_clearhub",
    });
  });

  it("decode as clearhub codes when the hub's identifier is theirs", () => {
    // PayNow's template is found by its GUI; its sub-tag 01 (proxy type \"2\") is no acquirer id.
    expect(
      decodeMerchantPresentedCode(publishedPayloads.singaporePayNow, "SG.PAYNOW"),
    ).toMatchObject({
      problem: "qr_field_invalid",
      tag: "26.01",
    });
  });
});

it("exports the hub's identifier", () => {
  expect(clearhubGloballyUniqueId).toBe("net.clearhub");
});
