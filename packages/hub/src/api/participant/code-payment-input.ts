import {
  cardNumberDigitsMax,
  cardNumberDigitsMin,
  paymentCodeDigitsMax,
  paymentCodeDigitsMin,
} from "@clearhub/wire";
import { type Static, Type } from "@sinclair/typebox";
import type { NewCodePayment } from "../../app/barcode/code-payment-request.ts";
import { AmountInput, CurrencyInput } from "../money-codec.ts";
import { transferIdInput } from "../transfer-batch-input.ts";
import { type MoneyRequestResult, readMoneyRequest } from "./money-request-input.ts";

const digits = (min: number, max: number, description: string) =>
  Type.String({ pattern: `^[0-9]{${min},${max}}$`, description });

export const NewCodePaymentInput = Type.Object(
  {
    id: transferIdInput(
      "Your id of the payment, unique among yours: the key that makes a retry safe.",
    ),
    instrument: Type.Union(
      [
        Type.Object(
          {
            kind: Type.Literal("payment_code"),
            number: digits(
              paymentCodeDigitsMin,
              paymentCodeDigitsMax,
              "The one-time payment code the customer's app showed, as scanned",
            ),
          },
          { additionalProperties: false },
        ),
        Type.Object(
          {
            kind: Type.Literal("prepaid_card"),
            number: digits(cardNumberDigitsMin, cardNumberDigitsMax, "The prepaid card's number"),
          },
          { additionalProperties: false },
        ),
      ],
      {
        description:
          "What the customer presented. The hub routes it by its prefix to the issuer that assigned it, and never shows it unmasked.",
      },
    ),
    amount: AmountInput,
    currency: CurrencyInput,
    merchantId: Type.String({
      minLength: 1,
      maxLength: 32,
      description: "Your merchant that took the payment, as registered in the directory",
    }),
  },
  { additionalProperties: false, title: "NewCodePayment" },
);
export type NewCodePaymentInput = Static<typeof NewCodePaymentInput>;

export function readCodePayment(input: NewCodePaymentInput): MoneyRequestResult<NewCodePayment> {
  return readMoneyRequest(input, {
    instrument: { kind: input.instrument.kind, number: input.instrument.number },
    merchantId: input.merchantId,
  });
}
