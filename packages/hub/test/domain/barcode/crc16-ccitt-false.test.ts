import { expect, it } from "vitest";
import {
  crc16CcittFalse,
  crc16CcittFalseHex,
} from "../../../src/domain/barcode/crc16-ccitt-false.ts";
import { publishedPayloads } from "./published-payloads.ts";

it("gives the catalogue's check value for 123456789", () => {
  expect(crc16CcittFalse("123456789")).toBe(0x29b1);
  expect(crc16CcittFalseHex("123456789")).toBe("29B1");
});

it("is 0xFFFF for nothing and pads to four uppercase digits", () => {
  expect(crc16CcittFalse("")).toBe(0xffff);
  // "A" gives 0xB915; a value below 0x1000 must keep its leading zeros.
  expect(crc16CcittFalseHex("A")).toBe("B915");
  const small = Array.from({ length: 5000 }, (_, i) => `x${i}`).find(
    (text) => crc16CcittFalse(text) < 0x1000,
  );
  expect(small).toBeDefined();
  expect(crc16CcittFalseHex(small ?? "")).toMatch(/^0[0-9A-F]{3}$/);
});

it("runs over UTF-8 bytes: the EMVCo example with Chinese characters gives A13A", () => {
  const payload = publishedPayloads.emvcoAnnex;
  expect(crc16CcittFalseHex(payload.slice(0, -4))).toBe("A13A");
});

it("matches every published payload's CRC", () => {
  for (const payload of Object.values(publishedPayloads)) {
    expect(crc16CcittFalseHex(payload.slice(0, -4))).toBe(payload.slice(-4));
  }
});
