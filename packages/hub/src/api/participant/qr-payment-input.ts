import { type Static, Type } from "@sinclair/typebox";
import type { NewQrPayment } from "../../app/barcode/qr-payment-request.ts";
import { riskLevels } from "../../domain/barcode/risk-level.ts";
import type { AmountParseError } from "../../domain/money/amount.ts";
import { amountInput, CurrencyInput, readMoney } from "../money-codec.ts";
import { transferIdInput } from "../transfer-batch-input.ts";
import { requestHash } from "./transfer-input.ts";

/** An EMVCo payload is at most 512 characters; more is no code. */
export const qrPayloadLengthMax = 512;

export const NewQrPaymentInput = Type.Object(
  {
    id: transferIdInput(
      "Your id of the payment, unique among yours: the key that makes a retry safe.",
    ),
    payload: Type.String({
      minLength: 1,
      maxLength: qrPayloadLengthMax,
      description: "The merchant-presented code as your customer's app scanned it (EMVCo MPM)",
    }),
    amount: Type.Optional(
      amountInput(
        "The amount your customer entered: required for a static code; for a dynamic code, left out or equal to the code's",
      ),
    ),
    currency: Type.Optional(CurrencyInput),
    payer: Type.Object(
      {
        customerRef: Type.String({
          minLength: 1,
          maxLength: 64,
          description:
            "Your own reference of the paying customer: the daily limits count by it. The hub keeps only its digest.",
        }),
        verificationLevel: Type.Union(
          riskLevels.map((level) => Type.Literal(level)),
          {
            description:
              "How your customer verified this payment (PBOC barcode rules): A two or more factors including a digital certificate or electronic signature; B two or more factors; C fewer than two. A static code always counts as D.",
          },
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, title: "NewQrPayment" },
);
export type NewQrPaymentInput = Static<typeof NewQrPaymentInput>;

export type QrPaymentRead =
  | { readonly ok: true; readonly value: NewQrPayment }
  | {
      readonly ok: false;
      readonly code: AmountParseError | "currency_unknown" | "currency_required";
    };

/** The request as the use-case takes it: the amount, if any, in minor units; the body hashed. */
export function readQrPayment(input: NewQrPaymentInput): QrPaymentRead {
  const fields = {
    id: input.id,
    payload: input.payload,
    customerRef: input.payer.customerRef,
    verificationLevel: input.payer.verificationLevel,
    requestHash: requestHash(input),
  };
  if (input.amount === undefined) {
    return { ok: true, value: { ...fields, currency: input.currency } };
  }
  if (input.currency === undefined) return { ok: false, code: "currency_required" };
  const money = readMoney(input.amount, input.currency);
  if (!money.ok) return money;
  return {
    ok: true,
    value: { ...fields, amountMinor: money.minor, currency: money.currency.code },
  };
}
