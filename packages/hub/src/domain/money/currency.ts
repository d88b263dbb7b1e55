import currencyCodes from "currency-codes";

/** An ISO 4217 currency the hub clears, with the number of digits after its decimal point. */
export interface Currency {
  readonly code: string;
  readonly minorUnits: number;
}

const currencyCodePattern = /^[A-Z]{3}$/;

/**
 * Only currencies that circulate: ISO 4217 also lists precious metals, fund codes and testing
 * codes (their country list is a "Zz…" placeholder), which no payment network clears.
 */
const currenciesByCode: ReadonlyMap<string, Currency> = new Map(
  currencyCodes.data
    .filter((entry) => !entry.countries.some((country) => country.startsWith("Zz")))
    .map((entry) => [entry.code, { code: entry.code, minorUnits: entry.digits }]),
);

export function findCurrency(code: string): Currency | undefined {
  if (!currencyCodePattern.test(code)) return undefined;
  return currenciesByCode.get(code);
}

export function isKnownCurrency(code: string): boolean {
  return findCurrency(code) !== undefined;
}
