/**
 * Every reason a merchant-presented QR payload is refused, for the codec, the CLI and the API.
 * The set is closed and the codes are stable: clients switch on them. `tag` in a refusal names
 * the field ("54", or "62.05" for sub-tag 05 of the additional data template).
 */
export const qrProblems = {
  qr_format_invalid: {
    meaning:
      "The payload is empty, cut off, or a field's id or length is not two digits where the payload or a template starts.",
  },
  qr_too_long: { meaning: "The payload is longer than 512 characters, the EMVCo maximum." },
  qr_length_invalid: {
    meaning:
      "A field's length does not match its value: it runs past the end of the payload or template, is zero, or does not end where the next field starts.",
  },
  qr_tag_repeated: { meaning: "A field appears twice at the same level." },
  qr_tag_missing: { meaning: "A field the code needs is absent (tag names it)." },
  qr_crc_invalid: {
    meaning: "The CRC in tag 63 does not match the payload (a damaged scan or an edited payload).",
  },
  qr_field_invalid: { meaning: "A known field's value breaks its rule (tag names it)." },
  qr_not_clearhub: {
    meaning:
      "No merchant account template in tags 26-51 carries the hub's globally unique identifier: the code belongs to another network.",
  },
  qr_amount_missing: { meaning: "A dynamic code (point of initiation 12) has no amount (tag 54)." },
  qr_amount_not_allowed: {
    meaning: "A static code (point of initiation 11) carries an amount; only dynamic codes may.",
  },
} as const;

export type QrProblem = keyof typeof qrProblems;

/** A refusal: the stable code, a sentence for people, and the field when one is to blame. */
export interface QrRefusal {
  readonly ok: false;
  readonly problem: QrProblem;
  readonly detail: string;
  readonly tag?: string;
}

export function qrRefusal(problem: QrProblem, detail: string, tag?: string): QrRefusal {
  return tag === undefined ? { ok: false, problem, detail } : { ok: false, problem, detail, tag };
}
