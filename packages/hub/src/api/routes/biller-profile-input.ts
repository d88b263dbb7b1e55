import { Type } from "@sinclair/typebox";
import {
  billerSettingRanges,
  currenciesPerBillerMax,
} from "../../domain/billers/biller-profile.ts";
import {
  parameterLabelLengthMax,
  parametersPerBillerMax,
} from "../../domain/billers/customer-parameter.ts";
import { patternLengthMax } from "../../domain/billers/parameter-pattern.ts";

const r = billerSettingRanges;
const range = (name: keyof typeof r) => `${r[name].min}-${r[name].max}`;

/**
 * The profile as an operator sends it. Closed sets and ranges are checked by the registry, not
 * here, so that each refused field is answered as `biller_profile_invalid` with its own code;
 * the schema bounds only sizes, so nothing unbounded reaches it.
 */
const ParameterInput = Type.Object(
  {
    name: Type.String({
      maxLength: 64,
      description: "1-32 characters of a-z, 0-9 and '_', starting with a letter: the stable key",
    }),
    label: Type.String({ maxLength: parameterLabelLengthMax * 4, description: "1-64 characters" }),
    type: Type.String({ maxLength: 32, description: "numeric, alphanumeric or text" }),
    pattern: Type.Optional(
      Type.Union([Type.String({ maxLength: patternLengthMax * 2 }), Type.Null()], {
        description: `A regular expression the whole value must match, at most ${patternLengthMax} characters: RE2 syntax (no back-references or look-around) that also compiles in JavaScript, and without nested quantifiers such as (a+)+`,
      }),
    ),
    minLength: Type.Integer({ description: "1-100" }),
    maxLength: Type.Integer({ description: "minLength-100" }),
    checkDigit: Type.Optional(
      Type.Union([Type.String({ maxLength: 32 }), Type.Null()], {
        description:
          "luhn, gs1_mod10 or mod11 (numeric parameters), iso7064_mod11_2 (alphanumeric, ending 0-9 or X); null or left out: none",
      }),
    ),
    optional: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);

export const BillerProfileBody = Type.Object(
  {
    category: Type.String({
      maxLength: 32,
      description:
        "water, electricity, gas, telecom, broadband, tv, property_tax, education, insurance, municipal or other",
    }),
    parameters: Type.Array(ParameterInput, {
      maxItems: parametersPerBillerMax * 2,
      description: `1-${parametersPerBillerMax} customer parameters, in the order channels ask for them`,
    }),
    billFetch: Type.String({ maxLength: 32, description: "mandatory, optional or not_supported" }),
    amountExactness: Type.String({
      maxLength: 32,
      description:
        "exact, exact_or_more, exact_or_less or any; a biller that presents no bills takes any",
    }),
    presentmentCacheTtlSeconds: Type.Integer({
      description: `${range("presentmentCacheTtlSeconds")}: how long a presented bill may be answered from the hub's cache`,
    }),
    capacity: Type.Object(
      {
        inquiriesPerSecond: Type.Integer({ description: range("inquiriesPerSecond") }),
        concurrentCallsMax: Type.Integer({ description: range("concurrentCallsMax") }),
        postingsPerSecond: Type.Integer({ description: range("postingsPerSecond") }),
        postingReserveBasisPoints: Type.Integer({
          description: `${range("postingReserveBasisPoints")} (9500 at most unless billFetch is not_supported): the share kept for postings`,
        }),
      },
      { additionalProperties: false },
    ),
    currencies: Type.Array(Type.String({ maxLength: 8 }), {
      maxItems: currenciesPerBillerMax * 2,
      description: `1-${currenciesPerBillerMax} ISO 4217 codes, each held by the participant`,
    }),
  },
  { additionalProperties: false, title: "BillerProfileInput" },
);
