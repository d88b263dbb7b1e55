import { type QrRefusal, qrRefusal } from "./qr-problem.ts";

/**
 * One EMVCo tag-length-value field: a two-digit id, a two-digit length, then that many
 * characters. A template's value is itself a run of fields, parsed into `fields`.
 */
export interface EmvField {
  readonly id: string;
  readonly value: string;
  readonly fields?: readonly EmvField[];
}

export type EmvTlvResult = { readonly ok: true; readonly fields: readonly EmvField[] } | QrRefusal;

/** The longest value a two-digit length can announce. */
export const emvValueLengthMax = 99;

const twoDigits = /^[0-9]{2}$/;

/**
 * Parses a run of fields. Lengths count characters, not bytes or UTF-16 units, as EMVCo
 * counts them: "最佳运输" is 4 long. `parent` prefixes the tag in refusals ("62" gives "62.05").
 * Never throws; a value cut off, a length that lies, or a field seen twice is a coded refusal.
 */
export function parseEmvTlv(text: string, parent?: string): EmvTlvResult {
  const chars = Array.from(text);
  const name = (id: string) => (parent === undefined ? id : `${parent}.${id}`);
  const where = parent === undefined ? "the payload" : `template ${parent}`;
  if (chars.length === 0) return qrRefusal("qr_format_invalid", `${where} is empty`, parent);
  const fields: EmvField[] = [];
  const seen = new Set<string>();
  let at = 0;
  while (at < chars.length) {
    const previous = fields.at(-1);
    if (chars.length - at < 4) {
      return qrRefusal(
        "qr_format_invalid",
        `${where} is cut off: ${chars.length - at} character(s) after the last field, too few for an id and a length`,
        previous === undefined ? parent : name(previous.id),
      );
    }
    const id = chars.slice(at, at + 2).join("");
    const lengthText = chars.slice(at + 2, at + 4).join("");
    if (!twoDigits.test(id) || !twoDigits.test(lengthText)) {
      // After a field, a malformed id is where that field's length said the next one starts.
      return previous === undefined
        ? qrRefusal(
            "qr_format_invalid",
            `${where} does not start with a two-digit id and length`,
            parent,
          )
        : qrRefusal(
            "qr_length_invalid",
            `the length of field ${name(previous.id)} does not end where another field starts`,
            name(previous.id),
          );
    }
    const length = Number(lengthText);
    if (length === 0) {
      return qrRefusal("qr_length_invalid", `field ${name(id)} has length 00`, name(id));
    }
    if (at + 4 + length > chars.length) {
      return qrRefusal(
        "qr_length_invalid",
        `field ${name(id)} announces ${length} characters but ${where} ends after ${chars.length - at - 4}`,
        name(id),
      );
    }
    if (seen.has(id)) {
      return qrRefusal("qr_tag_repeated", `field ${name(id)} appears twice in ${where}`, name(id));
    }
    seen.add(id);
    fields.push({ id, value: chars.slice(at + 4, at + 4 + length).join("") });
    at += 4 + length;
  }
  return { ok: true, fields };
}

/** The field with this id, if any. */
export function emvField(fields: readonly EmvField[], id: string): EmvField | undefined {
  return fields.find((field) => field.id === id);
}

/** Characters as EMVCo counts them (code points), not UTF-16 units. */
export function emvLength(value: string): number {
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}

/**
 * A field's text, or undefined when the value is empty or longer than a two-digit length can
 * announce: callers turn that into their own refusal rather than write a payload that lies.
 */
export function emvFieldText(id: string, value: string): string | undefined {
  const length = emvLength(value);
  if (!twoDigits.test(id) || length === 0 || length > emvValueLengthMax) return undefined;
  return `${id}${String(length).padStart(2, "0")}${value}`;
}
