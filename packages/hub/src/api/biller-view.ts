import { type Static, Type } from "@sinclair/typebox";
import type { BillerEntry } from "../app/billers/biller-catalogue-entry.ts";
import { amountExactnessRules } from "../domain/billers/amount-exactness.ts";
import {
  billerCategories,
  billFetchModes,
  directPayAllowed,
} from "../domain/billers/biller-profile.ts";
import { checkDigitAlgorithms } from "../domain/billers/check-digit.ts";
import { parameterTypes } from "../domain/billers/customer-parameter.ts";
import { participantStatuses } from "../domain/participant/participant.ts";
import { literalUnion } from "./literal-union.ts";

const DateTime = Type.String({ format: "date-time" });

export const CustomerParameterSchema = Type.Object(
  {
    name: Type.String({ description: "The key a channel sends the value under" }),
    label: Type.String({ description: "What a channel shows its user" }),
    type: literalUnion(parameterTypes, {
      description:
        "`numeric`: digits 0-9; `alphanumeric`: ASCII letters and digits; `text`: any characters but controls",
    }),
    pattern: Type.Union([Type.String(), Type.Null()], {
      description:
        "A regular expression (RE2 syntax, no nested quantifiers) the whole value must match; null: none",
    }),
    minLength: Type.Integer({ description: "In characters" }),
    maxLength: Type.Integer({ description: "In characters" }),
    checkDigit: Type.Union([literalUnion(checkDigitAlgorithms), Type.Null()], {
      description: "The scheme the value's last character checks the rest by; null: none",
    }),
    optional: Type.Boolean({ description: "May be left out" }),
  },
  { title: "CustomerParameter" },
);

const catalogueFields = {
  id: Type.String({ description: "The biller's participant id" }),
  name: Type.String(),
  category: literalUnion(billerCategories),
  status: literalUnion(participantStatuses, {
    description:
      "The participant's status: only an `active` biller takes inquiries and payments; a suspended or terminated one stays listed so that a channel syncing the catalogue learns of it",
  }),
  parameters: Type.Array(CustomerParameterSchema, {
    description: "The customer parameters, in the order to ask for them",
  }),
  billFetch: literalUnion(billFetchModes, {
    description:
      "`mandatory`: every payment quotes a presented bill; `optional`: a payment may quote the customer parameters instead (direct pay); `not_supported`: the biller presents no bills",
  }),
  directPay: Type.Boolean({
    description: "Whether a payment may be made without a presented bill (billFetch not mandatory)",
  }),
  amountExactness: literalUnion(amountExactnessRules, {
    description:
      "`exact`: the amount due; `exact_or_more`: at least it; `exact_or_less`: at most it; `any`: any positive amount (within the bill's own minimum and maximum, when it has them)",
  }),
  presentmentCacheTtlSeconds: Type.Integer({
    description: "How long the hub may answer a presented bill again from its cache",
  }),
  currencies: Type.Array(Type.String(), { description: "ISO 4217 codes of its bills" }),
  version: Type.Integer({ description: "1 when registered, one more at each change of profile" }),
  updatedAt: Type.String({
    format: "date-time",
    description: "When the profile or the biller's status last changed: the catalogue's sync key",
  }),
};

/** A biller as channels see it: what to ask the user and how payments are checked. */
export const BillerCatalogueEntrySchema = Type.Object(catalogueFields, {
  title: "BillerCatalogueEntry",
});
export type BillerCatalogueEntry = Static<typeof BillerCatalogueEntrySchema>;

export const BillerCapacitySchema = Type.Object(
  {
    inquiriesPerSecond: Type.Integer(),
    concurrentCallsMax: Type.Integer(),
    postingsPerSecond: Type.Integer(),
    postingReserveBasisPoints: Type.Integer({
      description: "The share of the biller's capacity kept for postings, in 1/100 of a percent",
    }),
  },
  {
    title: "BillerCapacity",
    description:
      "What the biller's systems take from the hub, counted across every hub node: the hub never sends more",
  },
);

/** A biller as the operator sees it: the catalogue entry, its capacity and its history. */
export const BillerProfileViewSchema = Type.Object(
  { ...catalogueFields, capacity: BillerCapacitySchema, createdAt: DateTime },
  { title: "BillerProfile" },
);
export type BillerProfileView = Static<typeof BillerProfileViewSchema>;

export function billerCatalogueEntry(entry: BillerEntry): BillerCatalogueEntry {
  const { profile } = entry;
  return {
    id: profile.participantId,
    name: entry.name,
    category: profile.category,
    status: entry.status,
    parameters: profile.parameters.map((parameter) => ({ ...parameter })),
    billFetch: profile.billFetch,
    directPay: directPayAllowed(profile),
    amountExactness: profile.amountExactness,
    presentmentCacheTtlSeconds: profile.presentmentCacheTtlSeconds,
    currencies: [...profile.currencies],
    version: profile.version,
    updatedAt: new Date(profile.updatedAt).toISOString(),
  };
}

export function billerProfileView(entry: BillerEntry): BillerProfileView {
  return {
    ...billerCatalogueEntry(entry),
    capacity: { ...entry.profile.capacity },
    createdAt: new Date(entry.profile.createdAt).toISOString(),
  };
}
