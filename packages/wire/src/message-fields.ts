import { Type } from "@sinclair/typebox";

/**
 * The fields every interface's messages spell alike: ids, amounts, currencies and times. Each
 * carries a pattern and a bound, so that the hub and its counterpart validate the same thing from
 * the same document.
 */

/** Ids chosen by the hub or its counterpart: as the ledger's transfer ids, safe in a URL or a log. */
export const interfaceIdPattern = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$";
/**
 * The longest id, as the pattern bounds it. The hub's transaction ids are its transfer ids;
 * its bank adapter proves at compile time that the ledger's bound is this one.
 */
export const interfaceIdLengthMax = 64;

export function interfaceId(description: string) {
  return Type.String({ pattern: interfaceIdPattern, maxLength: interfaceIdLengthMax, description });
}

/** Plain decimal notation, as everywhere in clearhub: no sign, exponent or leading zero. */
export const amountPattern = "^(0|[1-9][0-9]{0,18})(\\.[0-9]{1,18})?$";

/** An amount field with a description of its own (what the amount is), in the common format. */
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

export const TimestampField = (description: string) =>
  Type.String({ format: "date-time", description });
