import { type Static, Type } from "@sinclair/typebox";
import type { NewRefund } from "../../app/payments/refund-service.ts";
import { AmountInput, CurrencyInput } from "../money-codec.ts";
import { transferIdInput } from "../transfer-batch-input.ts";
import { type MoneyRequestResult, readMoneyRequest } from "./money-request-input.ts";

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

export function readRefund(input: NewRefundInput): MoneyRequestResult<NewRefund> {
  return readMoneyRequest(input, { paymentId: input.paymentId });
}
