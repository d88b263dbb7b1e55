import { formatAmount, parseAmount } from "../money/amount.ts";
import { currencyNumber, findCurrency } from "../money/currency.ts";
import { crc16CcittFalseHex } from "./crc16-ccitt-false.ts";
import { emvFieldText } from "./emv-tlv.ts";
import {
  type AlternateLanguage,
  clearhubGloballyUniqueId,
  decodeMerchantPresentedCode,
  isAccountTag,
  type MerchantPresentedCode,
  type PointOfInitiation,
  type Read,
} from "./merchant-presented-code.ts";
import { formatQrExpiryTime } from "./qr-expiry-time.ts";
import { type QrRefusal, qrRefusal } from "./qr-problem.ts";

/** What the acquirer asks a code for; the hub fills in the rest. */
export interface MerchantPresentedCodeInput {
  readonly initiation: PointOfInitiation;
  readonly acquirerId: string;
  readonly merchantId: string;
  readonly merchantCategoryCode: string;
  /** ISO 4217 alphabetic. */
  readonly currency: string;
  readonly amount?: string;
  readonly countryCode: string;
  readonly merchantName: string;
  readonly merchantCity: string;
  readonly postalCode?: string;
  readonly reference?: string;
  /** ms since the epoch; written in whole seconds. */
  readonly expiresAt?: number;
  readonly alternateLanguage?: AlternateLanguage;
  /** Which of tags 26-51 holds the template; "26" unless the acquirer prints other networks'. */
  readonly accountTag?: string;
}

export type MerchantPresentedEncodeResult =
  | { readonly ok: true; readonly payload: string; readonly code: MerchantPresentedCode }
  | QrRefusal;

/**
 * Writes a payload, tags in ascending order, the CRC last. Every rule is checked by decoding
 * the result, so encode never prints a payload decode would refuse.
 */
export function encodeMerchantPresentedCode(
  input: MerchantPresentedCodeInput,
  globallyUniqueId: string = clearhubGloballyUniqueId,
): MerchantPresentedEncodeResult {
  const values = topLevelValues(input, globallyUniqueId);
  if (!values.ok) return values;
  let body = "";
  for (const [id, value] of values.fields) {
    const text = emvFieldText(id, value);
    if (text === undefined) {
      return qrRefusal("qr_length_invalid", `field ${id} must be 1 to 99 characters`, id);
    }
    body += text;
  }
  body += "6304";
  const payload = body + crc16CcittFalseHex(body);
  const decoded = decodeMerchantPresentedCode(payload, globallyUniqueId);
  return decoded.ok ? { ok: true, payload, code: decoded.code } : decoded;
}

type FieldList = Array<readonly [string, string]>;

function topLevelValues(
  input: MerchantPresentedCodeInput,
  globallyUniqueId: string,
): Read<{ readonly fields: FieldList }> {
  const currency = findCurrency(input.currency);
  const number = currencyNumber(input.currency);
  if (currency === undefined || number === undefined) {
    return qrRefusal(
      "qr_field_invalid",
      `${input.currency} is not a currency the hub clears`,
      "53",
    );
  }
  const accountTag = input.accountTag ?? "26";
  if (!/^[0-9]{2}$/.test(accountTag) || !isAccountTag(accountTag)) {
    return qrRefusal("qr_field_invalid", "the template goes in one of tags 26-51", accountTag);
  }
  let amount: string | undefined;
  if (input.amount !== undefined) {
    const parsed = parseAmount(input.amount, currency);
    if (!parsed.ok) {
      return qrRefusal("qr_field_invalid", `the amount is not valid (${parsed.code})`, "54");
    }
    amount = formatAmount(parsed.minor, currency);
  }
  const account = accountTemplate(input, globallyUniqueId);
  if (!account.ok) return { ...account, tag: account.tag ?? accountTag };
  const fields: FieldList = [
    ["00", "01"],
    ["01", input.initiation === "static" ? "11" : "12"],
    [accountTag, account.text],
    ["52", input.merchantCategoryCode],
    ["53", number],
  ];
  if (amount !== undefined) fields.push(["54", amount]);
  fields.push(["58", input.countryCode], ["59", input.merchantName], ["60", input.merchantCity]);
  if (input.postalCode !== undefined) fields.push(["61", input.postalCode]);
  if (input.reference !== undefined) {
    const additional = emvFieldText("05", input.reference);
    if (additional === undefined) {
      return qrRefusal("qr_field_invalid", "the reference must be 1 to 25 characters", "62.05");
    }
    fields.push(["62", additional]);
  }
  const language = languageTemplate(input.alternateLanguage);
  if (!language.ok) return language;
  if (language.text !== undefined) fields.push(["64", language.text]);
  return { ok: true, fields };
}

function accountTemplate(
  input: MerchantPresentedCodeInput,
  globallyUniqueId: string,
): Read<{ readonly text: string }> {
  const parts: FieldList = [
    ["00", globallyUniqueId],
    ["01", input.acquirerId],
    ["02", input.merchantId],
  ];
  if (input.expiresAt !== undefined) {
    const expiry = formatQrExpiryTime(input.expiresAt);
    if (expiry === undefined) {
      return qrRefusal("qr_field_invalid", "the expiry is not a time between years 0 and 9999");
    }
    parts.push(["03", expiry]);
  }
  return joinFields(parts, "the merchant account template");
}

function languageTemplate(
  language: AlternateLanguage | undefined,
): Read<{ readonly text?: string }> {
  if (language === undefined) return { ok: true };
  const parts: FieldList = [
    ["00", language.language],
    ["01", language.merchantName],
  ];
  if (language.merchantCity !== undefined) parts.push(["02", language.merchantCity]);
  const joined = joinFields(parts, "the language template");
  return joined.ok ? joined : { ...joined, tag: "64" };
}

function joinFields(parts: FieldList, what: string): Read<{ readonly text: string }> {
  let text = "";
  for (const [id, value] of parts) {
    const field = emvFieldText(id, value);
    if (field === undefined) {
      return qrRefusal("qr_length_invalid", `a field of ${what} must be 1 to 99 characters`);
    }
    text += field;
  }
  return { ok: true, text };
}
