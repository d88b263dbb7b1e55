import type { ParticipantKind } from "../participant/participant.ts";
import { isStorableText } from "../storable-text.ts";
import { isCountryCode } from "./country-code.ts";

/**
 * A merchant as its acquirer registered it with the hub: what a payer's institution looks up
 * before paying, and what the codes the merchant presents name. The limits are the EMVCo
 * merchant-presented format's (name 25 characters, city 15), so that every registered merchant
 * fits into a code unshortened.
 */
export interface MerchantFields {
  readonly name: string;
  /** ISO 18245: four digits. */
  readonly merchantCategoryCode: string;
  readonly city: string;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly countryCode: string;
}

export const merchantStatuses = ["active", "closed"] as const;
/** `closed` is final: a payment to the merchant is refused, and its id is never reused. */
export type MerchantStatus = (typeof merchantStatuses)[number];

export interface Merchant extends MerchantFields {
  /** The acquirer's participant id. */
  readonly acquirerId: string;
  /** The acquirer's own id of the merchant, unique within the acquirer. */
  readonly merchantId: string;
  readonly status: MerchantStatus;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** Where a page of an acquirer's merchants starts: after this one, newest first. */
export interface MerchantCursor {
  readonly createdAt: number;
  readonly merchantId: string;
}

/** Room for an acquirer's own ids (terminal-style or UUID-less keys) and nothing a URL must escape. */
export const merchantIdPattern = /^[A-Za-z0-9._-]{1,32}$/;
export const merchantNameLengthMax = 25;
export const merchantCityLengthMax = 15;
const merchantCategoryCodePattern = /^[0-9]{4}$/;

export function isMerchantId(text: string): boolean {
  return merchantIdPattern.test(text) && text !== "." && text !== "..";
}

/** Who may acquire: institutions that hold merchants' money, a bank or a payment institution. */
export function isAcquirerKind(kind: ParticipantKind): boolean {
  return kind === "bank" || kind === "payment_institution";
}

export type MerchantIssueCode =
  | "merchant_id_invalid"
  | "merchant_name_invalid"
  | "merchant_category_code_invalid"
  | "merchant_city_invalid"
  | "country_code_invalid";

/**
 * One refused field, named by its JSON pointer into the request body; the merchant id, which
 * travels in the path, is named `/merchantId`.
 */
export interface MerchantIssue {
  readonly field: string;
  readonly code: MerchantIssueCode;
}

export type MerchantFieldsCheck =
  | { readonly ok: true; readonly fields: MerchantFields }
  | { readonly ok: false; readonly issues: readonly MerchantIssue[] };

/** Counted in code points, as a payer's screen shows them, not in UTF-16 units. */
function isShownText(text: string, lengthMax: number): boolean {
  const length = [...text].length;
  return length >= 1 && length <= lengthMax && isStorableText(text) && text.trim() === text;
}

/**
 * Every mistake in a merchant's fields, each with its pointer; or the fields as stored. Text is
 * taken as sent: leading or trailing blanks are refused rather than trimmed, so what the
 * acquirer sent is what a payer sees.
 */
export function checkMerchantFields(
  merchantId: string,
  input: MerchantFields,
): MerchantFieldsCheck {
  const issues: MerchantIssue[] = [];
  if (!isMerchantId(merchantId)) issues.push({ field: "/merchantId", code: "merchant_id_invalid" });
  if (!isShownText(input.name, merchantNameLengthMax)) {
    issues.push({ field: "/name", code: "merchant_name_invalid" });
  }
  if (!merchantCategoryCodePattern.test(input.merchantCategoryCode)) {
    issues.push({ field: "/merchantCategoryCode", code: "merchant_category_code_invalid" });
  }
  if (!isShownText(input.city, merchantCityLengthMax)) {
    issues.push({ field: "/city", code: "merchant_city_invalid" });
  }
  if (!isCountryCode(input.countryCode)) {
    issues.push({ field: "/countryCode", code: "country_code_invalid" });
  }
  if (issues.length > 0) return { ok: false, issues };
  const { name, merchantCategoryCode, city, countryCode } = input;
  return { ok: true, fields: { name, merchantCategoryCode, city, countryCode } };
}

export function sameMerchantFields(a: MerchantFields, b: MerchantFields): boolean {
  return (
    a.name === b.name &&
    a.merchantCategoryCode === b.merchantCategoryCode &&
    a.city === b.city &&
    a.countryCode === b.countryCode
  );
}
