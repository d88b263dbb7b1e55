import { type Static, Type } from "@sinclair/typebox";
import type { NewBarcodeRefund } from "../../app/barcode/barcode-refund-service.ts";
import type { AmountParseError } from "../../domain/money/amount.ts";
import { amountInput, CurrencyInput, readMoney } from "../money-codec.ts";
import { transferIdInput } from "../transfer-batch-input.ts";
import { requestHash } from "./transfer-input.ts";

/** A refund's reason, for people: short, and never needed to decide anything. */
export const refundReasonLengthMax = 140;

export const NewBarcodeRefundInput = Type.Object(
  {
    id: transferIdInput(
      "Your id of the refund, unique among yours: the key that makes a retry safe.",
    ),
    amount: amountInput("How much to give back: all of the payment or part of it"),
    currency: CurrencyInput,
    reason: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: refundReasonLengthMax,
        description: "Why, for people",
      }),
    ),
  },
  { additionalProperties: false, title: "NewBarcodeRefund" },
);
export type NewBarcodeRefundInput = Static<typeof NewBarcodeRefundInput>;

export type BarcodeRefundRead =
  | { readonly ok: true; readonly value: NewBarcodeRefund }
  | { readonly ok: false; readonly code: AmountParseError | "currency_unknown" };

/** The request as the use-case takes it: the amount in minor units; body and payment hashed. */
export function readBarcodeRefund(
  paymentId: string,
  input: NewBarcodeRefundInput,
): BarcodeRefundRead {
  const money = readMoney(input.amount, input.currency);
  if (!money.ok) return money;
  return {
    ok: true,
    value: {
      id: input.id,
      paymentId,
      amountMinor: money.minor,
      currency: money.currency.code,
      reason: input.reason ?? null,
      requestHash: requestHash({ paymentId, ...input }),
    },
  };
}
