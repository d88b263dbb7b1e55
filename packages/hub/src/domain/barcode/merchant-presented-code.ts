import { formatAmount, parseAmount } from "../money/amount.ts";
import { findCurrencyByNumber } from "../money/currency.ts";
import { participantIdPattern } from "../participant/participant.ts";
import { isCountryCode } from "./country-code.ts";
import { parseEmvPayload } from "./emv-payload.ts";
import { type EmvField, emvField, emvLength } from "./emv-tlv.ts";
import { parseQrExpiryTime } from "./qr-expiry-time.ts";
import { type QrRefusal, qrRefusal } from "./qr-problem.ts";

/**
 * clearhub's globally unique identifier, sub-tag 00 of its merchant account template (a reverse
 * domain name, as EMVCo allows). A hub run under another name passes its own to decode/encode.
 */
export const clearhubGloballyUniqueId = "net.clearhub";

/** Static codes ("11") are printed once and paid many times; dynamic ones ("12") once. */
export type PointOfInitiation = "static" | "dynamic";

/** The merchant's name and city in a second language (template 64). */
export interface AlternateLanguage {
  readonly language: string;
  readonly merchantName: string;
  readonly merchantCity?: string;
}

/** A merchant-presented code that names a clearhub acquirer and merchant. */
export interface MerchantPresentedCode {
  readonly initiation: PointOfInitiation;
  /** The tag (26-51) that holds clearhub's template. */
  readonly accountTag: string;
  readonly acquirerId: string;
  /** The acquirer's own id for the merchant. */
  readonly merchantId: string;
  /** Dynamic codes only: the instant, in ms since the epoch, after which the code is refused. */
  readonly expiresAt?: number;
  readonly merchantCategoryCode: string;
  /** ISO 4217 alphabetic ("CNY"); the payload carries the numeric code. */
  readonly currency: string;
  /** Dynamic codes only: a decimal string with the currency's minor digits ("23.70"). */
  readonly amount?: string;
  readonly amountMinor?: bigint;
  readonly countryCode: string;
  readonly merchantName: string;
  readonly merchantCity: string;
  readonly postalCode?: string;
  /** Tag 62 sub-tag 05, the reference label: the order a dynamic code pays. */
  readonly reference?: string;
  readonly alternateLanguage?: AlternateLanguage;
  /** Every field as parsed, other networks' templates included (kept, not interpreted). */
  readonly fields: readonly EmvField[];
}

export type MerchantPresentedDecodeResult =
  | { readonly ok: true; readonly code: MerchantPresentedCode }
  | QrRefusal;

const initiationByValue: Readonly<Record<string, PointOfInitiation>> = {
  "11": "static",
  "12": "dynamic",
};
const mccPattern = /^[0-9]{4}$/;
/** The acquirer's merchant id: printable ASCII without spaces. */
const merchantIdPattern = /^[!-~]{1,64}$/;
const languagePattern = /^[a-zA-Z]{2}$/;
const controlCharacter = /\p{Cc}/u;
const amountTextLengthMax = 13;
const merchantNameLengthMax = 25;
const merchantCityLengthMax = 15;
const postalCodeLengthMax = 10;
const referenceLengthMax = 25;
/** "***" in a reference asks the payer's app to prompt for one: never an order of a dynamic code. */
const promptForValue = "***";
/** Tip and convenience fee fields: the hub clears the amount in tag 54 and nothing else. */
const tipTags: ReadonlySet<string> = new Set(["55", "56", "57"]);

/**
 * Decodes a payload into a clearhub merchant-presented code. `globallyUniqueId` picks the
 * template (compared without regard to case, as reverse domain names are). Never throws.
 */
export function decodeMerchantPresentedCode(
  payload: string,
  globallyUniqueId: string = clearhubGloballyUniqueId,
): MerchantPresentedDecodeResult {
  const parsed = parseEmvPayload(payload);
  if (!parsed.ok) return parsed;
  const fields = parsed.fields;
  const initiation = readInitiation(fields);
  if (typeof initiation !== "string") return initiation;
  const account = readAccount(fields, globallyUniqueId, initiation);
  if (!account.ok) return account;
  const money = readMoney(fields, initiation);
  if (!money.ok) return money;
  const merchant = readMerchant(fields);
  if (!merchant.ok) return merchant;
  const additional = readAdditionalData(fields, initiation);
  if (!additional.ok) return additional;
  const language = readAlternateLanguage(fields);
  if (!language.ok) return language;
  const { ok: _a, ...accountPart } = account;
  const { ok: _m, ...moneyPart } = money;
  const { ok: _n, ...merchantPart } = merchant;
  return {
    ok: true,
    code: {
      initiation,
      ...accountPart,
      ...moneyPart,
      ...merchantPart,
      ...(additional.reference === undefined ? {} : { reference: additional.reference }),
      ...(language.value === undefined ? {} : { alternateLanguage: language.value }),
      fields,
    },
  };
}

