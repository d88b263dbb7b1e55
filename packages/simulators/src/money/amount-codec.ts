import currencyCodes from "currency-codes";

/**
 * Amounts as the interfaces write them ("12.30" CNY, "1200" JPY) and as a simulator keeps them:
 * integer minor units of an ISO 4217 currency, never a float.
 *
 * This is the simulators' own reading of the rule the interface documents state, not the hub's
 * code: a simulator stands for a bank or a biller built from the published documents alone. The
 * wire package gives both sides the same schemas, but were the parsing shared too, a mistake in
 * it would be made identically on both sides of every test and never seen. Kept apart, a hub
 * that writes an amount the document does not allow is refused here, as a real bank would.
 */

/** A currency with the number of digits after its decimal point (its exponent). */
export interface Currency {
  readonly code: string;
  readonly minorUnits: number;
}

/** One object per currency, so that two amounts are in the same currency when it is the same. */
const currenciesByCode: ReadonlyMap<string, Currency> = new Map(
  currencyCodes.data.map((entry) => [entry.code, { code: entry.code, minorUnits: entry.digits }]),
);

/** The currency by its alphabetic code, or undefined for one ISO 4217 does not list. */
export function findCurrency(code: string): Currency | undefined {
  return currenciesByCode.get(code);
}

export type AmountResult =
  | { readonly ok: true; readonly minor: bigint }
  | { readonly ok: false; readonly code: "amount_invalid" | "amount_too_precise" | "amount_zero" };

/** Plain decimal notation only, as the interfaces' `amount` pattern: no sign or exponent. */
const decimalPattern = /^(0|[1-9][0-9]{0,18})(?:\.([0-9]{1,18}))?$/;

/**
 * The amount in minor units of the currency. More decimals than the currency has is refused
 * rather than rounded; zero is refused unless `allowZero` (an opening balance may be zero, a
 * payment may not).
 */
export function parseAmount(
  text: string,
  currency: Currency,
  options: { readonly allowZero?: boolean } = {},
): AmountResult {
  const match = decimalPattern.exec(text);
  if (match === null) return { ok: false, code: "amount_invalid" };
  const whole = match[1] ?? "0";
  const fraction = match[2] ?? "";
  if (fraction.length > currency.minorUnits) return { ok: false, code: "amount_too_precise" };
  const minor = BigInt(whole + fraction.padEnd(currency.minorUnits, "0"));
  if (minor === 0n && options.allowZero !== true) return { ok: false, code: "amount_zero" };
  return { ok: true, minor };
}

/** Minor units as a decimal string with exactly the currency's digits: 1230n CNY is "12.30". */
export function formatAmount(minor: bigint, currency: Currency): string {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(currency.minorUnits + 1, "0");
  const split = digits.length - currency.minorUnits;
  const text =
    currency.minorUnits === 0 ? digits : `${digits.slice(0, split)}.${digits.slice(split)}`;
  return negative ? `-${text}` : text;
}
