import type { SettingRange } from "../banks/bank-endpoint.ts";
import { isKnownCurrency } from "../money/currency.ts";
import { type AmountExactness, amountExactnessRules } from "./amount-exactness.ts";
import {
  type CustomerParameterInput,
  type CustomerParameterSpec,
  checkParameterSpec,
  type ParameterSpecRefusal,
  parameterSpecOf,
  parametersPerBillerMax,
} from "./customer-parameter.ts";

/**
 * What a biller bills for, as channels group billers in their menus. Closed, so a channel can
 * show an icon per category; `other` holds whatever fits none.
 */
export const billerCategories = [
  "water",
  "electricity",
  "gas",
  "telecom",
  "broadband",
  "tv",
  "property_tax",
  "education",
  "insurance",
  "municipal",
  "other",
] as const;
export type BillerCategory = (typeof billerCategories)[number];

/**
 * Whether a payment must quote a bill the hub presented: `mandatory` (every payment quotes a
 * `billRef`), `optional` (a channel may pay by customer parameters alone: direct pay) or
 * `not_supported` (the biller presents no bills; every payment is direct).
 */
export const billFetchModes = ["mandatory", "optional", "not_supported"] as const;
export type BillFetchMode = (typeof billFetchModes)[number];

/**
 * What the biller's own systems can take from the hub, counted across every hub node. The
 * posting reserve is the share of the biller's capacity kept for postings, which inquiries
 * never use: real payments must reach the biller however many inquiries are waiting.
 */
export interface BillerCapacity {
  readonly inquiriesPerSecond: number;
  readonly concurrentCallsMax: number;
  readonly postingsPerSecond: number;
  /** In basis points (1/100 of a percent) of the biller's capacity. */
  readonly postingReserveBasisPoints: number;
}

export interface BillerProfile {
  /** The biller's participant id; its status is the participant's. */
  readonly participantId: string;
  readonly category: BillerCategory;
  /** In the order channels should ask for them. */
  readonly parameters: readonly CustomerParameterSpec[];
  readonly billFetch: BillFetchMode;
  readonly amountExactness: AmountExactness;
  /** How long a presented bill may be answered from the hub's cache; 0: never. */
  readonly presentmentCacheTtlSeconds: number;
  readonly capacity: BillerCapacity;
  /** Currencies the biller's bills are in, each held by the participant. */
  readonly currencies: readonly string[];
  /** 1 when registered, one more at each change; a PUT that changes nothing keeps it. */
  readonly version: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** The fields an operator sets; the rest the registry keeps. */
export type BillerProfileFields = Omit<
  BillerProfile,
  "participantId" | "version" | "createdAt" | "updatedAt"
>;

export const billerSettingRanges = {
  presentmentCacheTtlSeconds: { min: 0, max: 86_400, default: 900 },
  inquiriesPerSecond: { min: 1, max: 100_000, default: 10 },
  concurrentCallsMax: { min: 1, max: 10_000, default: 8 },
  postingsPerSecond: { min: 1, max: 100_000, default: 10 },
  postingReserveBasisPoints: { min: 500, max: 10_000, default: 2_000 },
} as const satisfies Record<string, SettingRange>;

export const currenciesPerBillerMax = 8;

/** Whether a channel may pay this biller without quoting a presented bill. */
export function directPayAllowed(profile: Pick<BillerProfile, "billFetch">): boolean {
  return profile.billFetch !== "mandatory";
}

/** Why one field of a profile is refused; a closed set, each reported with its JSON pointer. */
export type ProfileFieldRefusal =
  | "category_unknown"
  | "parameters_count_invalid"
  | "parameter_name_duplicate"
  | ParameterSpecRefusal
  | "bill_fetch_unknown"
  | "amount_exactness_unknown"
  | "amount_exactness_needs_bill_fetch"
  | "cache_ttl_out_of_range"
  | "capacity_out_of_range"
  | "posting_reserve_out_of_range"
  | "currencies_invalid"
  | "currency_not_held";

export interface ProfileIssue {
  /** JSON Pointer (RFC 6901) into the profile as sent, e.g. `/parameters/1/pattern`. */
  readonly field: string;
  readonly code: ProfileFieldRefusal;
}

/** The unchecked shape an operator sends: closed sets as plain strings until checked. */
export interface BillerProfileInput {
  readonly category: string;
  readonly parameters: readonly CustomerParameterInput[];
  readonly billFetch: string;
  readonly amountExactness: string;
  readonly presentmentCacheTtlSeconds: number;
  readonly capacity: BillerCapacity;
  readonly currencies: readonly string[];
}

export type ProfileCheck =
  | { readonly ok: true; readonly fields: BillerProfileFields }
  | { readonly ok: false; readonly issues: readonly ProfileIssue[] };

function within(value: number, range: SettingRange): boolean {
  return Number.isSafeInteger(value) && value >= range.min && value <= range.max;
}

function includes<T extends string>(set: readonly T[], text: string): text is T {
  return (set as readonly string[]).includes(text);
}

function parameterIssues(parameters: readonly CustomerParameterInput[]): ProfileIssue[] {
  if (parameters.length < 1 || parameters.length > parametersPerBillerMax) {
    return [{ field: "/parameters", code: "parameters_count_invalid" }];
  }
  const issues: ProfileIssue[] = [];
  const seen = new Set<string>();
  parameters.forEach((parameter, index) => {
    for (const issue of checkParameterSpec(parameter)) {
      issues.push({ field: `/parameters/${index}/${issue.field}`, code: issue.code });
    }
    if (seen.has(parameter.name)) {
      issues.push({ field: `/parameters/${index}/name`, code: "parameter_name_duplicate" });
    }
    seen.add(parameter.name);
  });
  return issues;
}

function capacityIssues(capacity: BillerCapacity, billFetch: string): ProfileIssue[] {
  const r = billerSettingRanges;
  const issues: ProfileIssue[] = [];
  for (const field of ["inquiriesPerSecond", "concurrentCallsMax", "postingsPerSecond"] as const) {
    if (!within(capacity[field], r[field])) {
      issues.push({ field: `/capacity/${field}`, code: "capacity_out_of_range" });
    }
  }
  // All of it for postings leaves inquiries nothing: only a biller that presents no bills.
  const reserveMax = billFetch === "not_supported" ? 10_000 : 9_500;
  const reserve = capacity.postingReserveBasisPoints;
  if (!within(reserve, r.postingReserveBasisPoints) || reserve > reserveMax) {
    issues.push({
      field: "/capacity/postingReserveBasisPoints",
      code: "posting_reserve_out_of_range",
    });
  }
  return issues;
}

function currencyIssues(currencies: readonly string[]): ProfileIssue[] {
  const valid =
    currencies.length >= 1 &&
    currencies.length <= currenciesPerBillerMax &&
    new Set(currencies).size === currencies.length &&
    currencies.every(isKnownCurrency);
  return valid ? [] : [{ field: "/currencies", code: "currencies_invalid" }];
}

function modeIssues(input: BillerProfileInput): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  if (!includes(billerCategories, input.category)) {
    issues.push({ field: "/category", code: "category_unknown" });
  }
  if (!includes(billFetchModes, input.billFetch)) {
    issues.push({ field: "/billFetch", code: "bill_fetch_unknown" });
  }
  if (!includes(amountExactnessRules, input.amountExactness)) {
    issues.push({ field: "/amountExactness", code: "amount_exactness_unknown" });
  } else if (input.billFetch === "not_supported" && input.amountExactness !== "any") {
    // Without a presented bill there is no amount due to be exact to.
    issues.push({ field: "/amountExactness", code: "amount_exactness_needs_bill_fetch" });
  }
  if (!within(input.presentmentCacheTtlSeconds, billerSettingRanges.presentmentCacheTtlSeconds)) {
    issues.push({ field: "/presentmentCacheTtlSeconds", code: "cache_ttl_out_of_range" });
  }
  return issues;
}

