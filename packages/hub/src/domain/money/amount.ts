import type { Currency } from "./currency.ts";

/** The largest amount in minor units a ledger column holds (PostgreSQL and SQLite signed 64-bit). */
export const amountMinorMax = 2n ** 63n - 1n;

export type AmountParseError =
  | "amount_invalid"
  | "amount_not_positive"
  | "amount_too_precise"
  | "amount_too_large";

export type AmountParseResult =
  | { readonly ok: true; readonly minor: bigint }
  | { readonly ok: false; readonly code: AmountParseError };

/** Plain decimal notation only: no sign, exponent, spaces, or leading zeros to hide a typo. */
const decimalPattern = /^(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;
/** Longer text than this cannot be a valid amount; refusing it early bounds the work. */
const amountTextLengthMax = 40;

/**
 * Parses an API amount ("12.30") into integer minor units of the currency. Amounts are
 * strings at the edge so no client rounds them through a binary float. Zero is refused unless
 * `allowZero` (a limit may be zero; a transfer may not).
 */
export function parseAmount(
  text: string,
  currency: Currency,
  options: { readonly allowZero?: boolean } = {},
): AmountParseResult {
  if (text.length > amountTextLengthMax) return { ok: false, code: "amount_invalid" };
  const match = decimalPattern.exec(text);
  if (match === null) return { ok: false, code: "amount_invalid" };
  const whole = match[1] ?? "0";
  const fraction = match[2] ?? "";
  if (fraction.length > currency.minorUnits) return { ok: false, code: "amount_too_precise" };
  const minor = BigInt(whole + fraction.padEnd(currency.minorUnits, "0"));
  if (minor === 0n && options.allowZero !== true) return { ok: false, code: "amount_not_positive" };
  if (minor > amountMinorMax) return { ok: false, code: "amount_too_large" };
  return { ok: true, minor };
}

/** Formats minor units as a decimal string with exactly the currency's minor digits. */
export function formatAmount(minor: bigint, currency: Currency): string {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(currency.minorUnits + 1, "0");
  const split = digits.length - currency.minorUnits;
  const text =
    currency.minorUnits === 0 ? digits : `${digits.slice(0, split)}.${digits.slice(split)}`;
  return negative ? `-${text}` : text;
}
