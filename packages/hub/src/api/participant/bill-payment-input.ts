import { type Static, Type } from "@sinclair/typebox";
import type { NewBillPayment } from "../../app/bill-payments/bill-payment-request.ts";
import { AmountInput, CurrencyInput } from "../money-codec.ts";
import { transferIdInput } from "../transfer-batch-input.ts";
import { type MoneyRequestResult, readMoneyRequest } from "./money-request-input.ts";

export const NewBillPaymentInput = Type.Object(
  {
    id: transferIdInput(
      "Your id of the payment, unique among yours: the key that makes a retry safe.",
    ),
    billerId: Type.String({ minLength: 1, maxLength: 64, description: "The biller paid" }),
    billRef: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 128,
        description: "A presented bill of yours, from `POST /v1/bill-inquiries`, not expired",
      }),
    ),
    customerParameters: Type.Optional(
      Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 256 }), {
        maxProperties: 16,
        description:
          "Instead of a billRef, where the biller allows direct payment: the customer, by the biller's parameters",
      }),
    ),
    amount: AmountInput,
    currency: CurrencyInput,
  },
  { additionalProperties: false, title: "NewBillPayment" },
);
export type NewBillPaymentInput = Static<typeof NewBillPaymentInput>;

export function readBillPayment(input: NewBillPaymentInput): MoneyRequestResult<NewBillPayment> {
  return readMoneyRequest(input, {
    billerId: input.billerId,
    billRef: input.billRef,
    customerParameters: input.customerParameters,
  });
}
