/**
 * The check-digit schemes a biller may declare for a customer parameter: a closed set, each a
 * published standard, so a channel can reject a mistyped account number before any call is
 * made. Every scheme checks a value whose LAST character is the check character.
 *
 * - `luhn`: ISO/IEC 7812-1 Annex B (mod 10, doubling every second digit from the right); card
 *   numbers and many utility account numbers.
 * - `gs1_mod10`: GS1 General Specifications 7.9 (mod 10, weights 3 and 1 from the right); the
 *   GTIN/EAN barcodes printed on paper bills.
 * - `mod11`: weights 2, 3, 4, 5, 6, 7 repeating from the right, check = 11 − sum mod 11, a
 *   result of 11 written 0 and 10 never issued (the MOD11 of Norway's KID and account numbers).
 * - `iso7064_mod11_2`: ISO/IEC 7064 MOD 11-2 (pure system, radix 2), check character 0-9 or X;
 *   China's resident identity number (GB 11643-1999).
 */
export const checkDigitAlgorithms = ["luhn", "gs1_mod10", "mod11", "iso7064_mod11_2"] as const;
export type CheckDigitAlgorithm = (typeof checkDigitAlgorithms)[number];

export function isCheckDigitAlgorithm(text: string): text is CheckDigitAlgorithm {
  return (checkDigitAlgorithms as readonly string[]).includes(text);
}

const digits = /^[0-9]+$/;

/**
 * Digits of `payload` from the right, each times its weight, summed; with `sumProductDigits`
 * a two-digit product counts as the sum of its digits (Luhn's 2 × 7 = 14 counts 5).
 */
function weightedSum(
  payload: string,
  weightFromRight: (position: number) => number,
  sumProductDigits = false,
): number {
  let sum = 0;
  for (let position = 0; position < payload.length; position++) {
    const product =
      (payload.charCodeAt(payload.length - 1 - position) - 48) * weightFromRight(position);
    sum += sumProductDigits && product > 9 ? product - 9 : product;
  }
  return sum;
}

function luhnCheck(payload: string): string {
  // The check digit will stand rightmost, so the payload's rightmost digit is the first doubled.
  const sum = weightedSum(payload, (position) => (position % 2 === 0 ? 2 : 1), true);
  return String((10 - (sum % 10)) % 10);
}

function gs1Check(payload: string): string {
  const sum = weightedSum(payload, (position) => (position % 2 === 0 ? 3 : 1));
  return String((10 - (sum % 10)) % 10);
}

function mod11Check(payload: string): string | undefined {
  const sum = weightedSum(payload, (position) => 2 + (position % 6));
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? undefined : String(check);
}

function iso7064Mod11_2Check(payload: string): string {
  // Weights 2^k mod 11 from the right; the check character's own weight is 1.
  let sum = 0;
  let weight = 2;
  for (let position = 0; position < payload.length; position++) {
    sum += (payload.charCodeAt(payload.length - 1 - position) - 48) * weight;
    weight = (weight * 2) % 11;
  }
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? "X" : String(check);
}

/**
 * The check character that completes `payload` (digits only), or undefined when the payload
 * is not digits or the scheme issues no number with it (mod11's remainder 1).
 */
export function checkCharacterFor(
  algorithm: CheckDigitAlgorithm,
  payload: string,
): string | undefined {
  if (!digits.test(payload)) return undefined;
  switch (algorithm) {
    case "luhn":
      return luhnCheck(payload);
    case "gs1_mod10":
      return gs1Check(payload);
    case "mod11":
      return mod11Check(payload);
    case "iso7064_mod11_2":
      return iso7064Mod11_2Check(payload);
  }
}

/** True when the value's last character is the scheme's check character for the rest. */
export function hasValidCheckCharacter(algorithm: CheckDigitAlgorithm, value: string): boolean {
  if (value.length < 2) return false;
  const expected = checkCharacterFor(algorithm, value.slice(0, -1));
  return expected !== undefined && expected === value.slice(-1);
}
