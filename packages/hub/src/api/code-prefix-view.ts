import { type Static, Type } from "@sinclair/typebox";
import { type CodePrefixEntry, codeInstruments } from "../domain/barcode/code-prefix.ts";
import { literalUnion } from "./literal-union.ts";

export const CodeInstrumentSchema = literalUnion(codeInstruments, {
  description:
    "`payment_code`: a wallet's one-time payment code; `prepaid_card`: a prepaid card number presented at a terminal",
});

export const CodePrefixSchema = Type.Object(
  {
    prefix: Type.String({ description: "2 to 10 digits" }),
    issuerId: Type.String({ description: "The issuer's participant id (a payment institution)" }),
    instrument: CodeInstrumentSchema,
    createdAt: Type.String({ format: "date-time" }),
  },
  { title: "CodePrefix" },
);
export type CodePrefixView = Static<typeof CodePrefixSchema>;

export const CodePrefixListSchema = Type.Object(
  { items: Type.Array(CodePrefixSchema) },
  { title: "CodePrefixList" },
);

export function codePrefixView(entry: CodePrefixEntry): CodePrefixView {
  return {
    prefix: entry.prefix,
    issuerId: entry.issuerId,
    instrument: entry.instrument,
    createdAt: new Date(entry.createdAt).toISOString(),
  };
}
