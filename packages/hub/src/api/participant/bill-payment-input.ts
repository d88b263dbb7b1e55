import { type Static, Type } from "@sinclair/typebox";
import type { NewBillPayment } from "../../app/bill-payments/bill-payment-service.ts";
import type { AmountParseError } from "../../domain/money/amount.ts";
import { AmountInput, CurrencyInput, readMoney } from "../money-codec.ts";
import { transferIdInput } from "../transfer-batch-input.ts";
import { requestHash } from "./transfer-input.ts";

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

export function readBillPayment(
  input: NewBillPaymentInput,
):
  | { readonly ok: true; readonly value: NewBillPayment }
  | { readonly ok: false; readonly code: AmountParseError | "currency_unknown" } {
  const money = readMoney(input.amount, input.currency);
  if (!money.ok) return money;
  return {
    ok: true,
    value: {
      id: input.id,
      billerId: input.billerId,
      billRef: input.billRef,
      customerParameters: input.customerParameters,
      amountMinor: money.minor,
      currency: money.currency.code,
      requestHash: requestHash(input),
    },
  };
}
