import { type Static, Type } from "@sinclair/typebox";
import type { NewAgreementPayment } from "../../app/payments/agreement-payment-service.ts";
import type { AmountParseError } from "../../domain/money/amount.ts";
import { AmountInput, CurrencyInput, readMoney } from "../money-codec.ts";
import { transferIdInput } from "../transfer-batch-input.ts";
import { requestHash } from "./transfer-input.ts";

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
):
  | { readonly ok: true; readonly value: NewAgreementPayment }
  | { readonly ok: false; readonly code: AmountParseError | "currency_unknown" } {
  const money = readMoney(input.amount, input.currency);
  if (!money.ok) return money;
  return {
    ok: true,
    value: {
      id: input.id,
      agreementId: input.agreementId,
      amountMinor: money.minor,
      currency: money.currency.code,
      requestHash: requestHash(input),
    },
  };
}
