/**
 * ISO 3166-1 alpha-2 country codes, as EMVCo QR tag 58 carries them. The list is the runtime's
 * own (ICU's region names), less the codes ISO leaves to users (AA, QM-QZ, XA-XZ, ZZ) and the
 * groupings ICU names that are not countries (EU, EZ, UN).
 */
const countryPattern = /^[A-Z]{2}$/;
const userAssigned = /^(AA|Q[M-Z]|X[A-Z]|ZZ)$/;
const groupings: ReadonlySet<string> = new Set(["EU", "EZ", "UN"]);
const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });

export function isCountryCode(code: string): boolean {
  if (!countryPattern.test(code) || userAssigned.test(code) || groupings.has(code)) return false;
  return regionNames.of(code) !== code;
}