/**
 * Every issue with a profile as sent, each naming its field; or the profile's fields, ready
 * to store. Whether the participant holds the currencies is the registry's to check.
 */
export function checkBillerProfile(input: BillerProfileInput): ProfileCheck {
  const issues = [
    ...modeIssues(input),
    ...parameterIssues(input.parameters),
    ...capacityIssues(input.capacity, input.billFetch),
    ...currencyIssues(input.currencies),
  ];
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    fields: {
      category: input.category as BillerCategory,
      parameters: input.parameters.map(parameterSpecOf),
      billFetch: input.billFetch as BillFetchMode,
      amountExactness: input.amountExactness as AmountExactness,
      presentmentCacheTtlSeconds: input.presentmentCacheTtlSeconds,
      capacity: { ...input.capacity },
      currencies: [...input.currencies],
    },
  };
}

/** True when two profiles' operator-set fields are the same: a PUT of them changes nothing. */
export function sameProfileFields(a: BillerProfileFields, b: BillerProfileFields): boolean {
  return JSON.stringify(canonicalFields(a)) === JSON.stringify(canonicalFields(b));
}

/** The fields in one key order, so the comparison above does not depend on how they were built. */
function canonicalFields(fields: BillerProfileFields): unknown[] {
  const { capacity } = fields;
  return [
    fields.category,
    fields.parameters.map((p) => [
      p.name,
      p.label,
      p.type,
      p.pattern,
      p.minLength,
      p.maxLength,
      p.checkDigit,
      p.optional,
    ]),
    fields.billFetch,
    fields.amountExactness,
    fields.presentmentCacheTtlSeconds,
    [
      capacity.inquiriesPerSecond,
      capacity.concurrentCallsMax,
      capacity.postingsPerSecond,
      capacity.postingReserveBasisPoints,
    ],
    fields.currencies,
  ];
}

/**
 * True when `next` lets the hub send the biller more than `current` does: a higher rate or
 * more concurrent calls. A raise is what can overload an old billing system, so it needs a
 * second operator; a cut, or a larger posting reserve, takes effect at once.
 */
export function raisesCapacity(current: BillerCapacity, next: BillerCapacity): boolean {
  return (
    next.inquiriesPerSecond > current.inquiriesPerSecond ||
    next.concurrentCallsMax > current.concurrentCallsMax ||
    next.postingsPerSecond > current.postingsPerSecond
  );
}
