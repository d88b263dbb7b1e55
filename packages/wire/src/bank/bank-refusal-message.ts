import { type Static, Type } from "@sinclair/typebox";
import { literalUnion } from "../literal-union.ts";
import { ReasonTextField } from "./bank-message-fields.ts";
import { bankRefusalCodeNames } from "./bank-refusal-codes.ts";

export const BankRefusal = Type.Object(
  {
    code: literalUnion(bankRefusalCodeNames, {
      description: "Why the bank refused; the interface description lists the codes",
    }),
    reason: ReasonTextField,
  },
  {
    title: "BankRefusal",
    description:
      "The bank did not act on the request: it applied and recorded nothing for it. The body of every 4xx answer and of a 503 bank_busy.",
  },
);
export type BankRefusal = Static<typeof BankRefusal>;
