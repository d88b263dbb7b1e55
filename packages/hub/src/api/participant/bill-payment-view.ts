import { type Static, Type } from "@sinclair/typebox";
import { type BillPayment, billPaymentStates } from "../../domain/bill-payments/bill-payment.ts";
import { failureOf } from "../../domain/recorded-failure.ts";
import { FeeSchema, feeView } from "../fee-view.ts";
import { literalUnion } from "../literal-union.ts";
import { AmountOutput, writeMoney } from "../money-codec.ts";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A bill payment as its channel sees it. The customer parameters are not repeated. */
export const BillPaymentSchema = Type.Object(
  {
    id: Type.String(),
    billerId: Type.String(),
    billRef: Type.Union([Type.String(), Type.Null()], {
      description: "The presented bill the payment quoted; null for a direct payment",
    }),
    billNumber: Type.Union([Type.String(), Type.Null()], {
      description: "The biller's number of the bill paid",
    }),
    amount: AmountOutput,
    currency: Type.String(),
    fee: {
      ...FeeSchema,
      description:
        "The fee you were charged with the payment's clearing, paid to the hub operator; kept if the money is cleared back. null when none was due",
    },
    state: literalUnion(billPaymentStates, {
      description:
        "accepted: cleared in the ledger (your position to the biller's), not yet posted to the biller. posting: sent, the biller's outcome awaited; the hub asks until it knows. posted: the biller credited the customer (receiptNumber). rejected: the biller refused it; the money was cleared back to you. reversed: the biller took back a payment it had credited; the money was cleared back to you. posting_failed: not posted within the posting deadline; the operator settles it with the biller. Every change after accepted is also sent by webhook.",
    }),
    postingId: Type.String({
      description: "The hub's id of the posting at the biller, for reconciliation",
    }),
    receiptNumber: Type.Union([Type.String(), Type.Null()], {
      description: "The biller's receipt: its proof that the customer paid",
    }),
    failure: Type.Union([Type.Object({ code: Type.String(), reason: Type.String() }), Type.Null()]),
    createdAt: Type.String({ format: "date-time" }),
    postedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
    reversedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  },
  { title: "BillPayment" },
);
export type BillPaymentView = Static<typeof BillPaymentSchema>;

export function billPaymentView(payment: BillPayment): BillPaymentView {
  return {
    id: payment.id,
    billerId: payment.billerId,
    billRef: payment.billRef,
    billNumber: payment.billNumber,
    amount: writeMoney(payment.amountMinor, payment.currency),
    currency: payment.currency,
    fee: feeView(payment.feeMinor, payment.currency),
    state: payment.state,
    postingId: payment.postingId,
    receiptNumber: payment.receiptNumber,
    failure: failureOf(payment),
    createdAt: new Date(payment.createdAt).toISOString(),
    postedAt: iso(payment.postedAt),
    reversedAt: iso(payment.reversedAt),
  };
}
