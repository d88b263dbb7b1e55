import type { SensitiveNumberKind } from "./sensitive-number-kind.ts";

/**
 * How much of each kind a mask may show. Card numbers show the last four digits, as receipts
 * do (PCI DSS allows up to the first six and last four; we show fewer). Account numbers show the
 * last four so a person can tell their accounts apart. ID numbers show the first character
 * (often the document type or region) and the last two. Mobile numbers show the last four, as
 * the bank's own text messages do.
 */
export const maskPolicies = {
  card_number: { leading: 0, trailing: 4 },
  bank_account_number: { leading: 0, trailing: 4 },
  id_number: { leading: 1, trailing: 2 },
  mobile_number: { leading: 0, trailing: 4 },
} as const satisfies Record<SensitiveNumberKind, { leading: number; trailing: number }>;

/**
 * Stands for every hidden character. Always four, whatever the length, so a mask does not tell
 * how long the number is either.
 */
export const maskFill = "****";

/**
 * At most one character in three is ever shown, so a short number keeps enough hidden that
 * guessing the rest is no easier than guessing a long one's hidden part. The trailing characters
 * are kept first: they are the ones people recognise.
 */
const shownShareDivisor = 3;

/**
 * The masked form of a number, for answers and logs: `****4242` (card), `****6789` (account),
 * `A****89` (ID). Works on any text, normalised or not, so masking never depends on validation.
 */
export function maskSensitiveNumber(kind: SensitiveNumberKind, value: string): string {
  return maskCharacters(value, maskPolicies[kind]);
}

/**
 * The mask of any text kept from people's eyes, by how many leading and trailing characters
 * the kind of value may show: at most that many, and never more than one character in three.
 */
export function maskCharacters(
  value: string,
  policy: { readonly leading: number; readonly trailing: number },
): string {
  const characters = Array.from(value);
  const shownMax = Math.floor(characters.length / shownShareDivisor);
  const trailing = Math.min(policy.trailing, shownMax);
  const leading = Math.min(policy.leading, shownMax - trailing);
  const head = characters.slice(0, leading).join("");
  const tail = trailing === 0 ? "" : characters.slice(-trailing).join("");
  return `${head}${maskFill}${tail}`;
}