function readInitiation(fields: readonly EmvField[]): PointOfInitiation | QrRefusal {
  const field = emvField(fields, "01");
  if (field === undefined) {
    return qrRefusal("qr_tag_missing", "no point of initiation method (tag 01)", "01");
  }
  return (
    initiationByValue[field.value] ??
    qrRefusal(
      "qr_field_invalid",
      `point of initiation ${field.value}; expected 11 (static) or 12 (dynamic)`,
      "01",
    )
  );
}

/** A part of a code read from the payload, or why it was refused. */
export type Read<T> = ({ readonly ok: true } & T) | QrRefusal;

type AccountPart = Pick<
  MerchantPresentedCode,
  "accountTag" | "acquirerId" | "merchantId" | "expiresAt"
>;

/** Tags 26-51 hold merchant account templates. */
export function isAccountTag(id: string): boolean {
  const number = Number(id);
  return number >= 26 && number <= 51;
}

function readAccount(
  fields: readonly EmvField[],
  globallyUniqueId: string,
  initiation: PointOfInitiation,
): Read<AccountPart> {
  const wanted = globallyUniqueId.toLowerCase();
  const ours = fields.filter(
    (field) =>
      isAccountTag(field.id) && emvField(field.fields ?? [], "00")?.value.toLowerCase() === wanted,
  );
  const [template, second] = ours;
  if (template === undefined) {
    return qrRefusal(
      "qr_not_clearhub",
      `no merchant account template in tags 26-51 has the identifier ${globallyUniqueId}`,
    );
  }
  if (second !== undefined) {
    return qrRefusal(
      "qr_tag_repeated",
      `templates ${template.id} and ${second.id} both carry ${globallyUniqueId}`,
      second.id,
    );
  }
  return readAccountTemplate(template, initiation);
}

function readAccountTemplate(template: EmvField, initiation: PointOfInitiation): Read<AccountPart> {
  const inner = template.fields ?? [];
  const tag = (sub: string) => `${template.id}.${sub}`;
  const acquirer = emvField(inner, "01");
  if (acquirer === undefined) return qrRefusal("qr_tag_missing", "no acquirer id", tag("01"));
  if (!participantIdPattern.test(acquirer.value)) {
    return qrRefusal("qr_field_invalid", "the acquirer id is not a participant id", tag("01"));
  }
  const merchant = emvField(inner, "02");
  if (merchant === undefined) return qrRefusal("qr_tag_missing", "no merchant id", tag("02"));
  if (!merchantIdPattern.test(merchant.value)) {
    return qrRefusal(
      "qr_field_invalid",
      "the merchant id must be 1 to 64 printable ASCII characters without spaces",
      tag("02"),
    );
  }
  const expiry = readExpiry(emvField(inner, "03"), initiation, tag("03"));
  if (!expiry.ok) return expiry;
  return {
    ok: true,
    accountTag: template.id,
    acquirerId: acquirer.value,
    merchantId: merchant.value,
    ...(expiry.expiresAt === undefined ? {} : { expiresAt: expiry.expiresAt }),
  };
}

function readExpiry(
  field: EmvField | undefined,
  initiation: PointOfInitiation,
  tag: string,
): Read<{ readonly expiresAt?: number }> {
  if (initiation === "static") {
    return field === undefined
      ? { ok: true }
      : qrRefusal("qr_field_invalid", "a static code has no expiry", tag);
  }
  if (field === undefined)
    return qrRefusal("qr_tag_missing", "a dynamic code needs an expiry", tag);
  const expiresAt = parseQrExpiryTime(field.value);
  return expiresAt === undefined
    ? qrRefusal("qr_field_invalid", "the expiry must be a UTC time as YYYYMMDDHHMMSS", tag)
    : { ok: true, expiresAt };
}

type MoneyPart = Pick<MerchantPresentedCode, "currency" | "amount" | "amountMinor">;

function readMoney(fields: readonly EmvField[], initiation: PointOfInitiation): Read<MoneyPart> {
  const tip = fields.find((field) => tipTags.has(field.id));
  if (tip !== undefined) {
    return qrRefusal("qr_field_invalid", "tips and convenience fees are not cleared", tip.id);
  }
  const currencyField = emvField(fields, "53");
  if (currencyField === undefined) return qrRefusal("qr_tag_missing", "no currency", "53");
  const currency = findCurrencyByNumber(currencyField.value);
  if (currency === undefined) {
    return qrRefusal(
      "qr_field_invalid",
      `${currencyField.value} is not an ISO 4217 numeric code of a currency the hub clears`,
      "53",
    );
  }
  const amountField = emvField(fields, "54");
  if (initiation === "static") {
    return amountField === undefined
      ? { ok: true, currency: currency.code }
      : qrRefusal("qr_amount_not_allowed", "a static code carries no amount", "54");
  }
  if (amountField === undefined) {
    return qrRefusal("qr_amount_missing", "a dynamic code needs an amount", "54");
  }
  const amount =
    amountField.value.length > amountTextLengthMax
      ? ({ ok: false, code: "amount_invalid" } as const)
      : parseAmount(amountField.value, currency);
  if (!amount.ok) {
    return qrRefusal(
      "qr_field_invalid",
      `the amount is not a positive decimal with at most ${currency.minorUnits} digits after the point for ${currency.code} (${amount.code})`,
      "54",
    );
  }
  return {
    ok: true,
    currency: currency.code,
    amount: formatAmount(amount.minor, currency),
    amountMinor: amount.minor,
  };
}

