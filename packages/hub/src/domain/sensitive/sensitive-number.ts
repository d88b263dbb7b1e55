import { passesLuhnCheck } from "./luhn.ts";
import type { SensitiveNumberKind } from "./sensitive-number-kind.ts";

export type SensitiveNumberError =
  | "card_number_invalid"
  | "card_number_check_digit_invalid"
  | "bank_account_number_invalid"
  | "id_number_invalid"
  | "mobile_number_invalid";

export type SensitiveNumberResult =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly code: SensitiveNumberError };

/** Longer text than this is no number of any kind; refusing it first bounds the work. */
export const sensitiveNumberTextLengthMax = 64;

/** The separators people type to group digits ("4242 4242 …", "DE89-3704-…"); never stored. */
const separators = /[ -]/g;

/** What each kind may hold once its separators are removed, and the code for anything else. */
const shapes = {
  card_number: { pattern: /^[0-9]{12,19}$/, invalid: "card_number_invalid" },
  bank_account_number: { pattern: /^[A-Za-z0-9]{6,34}$/, invalid: "bank_account_number_invalid" },
  id_number: { pattern: /^[A-Za-z0-9]{5,32}$/, invalid: "id_number_invalid" },
  mobile_number: { pattern: /^\+?[0-9]{6,15}$/, invalid: "mobile_number_invalid" },
} as const satisfies Record<
  SensitiveNumberKind,
  { pattern: RegExp; invalid: SensitiveNumberError }
>;

/**
 * Validates a number of the given kind and returns its one stored form: separators removed,
 * letters upper-cased. The character set is checked before upper-casing, because Unicode
 * upper-casing turns some letters outside A-Z into ones inside it ("ﬀ" becomes "FF").
 */
export function normaliseSensitiveNumber(
  kind: SensitiveNumberKind,
  text: string,
): SensitiveNumberResult {
  const shape = shapes[kind];
  if (text.length > sensitiveNumberTextLengthMax) return { ok: false, code: shape.invalid };
  const compact = text.replace(separators, "");
  if (!shape.pattern.test(compact)) return { ok: false, code: shape.invalid };
  if (kind === "card_number" && !passesLuhnCheck(compact)) {
    return { ok: false, code: "card_number_check_digit_invalid" };
  }
  return { ok: true, value: compact.toUpperCase() };
}
