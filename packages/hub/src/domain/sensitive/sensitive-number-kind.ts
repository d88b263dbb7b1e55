/**
 * The numbers that identify a person's money or a person: whoever reads one can misuse it, so
 * the hub stores them only sealed and shows them only masked. The set is closed: a field that
 * holds one of these is declared with its kind, and the kind decides its validation and mask.
 */
export const sensitiveNumberKinds = {
  card_number:
    "A payment card's primary account number (PAN): 12 to 19 digits with a Luhn check digit.",
  bank_account_number:
    "A bank account number or IBAN: 6 to 34 letters and digits (the longest IBAN is 34).",
  id_number: "A person's identity document number: 5 to 32 letters and digits.",
  mobile_number:
    "A mobile phone number, as the bank that sends it one-time passwords holds it: 6 to 15 digits, an optional leading +.",
} as const satisfies Record<string, string>;

export type SensitiveNumberKind = keyof typeof sensitiveNumberKinds;

export const sensitiveNumberKindNames = Object.keys(sensitiveNumberKinds) as SensitiveNumberKind[];

export function isSensitiveNumberKind(value: string): value is SensitiveNumberKind {
  return Object.hasOwn(sensitiveNumberKinds, value);
}
