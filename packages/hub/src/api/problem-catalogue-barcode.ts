import { codePrefixLengthMax, codePrefixLengthMin } from "../domain/barcode/code-prefix.ts";
import { merchantCityLengthMax, merchantNameLengthMax } from "../domain/barcode/merchant.ts";
import type { ProblemEntries } from "./problem-code.ts";

/** The merchant directory and the code-prefix routing table. Each refusal writes nothing. */
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
    title: "Only a payment institution (a wallet or prepaid card issuer) is assigned code prefixes",
  },
} satisfies ProblemEntries;