type MerchantPart = Pick<
  MerchantPresentedCode,
  "merchantCategoryCode" | "countryCode" | "merchantName" | "merchantCity" | "postalCode"
>;

function readMerchant(fields: readonly EmvField[]): Read<MerchantPart> {
  const mcc = emvField(fields, "52");
  if (mcc === undefined) return qrRefusal("qr_tag_missing", "no merchant category code", "52");
  if (!mccPattern.test(mcc.value)) {
    return qrRefusal("qr_field_invalid", "the merchant category code is four digits", "52");
  }
  const country = emvField(fields, "58");
  if (country === undefined) return qrRefusal("qr_tag_missing", "no country code", "58");
  if (!isCountryCode(country.value)) {
    return qrRefusal("qr_field_invalid", `${country.value} is not an ISO 3166 country code`, "58");
  }
  const name = readText(fields, "59", "merchant name", merchantNameLengthMax);
  if (typeof name !== "string") return name;
  const city = readText(fields, "60", "merchant city", merchantCityLengthMax);
  if (typeof city !== "string") return city;
  const postal = emvField(fields, "61");
  if (postal !== undefined) {
    const checked = readText(fields, "61", "postal code", postalCodeLengthMax);
    if (typeof checked !== "string") return checked;
  }
  return {
    ok: true,
    merchantCategoryCode: mcc.value,
    countryCode: country.value,
    merchantName: name,
    merchantCity: city,
    ...(postal === undefined ? {} : { postalCode: postal.value }),
  };
}

/** A required text field of at most `lengthMax` characters with no control characters. */
function readText(
  fields: readonly EmvField[],
  id: string,
  what: string,
  lengthMax: number,
  tag: string = id,
): string | QrRefusal {
  const field = emvField(fields, id);
  if (field === undefined) return qrRefusal("qr_tag_missing", `no ${what}`, tag);
  if (emvLength(field.value) > lengthMax || controlCharacter.test(field.value)) {
    return qrRefusal(
      "qr_field_invalid",
      `the ${what} is at most ${lengthMax} characters, without control characters`,
      tag,
    );
  }
  return field.value;
}

function readAdditionalData(
  fields: readonly EmvField[],
  initiation: PointOfInitiation,
): Read<{ readonly reference?: string }> {
  const inner = emvField(fields, "62")?.fields ?? [];
  if (emvField(inner, "05") === undefined) {
    return initiation === "dynamic"
      ? qrRefusal("qr_tag_missing", "a dynamic code needs an order reference", "62.05")
      : { ok: true };
  }
  const reference = readText(inner, "05", "reference label", referenceLengthMax, "62.05");
  if (typeof reference !== "string") return reference;
  if (initiation === "dynamic" && reference === promptForValue) {
    return qrRefusal(
      "qr_field_invalid",
      "a dynamic code names its order; *** (ask the payer) is for static codes",
      "62.05",
    );
  }
  return { ok: true, reference };
}

function readAlternateLanguage(
  fields: readonly EmvField[],
): Read<{ readonly value?: AlternateLanguage }> {
  const template = emvField(fields, "64");
  if (template === undefined) return { ok: true };
  const inner = template.fields ?? [];
  const language = emvField(inner, "00");
  if (language === undefined) return qrRefusal("qr_tag_missing", "no language", "64.00");
  if (!languagePattern.test(language.value)) {
    return qrRefusal("qr_field_invalid", "the language is two letters (ISO 639)", "64.00");
  }
  const name = readText(inner, "01", "alternate merchant name", merchantNameLengthMax, "64.01");
  if (typeof name !== "string") return name;
  const hasCity = emvField(inner, "02") !== undefined;
  const city = hasCity
    ? readText(inner, "02", "alternate merchant city", merchantCityLengthMax, "64.02")
    : undefined;
  if (city !== undefined && typeof city !== "string") return city;
  return {
    ok: true,
    value: {
      language: language.value,
      merchantName: name,
      ...(city === undefined ? {} : { merchantCity: city }),
    },
  };
}
