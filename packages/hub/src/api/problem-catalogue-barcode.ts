import { codePrefixLengthMax, codePrefixLengthMin } from "../domain/barcode/code-prefix.ts";
import { merchantCityLengthMax, merchantNameLengthMax } from "../domain/barcode/merchant.ts";
import { qrProblems } from "../domain/barcode/qr-problem.ts";
import type { ProblemEntries } from "./problem-code.ts";

/**
 * Barcode payments: the merchant directory, the code-prefix routing table, merchant-presented
 * codes and the customers' daily limits. Each refusal writes nothing.
 */
/** A bad payload: each of the codec's stable codes, titled by its meaning. Nothing is written. */
const qrPayloadProblems = Object.fromEntries(
  Object.entries(qrProblems).map(([code, { meaning }]) => [code, { status: 422, title: meaning }]),
) as Record<keyof typeof qrProblems, { status: 422; title: string }>;

export const barcodeProblems = {
  merchant_not_found: {
    status: 404,
    title: "No merchant with this id at this acquirer",
  },
  merchant_closed: {
    status: 409,
    title: "The merchant is closed: it cannot be changed or paid",
  },
  merchant_invalid: {
    status: 422,
    title: `The merchant is refused; nothing was written. \`errors\` names each refused field (pointer) with its code: name 1 to ${merchantNameLengthMax} characters and city 1 to ${merchantCityLengthMax}, without control characters or surrounding blanks; merchantCategoryCode 4 digits; countryCode an ISO 3166-1 alpha-2 code in upper case`,
  },
  participant_not_acquirer: {
    status: 422,
    title: "The participant cannot acquire merchants: only banks and payment institutions do",
  },
  code_prefix_invalid: {
    status: 422,
    title: `A code prefix is ${codePrefixLengthMin} to ${codePrefixLengthMax} digits`,
  },
  code_prefix_overlaps: {
    status: 409,
    title:
      "The prefix overlaps an assigned one (one starts the other), so a number could route to two issuers; nothing was written",
  },
  code_prefix_not_found: { status: 404, title: "No entry of the routing table has this prefix" },
  code_prefix_unknown: {
    status: 422,
    title: "No issuer's prefix covers this code or card number",
  },
  participant_not_issuer: {
    status: 422,
    title:
      "The participant is not an issuer: only payment institutions (wallets, prepaid card issuers) are assigned code prefixes and have wallet-interface endpoints",
  },
  ...qrPayloadProblems,
  currency_required: {
    status: 422,
    title: "An amount needs its currency beside it",
  },
  qr_code_expired: {
    status: 422,
    title: "The dynamic code's expiry has passed: the merchant must show a new one",
  },
  qr_code_used: {
    status: 409,
    title: "The dynamic code was paid already: a dynamic code pays once",
  },
  qr_amount_required: {
    status: 422,
    title: "A static code carries no amount: send the amount the customer entered",
  },
  qr_amount_mismatch: {
    status: 422,
    title: "The amount or currency sent differs from the dynamic code's own",
  },
  acquirer_inactive: {
    status: 422,
    title:
      "The merchant's acquirer is not an active bank or payment institution: it cannot be paid now",
  },
  limit_exceeded: {
    status: 422,
    title:
      "The payment would take the customer past the day's limit for its verification level; nothing was charged",
  },
  currency_has_no_limits: {
    status: 422,
    title:
      "The operator has set no daily limits for this currency, so barcode payments in it are refused",
  },
  issuer_inactive: {
    status: 422,
    title:
      "The issuer the number's prefix routes to is not active: it cannot authorise payments now",
  },
  barcode_payment_final: {
    status: 409,
    title:
      "The payment's outcome is final: a succeeded payment is refunded, not reversed, and a declined one moved nothing",
  },
  barcode_payment_not_found: {
    status: 404,
    title: "No barcode payment with this id that you are party to",
  },
} satisfies ProblemEntries;

export const qrPayloadProblemCodes = Object.keys(qrProblems) as (keyof typeof qrProblems)[];
