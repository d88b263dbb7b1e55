import { Type } from "@sinclair/typebox";
import { AmountOutput, writeMoney } from "./money-codec.ts";

/** The fee the payer was charged with a transaction, as answers and webhooks show it. */
export const FeeSchema = Type.Union(
  [
    Type.Object(
      { amount: AmountOutput, currency: Type.String() },
      { title: "Fee", additionalProperties: false },
    ),
    Type.Null(),
  ],
  {
    description:
      "The fee the payer was charged with this transaction (posted, or reserved with a reservation), paid to the hub operator; null when none was due",
  },
);

export function feeView(
  feeMinor: bigint | null,
  currency: string,
): { amount: string; currency: string } | null {
  return feeMinor === null ? null : { amount: writeMoney(feeMinor, currency), currency };
}
