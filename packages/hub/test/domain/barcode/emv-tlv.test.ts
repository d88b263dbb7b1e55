import { expect, it } from "vitest";
import { emvFieldText, emvLength, parseEmvTlv } from "../../../src/domain/barcode/emv-tlv.ts";

it("parses fields in order", () => {
  expect(parseEmvTlv("000201010211")).toEqual({
    ok: true,
    fields: [
      { id: "00", value: "01" },
      { id: "01", value: "11" },
    ],
  });
});

it("counts characters, not bytes or UTF-16 units", () => {
  expect(parseEmvTlv("0104最佳运输0202北京")).toEqual({
    ok: true,
    fields: [
      { id: "01", value: "最佳运输" },
      { id: "02", value: "北京" },
    ],
  });
  // An astral character (two UTF-16 units) is one character.
  expect(parseEmvTlv("0002😀x")).toEqual({ ok: true, fields: [{ id: "00", value: "😀x" }] });
  expect(emvLength("😀x")).toBe(2);
});

it("refuses an empty run, a non-numeric start and a cut-off tail as format problems", () => {
  expect(parseEmvTlv("")).toMatchObject({ ok: false, problem: "qr_format_invalid" });
  expect(parseEmvTlv("A00201")).toMatchObject({ ok: false, problem: "qr_format_invalid" });
  expect(parseEmvTlv("0x0201")).toMatchObject({ ok: false, problem: "qr_format_invalid" });
  expect(parseEmvTlv("000201010")).toMatchObject({
    ok: false,
    problem: "qr_format_invalid",
    tag: "00",
  });
});

it("refuses a length that runs past the end, is zero, or lies about where the next field starts", () => {
  expect(parseEmvTlv("000501")).toMatchObject({
    ok: false,
    problem: "qr_length_invalid",
    tag: "00",
  });
  expect(parseEmvTlv("0000")).toMatchObject({ ok: false, problem: "qr_length_invalid", tag: "00" });
  // 59 says 3 but the name is "ABCD": the next "id" is "D6".
  expect(parseEmvTlv("5903ABCD6002XY")).toMatchObject({
    ok: false,
    problem: "qr_length_invalid",
    tag: "59",
  });
});

it("refuses a repeated tag and names nested tags after their template", () => {
  expect(parseEmvTlv("0002010002")).toMatchObject({
    ok: false,
    problem: "qr_length_invalid",
  });
  expect(parseEmvTlv("00020100020112")).toMatchObject({
    ok: false,
    problem: "qr_tag_repeated",
    tag: "00",
  });
  expect(parseEmvTlv("0503abc0503def", "62")).toMatchObject({
    ok: false,
    problem: "qr_tag_repeated",
    tag: "62.05",
  });
});

it("writes a field with a two-digit length and refuses what cannot be written", () => {
  expect(emvFieldText("59", "北京")).toBe("5902北京");
  expect(emvFieldText("59", "")).toBeUndefined();
  expect(emvFieldText("59", "x".repeat(99))).toBe(`5999${"x".repeat(99)}`);
  expect(emvFieldText("59", "x".repeat(100))).toBeUndefined();
  expect(emvFieldText("5", "x")).toBeUndefined();
});
