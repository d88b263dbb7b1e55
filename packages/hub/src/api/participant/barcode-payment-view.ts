import { type Static, Type } from "@sinclair/typebox";
import {
  type BarcodePayment,
  barcodeInstruments,
  barcodePaymentStates,
} from "../../domain/barcode/barcode-payment.ts";
import { barcodePaymentData } from "../../domain/barcode/barcode-payment-event.ts";
import { riskLevels } from "../../domain/barcode/risk-level.ts";
import { literalUnion } from "../literal-union.ts";
import { AmountOutput } from "../money-codec.ts";

const nullable = <T extends ReturnType<typeof Type.String>>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/**
 * A barcode payment as a party to it (its issuer or its acquirer) sees it: in answers and, as
 * `data`, in its webhooks. Only the initiator is shown its own request id.
 */
export const BarcodePaymentSchema = Type.Object(
  {
    paymentId: Type.String({ description: "The hub's id of the payment, the same for both sides" }),
    id: nullable(Type.String({ description: "Your id of the request, if you made it; else null" })),
    instrument: literalUnion(barcodeInstruments, {
      description:
        "static_qr, dynamic_qr: the merchant presented an EMVCo code the customer scanned. payment_code, prepaid_card: the customer presented a one-time code or a card the merchant read",
    }),
    issuerId: Type.String({ description: "The institution holding the payer's money" }),
    acquirerId: Type.String({ description: "The institution serving the merchant" }),
    merchantId: Type.String({ description: "The acquirer's id of the merchant" }),
    orderReference: nullable(Type.String({ description: "A dynamic code's order reference" })),
    amount: AmountOutput,
    currency: Type.String(),
    refunded: AmountOutput,
    maskedNumber: nullable(Type.String({ description: "The code or card presented, masked" })),
    verificationLevel: Type.Union([literalUnion(riskLevels), Type.Null()], {
      description: "The level the payment counted at against the customer's daily limit",
    }),
    state: literalUnion(barcodePaymentStates, {
      description:
        "succeeded: cleared from the issuer to the acquirer. authorising, unknown, pending: a consumer-presented payment the issuer has not surely decided; the hub asks until it knows. declined: the issuer refused it; no money moved. reversed: given up by the acquirer and undone at the issuer.",
    }),
    authorizationCode: nullable(Type.String()),
    failure: Type.Union([Type.Object({ code: Type.String(), reason: Type.String() }), Type.Null()]),
    createdAt: Type.String({ format: "date-time" }),
    settledAt: nullable(Type.String({ format: "date-time" })),
  },
  { additionalProperties: false, title: "BarcodePayment" },
);
export type BarcodePaymentView = Static<typeof BarcodePaymentSchema>;

export function barcodePaymentView(payment: BarcodePayment, viewerId: string): BarcodePaymentView {
  return barcodePaymentData(payment, viewerId);
}
