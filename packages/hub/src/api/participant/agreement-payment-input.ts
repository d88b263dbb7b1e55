import { type Static, Type } from "@sinclair/typebox";
import type { NewAgreementPayment } from "../../app/payments/agreement-payment-service.ts";
import { AmountInput, CurrencyInput } from "../money-codec.ts";
import { transferIdInput } from "../transfer-batch-input.ts";
import { type MoneyRequestResult, readMoneyRequest } from "./money-request-input.ts";

export const NewAgreementPaymentInput = Type.Object(
  {
    id: transferIdInput(
      "Your id of the payment, unique among yours: the key that makes a retry safe.",
    ),
    agreementId: Type.String({
      minLength: 1,
      maxLength: 64,
      description: "An active agreement of yours",
    }),
    amount: AmountInput,
    currency: CurrencyInput,
  },
  { additionalProperties: false, title: "NewAgreementPayment" },
);
export type NewAgreementPaymentInput = Static<typeof NewAgreementPaymentInput>;

export function readAgreementPayment(
  input: NewAgreementPaymentInput,
): MoneyRequestResult<NewAgreementPayment> {
  return readMoneyRequest(input, { agreementId: input.agreementId });
}
