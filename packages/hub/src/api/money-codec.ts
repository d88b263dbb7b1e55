import { Type } from "@sinclair/typebox";
import { type AmountParseError, formatAmount, parseAmount } from "../domain/money/amount.ts";
import { type Currency, findCurrency } from "../domain/money/currency.ts";

/**
 * Money at the HTTP edge: decimal strings plus an ISO 4217 code outside, bigint minor units
 * inside. Clients never send or receive a binary float for an amount.
 */

/** Longest decimal the ledger can hold: 19 integer digits, a point and 18 fraction digits. */
export const amountLengthMax = 38;
/** Generous on purpose: anything that is not a known code answers `currency_unknown`. */
export const currencyCodeLengthMax = 16;

/**
 * No pattern here: a malformed amount must answer its own code (`amount_invalid`,
 * `amount_too_precise`, ...), not a generic schema violation.
 */
export function amountInput(note?: string) {
  const description =
    'A decimal string in the currency\'s major unit, e.g. "12.30" for 12.30 EUR; at most as many decimals as the currency has minor digits.';
  return Type.String({
    maxLength: amountLengthMax,
    description: note === undefined ? description : `${description} ${note}`,
    examples: ["12.30"],
  });
}

export const AmountInput = amountInput();

export const AmountOutput = Type.String({
  description: "A decimal string with exactly the currency's minor digits",
  examples: ["12.30"],
});

export const CurrencyInput = Type.String({
  maxLength: currencyCodeLengthMax,
  description: "An ISO 4217 alphabetic code, e.g. EUR",
  examples: ["EUR"],
});

export type MoneyInput =
  | { readonly ok: true; readonly currency: Currency; readonly minor: bigint }
  | { readonly ok: false; readonly code: AmountParseError | "currency_unknown" };

export function readMoney(
  amount: string,
  currencyCode: string,
  options: { readonly allowZero?: boolean } = {},
): MoneyInput {
  const currency = findCurrency(currencyCode);
  if (currency === undefined) return { ok: false, code: "currency_unknown" };
  const parsed = parseAmount(amount, currency, options);
  return parsed.ok ? { ok: true, currency, minor: parsed.minor } : parsed;
}

/** Stored currencies were validated on the way in, so an unknown one here is a bug. */
export function writeMoney(minor: bigint, currencyCode: string): string {
  const currency = findCurrency(currencyCode);
  if (currency === undefined) throw new Error(`stored currency ${currencyCode} is unknown`);
  return formatAmount(minor, currency);
}
