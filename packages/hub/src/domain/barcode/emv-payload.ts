import { crc16CcittFalseHex } from "./crc16-ccitt-false.ts";
import { type EmvField, parseEmvTlv } from "./emv-tlv.ts";
import { type QrRefusal, qrRefusal } from "./qr-problem.ts";

/** EMVCo MPM's maximum payload length, in characters. */
export const emvPayloadLengthMax = 512;

export type EmvPayloadResult =
  | { readonly ok: true; readonly fields: readonly EmvField[] }
  | QrRefusal;

const crcTrailer = /6304([0-9A-Fa-f]{4})$/;
const hexFour = /^[0-9A-Fa-f]{4}$/;

/**
 * Tags whose value is a run of fields: merchant account information 26-51, additional data 62
 * and the merchant information language template 64. Tags 02-25 are primitive (card networks'
 * merchant ids), and 80-99 are left as text because some schemes put plain text there (Thai QR
 * tag 81 is hex-encoded UTF-16).
 */
export function isEmvTemplateTag(id: string): boolean {
  const number = Number(id);
  return (number >= 26 && number <= 51) || id === "62" || id === "64";
}

/**
 * Checks any merchant-presented payload, whichever network it belongs to: length, the CRC
 * (first, so a damaged scan is named as such), the tag-length-value structure down into the
 * templates, the payload format indicator "01" first and the CRC last. Hex in the CRC may be
 * lowercase. Never throws.
 */
export function parseEmvPayload(payload: string): EmvPayloadResult {
  const length = Array.from(payload).length;
  if (length === 0) return qrRefusal("qr_format_invalid", "the payload is empty");
  if (length > emvPayloadLengthMax) {
    return qrRefusal(
      "qr_too_long",
      `the payload has ${length} characters; at most ${emvPayloadLengthMax}`,
    );
  }
  const trailer = crcTrailer.exec(payload);
  if (trailer !== null) {
    const expected = crc16CcittFalseHex(payload.slice(0, -4));
    if (trailer[1]?.toUpperCase() !== expected) {
      return qrRefusal(
        "qr_crc_invalid",
        `the CRC is ${trailer[1]} but the payload gives ${expected}`,
        "63",
      );
    }
  }
  const parsed = parseEmvTlv(payload);
  if (!parsed.ok) return parsed;
  const framing = checkFraming(parsed.fields);
  if (framing !== undefined) return framing;
  return parseTemplates(parsed.fields);
}

function checkFraming(fields: readonly EmvField[]): QrRefusal | undefined {
  const first = fields[0];
  const last = fields.at(-1);
  if (!fields.some((field) => field.id === "00")) {
    return qrRefusal("qr_tag_missing", "no payload format indicator (tag 00)", "00");
  }
  if (first?.id !== "00") {
    return qrRefusal("qr_field_invalid", "the payload format indicator must come first", "00");
  }
  if (first.value !== "01") {
    return qrRefusal(
      "qr_field_invalid",
      `payload format indicator ${first.value}; expected 01`,
      "00",
    );
  }
  if (!fields.some((field) => field.id === "63")) {
    return qrRefusal("qr_tag_missing", "no CRC (tag 63)", "63");
  }
  if (last?.id !== "63") return qrRefusal("qr_field_invalid", "the CRC must come last", "63");
  if (!hexFour.test(last.value)) {
    return qrRefusal("qr_field_invalid", "the CRC must be four hexadecimal digits", "63");
  }
  return undefined;
}

function parseTemplates(fields: readonly EmvField[]): EmvPayloadResult {
  const parsed: EmvField[] = [];
  for (const field of fields) {
    if (!isEmvTemplateTag(field.id)) {
      parsed.push(field);
      continue;
    }
    const inner = parseEmvTlv(field.value, field.id);
    if (!inner.ok) return inner;
    parsed.push({ ...field, fields: inner.fields });
  }
  return { ok: true, fields: parsed };
}
