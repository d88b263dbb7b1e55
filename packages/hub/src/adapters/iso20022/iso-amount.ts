import { formatAmount } from "../../domain/money/amount.ts";
import { findCurrency } from "../../domain/money/currency.ts";
import { type IsoWriteRefused, refused } from "./iso-write-result.ts";

/**
 * ISO 20022 amounts are decimals of at most 18 digits in the currency's major unit, never
 * negative (a direction travels beside them as CRDT or DBIT). Amounts are formatted exactly from
 * bigint minor units by the domain's money formatter, with the currency's exponent: JPY "1500",
 * EUR "15.00", BHD "1.500".
 */

/** 10^18: the first amount in minor units with 19 digits, which `totalDigits 18` refuses. */
const isoMinorUnitsLimit = 10n ** 18n;

export type IsoAmountResult = { readonly ok: true; readonly text: string } | IsoWriteRefused;

/** Formats a non-negative size; `field` names the input for a refusal. */
export function isoAmount(minor: bigint, currencyCode: string, field: string): IsoAmountResult {
  const currency = findCurrency(currencyCode);
  if (currency === undefined) return refused("currency_unknown", field);
  if (minor < 0n || minor >= isoMinorUnitsLimit) return refused("amount_out_of_range", field);
  return { ok: true, text: formatAmount(minor, currency) };
}

/** A signed balance or net as ISO writes it: a size and a credit/debit indicator. */
export interface IsoSignedAmount {
  readonly text: string;
  /** Zero counts as a credit, as ISO 20022 statements show an empty account. */
  readonly indicator: "CRDT" | "DBIT";
}

export type IsoSignedAmountResult = ({ readonly ok: true } & IsoSignedAmount) | IsoWriteRefused;

export function isoSignedAmount(
  minor: bigint,
  currencyCode: string,
  field: string,
): IsoSignedAmountResult {
  const size = isoAmount(minor < 0n ? -minor : minor, currencyCode, field);
  if (!size.ok) return size;
  return { ok: true, text: size.text, indicator: minor < 0n ? "DBIT" : "CRDT" };
}
