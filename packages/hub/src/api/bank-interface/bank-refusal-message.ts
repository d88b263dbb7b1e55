import { type Static, Type } from "@sinclair/typebox";
import { bankRefusalCodeNames, bankRefusalCodes } from "../../domain/bank/bank-refusal-code.ts";
import { literalUnion } from "../literal-union.ts";
import { ReasonTextField } from "./bank-message-fields.ts";

/** A refusal's HTTP statuses, each a status a bank may answer a refusal with. */
export const bankRefusalStatuses = [
  ...new Set(Object.values(bankRefusalCodes).map((entry) => entry.status)),
].sort((a, b) => a - b);

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
