import { Type } from "@sinclair/typebox";

/**
 * Money as every interface of clearhub writes it: a decimal string in the currency's major
 * unit beside an ISO 4217 code, never a JSON number, so no party rounds through a float.
 */

/** Plain decimal notation: no sign, exponent or leading zero. */
export const amountPattern = "^(0|[1-9][0-9]{0,18})(\\.[0-9]{1,18})?$";

export function amountField(description: string) {
  return Type.String({ pattern: amountPattern, maxLength: 38, description, examples: ["12.30"] });
}

export const AmountField = amountField(
  'A decimal string in the currency\'s major unit, greater than zero, with at most as many decimals as the currency has minor digits: "12.30" CNY, "1200" JPY.',
);

export const CurrencyField = Type.String({
  pattern: "^[A-Z]{3}$",
  maxLength: 3,
  description: "An ISO 4217 alphabetic currency code",
  examples: ["CNY"],
});
