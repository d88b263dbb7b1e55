import { type Static, Type } from "@sinclair/typebox";
import type { NewRefund } from "../../app/payments/refund-service.ts";
import type { AmountParseError } from "../../domain/money/amount.ts";
import { AmountInput, CurrencyInput, readMoney } from "../money-codec.ts";
import { transferIdInput } from "../transfer-batch-input.ts";
import { requestHash } from "./transfer-input.ts";

export const NewRefundInput = Type.Object(
  {
    id: transferIdInput(
      "Your id of the refund, unique among yours: the key that makes a retry safe.",
    ),
    paymentId: Type.String({
      minLength: 1,
      maxLength: 64,
      description: "The agreement payment refunded",
    }),
    amount: AmountInput,
    currency: CurrencyInput,
  },
  { additionalProperties: false, title: "NewRefund" },
);
export type NewRefundInput = Static<typeof NewRefundInput>;

export function readRefund(
  input: NewRefundInput,
):
  | { readonly ok: true; readonly value: NewRefund }
  | { readonly ok: false; readonly code: AmountParseError | "currency_unknown" } {
  const money = readMoney(input.amount, input.currency);
  if (!money.ok) return money;
  return {
    ok: true,
    value: {
      id: input.id,
      paymentId: input.paymentId,
      amountMinor: money.minor,
      currency: money.currency.code,
      requestHash: requestHash(input),
    },
  };
}
