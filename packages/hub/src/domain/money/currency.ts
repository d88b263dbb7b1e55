import currencyCodes from "currency-codes";

/** An ISO 4217 currency the hub clears, with the number of digits after its decimal point. */
export interface Currency {
  readonly code: string;
  readonly minorUnits: number;
}

const currencyCodePattern = /^[A-Z]{3}$/;

/**
 * ISO 4217 fund codes: units of account (Chile's UF, Mexico's UDI, the IMF's SDR, …) and
 * same-day/next-day variants, which no payment network clears. Precious metals and testing
 * codes are recognised by their "Zz…" placeholder country instead.
 */
const fundCodes: ReadonlySet<string> = new Set([
  "BOV",
  "CHE",
  "CHW",
  "CLF",
  "COU",
  "MXV",
  "USN",
  "UYI",
  "UYW",
  "XDR",
  "XSU",
  "XUA",
]);

const clearedEntries = currencyCodes.data
  .filter((entry) => !fundCodes.has(entry.code))
  .filter((entry) => !entry.countries.some((country) => country.startsWith("Zz")));

const currenciesByCode: ReadonlyMap<string, Currency> = new Map(
  clearedEntries.map((entry) => [entry.code, { code: entry.code, minorUnits: entry.digits }]),
);

/** The same currencies by their ISO 4217 numeric code ("156" for CNY), as EMVCo QR tag 53 writes them. */
const currenciesByNumber: ReadonlyMap<string, Currency> = new Map(
  clearedEntries.map((entry) => [entry.number, { code: entry.code, minorUnits: entry.digits }]),
);

const numericCodePattern = /^[0-9]{3}$/;

export function findCurrency(code: string): Currency | undefined {
  if (!currencyCodePattern.test(code)) return undefined;
  return currenciesByCode.get(code);
}

export function isKnownCurrency(code: string): boolean {
  return findCurrency(code) !== undefined;
}

export function findCurrencyByNumber(numericCode: string): Currency | undefined {
  if (!numericCodePattern.test(numericCode)) return undefined;
  return currenciesByNumber.get(numericCode);
}

/** The ISO 4217 numeric code of a currency the hub clears ("CNY" gives "156"). */
export function currencyNumber(code: string): string | undefined {
  if (findCurrency(code) === undefined) return undefined;
  return currencyCodes.code(code)?.number;
}
