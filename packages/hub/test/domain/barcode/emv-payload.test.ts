import { expect, it } from "vitest";
import { crc16CcittFalseHex } from "../../../src/domain/barcode/crc16-ccitt-false.ts";
import { parseEmvPayload } from "../../../src/domain/barcode/emv-payload.ts";
import { publishedPayloads } from "./published-payloads.ts";

/** A payload with its CRC computed, so a test reaches the rule after the CRC check. */
function withCrc(body: string): string {
  const text = `${body}6304`;
  return text + crc16CcittFalseHex(text);
}

it("parses the EMVCo annex example, templates included", () => {
  const parsed = parseEmvPayload(publishedPayloads.emvcoAnnex);
  expect(parsed.ok).toBe(true);
  if (!parsed.ok) return;
  expect(parsed.fields.map((field) => field.id)).toEqual([
    "00",
    "01",
    "29",
    "31",
    "52",
    "58",
    "59",
    "60",
    "64",
    "54",
    "53",
    "55",
    "62",
    "91",
    "63",
  ]);
  expect(parsed.fields.find((field) => field.id === "64")?.fields).toEqual([
    { id: "00", value: "ZH" },
    { id: "01", value: "最佳运输" },
    { id: "02", value: "北京" },
  ]);
  expect(parsed.fields.find((field) => field.id === "62")?.fields).toContainEqual({
    id: "06",
    value: "***",
  });
  // Tag 91 is beyond 26-51/62/64 and stays text.
  expect(parsed.fields.find((field) => field.id === "91")?.fields).toBeUndefined();
});

it("parses the published Singapore PayNow and Thai PromptPay payloads", () => {
  const paynow = parseEmvPayload(publishedPayloads.singaporePayNow);
  expect(paynow.ok && paynow.fields.find((f) => f.id === "26")?.fields?.[0]).toEqual({
    id: "00",
    value: "SG.PAYNOW",
  });
  const promptpay = parseEmvPayload(publishedPayloads.thaiPromptPay);
  expect(promptpay.ok && promptpay.fields.find((f) => f.id === "54")?.value).toBe("100.00");
});

it("accepts the CRC in lowercase hex", () => {
  const payload = publishedPayloads.thaiPromptPay;
  expect(parseEmvPayload(payload.slice(0, -4) + payload.slice(-4).toLowerCase()).ok).toBe(true);
});

it("refuses a wrong CRC, a character changed anywhere, and a cut payload", () => {
  const payload = publishedPayloads.singaporePayNow;
  expect(parseEmvPayload(`${payload.slice(0, -4)}1E75`)).toMatchObject({
    ok: false,
    problem: "qr_crc_invalid",
    tag: "63",
  });
  expect(parseEmvPayload(payload.replace("ACME", "ACNE"))).toMatchObject({
    problem: "qr_crc_invalid",
  });
  expect(parseEmvPayload(payload.slice(0, -2))).toMatchObject({ ok: false });
});

it("refuses an empty payload and one over 512 characters", () => {
  expect(parseEmvPayload("")).toMatchObject({ problem: "qr_format_invalid" });
  const long = withCrc(`000201${"9999".concat("x".repeat(99)).repeat(5)}`);
  expect(Array.from(long).length).toBeGreaterThan(512);
  expect(parseEmvPayload(long)).toMatchObject({ problem: "qr_too_long" });
});

it("wants the payload format indicator 01 first and the CRC last", () => {
  expect(parseEmvPayload(withCrc("010211"))).toMatchObject({
    problem: "qr_tag_missing",
    tag: "00",
  });
  expect(parseEmvPayload(withCrc("010211000201"))).toMatchObject({
    problem: "qr_field_invalid",
    tag: "00",
  });
  expect(parseEmvPayload(withCrc("000202"))).toMatchObject({
    problem: "qr_field_invalid",
    tag: "00",
  });
  expect(parseEmvPayload("000201010211")).toMatchObject({ problem: "qr_tag_missing", tag: "63" });
  expect(parseEmvPayload("0002016304ABCD010211")).toMatchObject({
    problem: "qr_field_invalid",
    tag: "63",
  });
  expect(parseEmvPayload("0002016304ABCG")).toMatchObject({
    problem: "qr_field_invalid",
    tag: "63",
  });
});

it("refuses a repeated tag and a length that lies, at the top and inside templates", () => {
  expect(parseEmvPayload(withCrc("000201010211010212"))).toMatchObject({
    problem: "qr_tag_repeated",
    tag: "01",
  });
  expect(parseEmvPayload(withCrc("0002015903ABCD"))).toMatchObject({
    problem: "qr_length_invalid",
    tag: "59",
  });
  expect(parseEmvPayload(withCrc("00020162140502ABCD0102xy"))).toMatchObject({
    problem: "qr_length_invalid",
    tag: "62.05",
  });
  expect(parseEmvPayload(withCrc("00020162080503abc0"))).toMatchObject({
    problem: "qr_format_invalid",
    tag: "62.05",
  });
  expect(parseEmvPayload(withCrc("0002012610" + "0001x0001y"))).toMatchObject({
    problem: "qr_tag_repeated",
    tag: "26.00",
  });
});
