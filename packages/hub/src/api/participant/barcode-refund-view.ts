import { type Static, Type } from "@sinclair/typebox";
import { type BarcodeRefund, barcodeRefundStates } from "../../domain/barcode/barcode-refund.ts";
import { barcodeRefundData } from "../../domain/barcode/barcode-refund-event.ts";
import { literalUnion } from "../literal-union.ts";
import { AmountOutput } from "../money-codec.ts";

const nullable = <T extends ReturnType<typeof Type.String>>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/**
 * A refund of a barcode payment as a party to it (the acquirer that asked, the payment's
 * issuer) sees it: in answers and, as `data`, in its webhooks.
 */
export const BarcodeRefundSchema = Type.Object(
  {
    refundId: Type.String({ description: "The hub's id of the refund, the same for both sides" }),
    id: nullable(Type.String({ description: "Your id of the refund, if you asked it; else null" })),
    paymentId: Type.String({ description: "The refunded barcode payment" }),
    acquirerId: Type.String(),
    issuerId: Type.String(),
    amount: AmountOutput,
    currency: Type.String(),
    reason: nullable(Type.String()),
    state: literalUnion(barcodeRefundStates, {
      description:
        "succeeded: cleared from the acquirer back to the issuer, which credits its customer. processing, unknown: sent to the issuer's wallet and not surely decided; the hub asks until it knows. declined: the issuer refused it (or the ledger did); its amount may be refunded again.",
    }),
    failure: Type.Union([Type.Object({ code: Type.String(), reason: Type.String() }), Type.Null()]),
    createdAt: Type.String({ format: "date-time" }),
    settledAt: nullable(Type.String({ format: "date-time" })),
  },
  { additionalProperties: false, title: "BarcodeRefund" },
);
export type BarcodeRefundView = Static<typeof BarcodeRefundSchema>;

export function barcodeRefundView(refund: BarcodeRefund, viewerId: string): BarcodeRefundView {
  return barcodeRefundData(refund, viewerId);
}
