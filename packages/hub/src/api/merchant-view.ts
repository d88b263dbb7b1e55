import { type Static, Type } from "@sinclair/typebox";
import type { FastifyReply } from "fastify";
import type { MerchantOutcome } from "../app/merchants/merchant-directory.ts";
import {
  type Merchant,
  merchantCityLengthMax,
  merchantNameLengthMax,
  merchantStatuses,
} from "../domain/barcode/merchant.ts";
import { literalUnion } from "./literal-union.ts";
import { sendProblem } from "./problem.ts";

/** Room for what an acquirer may mistype, so a long name answers `merchant_invalid` with a pointer. */
const merchantTextLengthMax = 200;

export const MerchantInput = Type.Object(
  {
    name: Type.String({
      maxLength: merchantTextLengthMax,
      description: `1 to ${merchantNameLengthMax} characters, as payers see it (EMVCo tag 59)`,
      examples: ["Tea House Lin"],
    }),
    merchantCategoryCode: Type.String({
      maxLength: merchantTextLengthMax,
      description: "ISO 18245 merchant category code: 4 digits",
      examples: ["5814"],
    }),
    city: Type.String({
      maxLength: merchantTextLengthMax,
      description: `1 to ${merchantCityLengthMax} characters (EMVCo tag 60)`,
      examples: ["Hangzhou"],
    }),
    countryCode: Type.String({
      maxLength: merchantTextLengthMax,
      description: "ISO 3166-1 alpha-2, upper case",
      examples: ["CN"],
    }),
  },
  { additionalProperties: false, title: "MerchantInput" },
);

const entryFields = {
  acquirerId: Type.String({ description: "The acquirer's participant id" }),
  merchantId: Type.String({ description: "The acquirer's own id of the merchant" }),
  name: Type.String(),
  merchantCategoryCode: Type.String(),
  city: Type.String(),
  countryCode: Type.String(),
  status: literalUnion(merchantStatuses, {
    description: "`closed` is final: the merchant cannot be paid",
  }),
};

/** What any payer's institution reads: the merchant as it is shown, nothing the acquirer keeps. */
export const MerchantDirectoryEntrySchema = Type.Object(entryFields, {
  title: "MerchantDirectoryEntry",
});

/** What the acquirer (and the operator) reads of its own merchants. */
export const MerchantSchema = Type.Object(
  {
    ...entryFields,
    createdAt: Type.String({ format: "date-time" }),
    updatedAt: Type.String({
      format: "date-time",
      description: "Moved by a change of fields or status; an identical PUT keeps it",
    }),
  },
  { title: "Merchant" },
);
export type MerchantView = Static<typeof MerchantSchema>;

export function merchantDirectoryEntry(merchant: Merchant) {
  return {
    acquirerId: merchant.acquirerId,
    merchantId: merchant.merchantId,
    name: merchant.name,
    merchantCategoryCode: merchant.merchantCategoryCode,
    city: merchant.city,
    countryCode: merchant.countryCode,
    status: merchant.status,
  };
}

export function merchantView(merchant: Merchant): MerchantView {
  return {
    ...merchantDirectoryEntry(merchant),
    createdAt: new Date(merchant.createdAt).toISOString(),
    updatedAt: new Date(merchant.updatedAt).toISOString(),
  };
}

/** Answers a refused directory call; a refused merchant lists each field and its code. */
export function sendMerchantProblem(
  reply: FastifyReply,
  refused: Extract<MerchantOutcome<unknown>, { ok: false }>,
): FastifyReply {
  const errors = (refused.issues ?? []).map((issue) => ({
    location: issue.field === "/merchantId" ? "params" : "body",
    pointer: issue.field,
    code: issue.code,
  }));
  return sendProblem(reply, refused.code, { errors });
}
