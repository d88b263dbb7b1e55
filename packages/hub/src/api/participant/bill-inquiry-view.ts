import { type Static, Type } from "@sinclair/typebox";
import type { BillInquiryAnswer, BillPresentment } from "../../app/billers/bill-inquiry-service.ts";
import { formatAmount } from "../../domain/money/amount.ts";

const DateTime = Type.String({ format: "date-time" });
const Amount = (description: string) =>
  Type.String({ description: `${description}; a decimal string in the currency's major unit` });

export const PresentedBillSchema = Type.Object(
  {
    billRef: Type.String({
      description:
        "The hub's reference of this bill as presented to you: quote it to pay the bill, before `expiresAt`",
    }),
    expiresAt: DateTime,
    billNumber: Type.String({ description: "The biller's number of the bill" }),
    currency: Type.String(),
    amountDue: Amount("What the bill demands"),
    amountMin: Type.Optional(Amount("The least the biller takes, when it takes part payments")),
    amountMax: Type.Optional(Amount("The most the biller takes, when it takes advance payments")),
    dueDate: Type.String({ format: "date" }),
    period: Type.Optional(
      Type.Object({ from: Type.String({ format: "date" }), to: Type.String({ format: "date" }) }),
    ),
    description: Type.Optional(Type.String()),
  },
  { title: "PresentedBill" },
);

export const BillInquiryAnswerSchema = Type.Object(
  {
    billerId: Type.String(),
    customerName: Type.Optional(
      Type.String({ description: "The customer's name as the biller shows it, masked" }),
    ),
    source: Type.Union([Type.Literal("biller"), Type.Literal("cache")], {
      description:
        "`biller`: the biller answered now; `cache`: a scheduled inquiry answered from the biller's answer at `fetchedAt`",
    }),
    fetchedAt: DateTime,
    bills: Type.Array(PresentedBillSchema, {
      description: "The bills due, oldest due date first; empty when the customer owes nothing",
    }),
  },
  { title: "BillInquiryAnswer" },
);
export type BillInquiryAnswerBody = Static<typeof BillInquiryAnswerSchema>;

function presentedBillView(presentment: BillPresentment): Static<typeof PresentedBillSchema> {
  const { bill } = presentment;
  const amount = (minor: bigint) => formatAmount(minor, bill.currency);
  return {
    billRef: presentment.billRef,
    expiresAt: new Date(presentment.expiresAtMs).toISOString(),
    billNumber: bill.billNumber,
    currency: bill.currency.code,
    amountDue: amount(bill.amountDueMinor),
    ...(bill.amountMinMinor === undefined ? {} : { amountMin: amount(bill.amountMinMinor) }),
    ...(bill.amountMaxMinor === undefined ? {} : { amountMax: amount(bill.amountMaxMinor) }),
    dueDate: bill.dueDate,
    ...(bill.period === undefined ? {} : { period: { ...bill.period } }),
    ...(bill.description === undefined ? {} : { description: bill.description }),
  };
}

export function billInquiryView(answer: BillInquiryAnswer): BillInquiryAnswerBody {
  return {
    billerId: answer.billerId,
    ...(answer.customerName === undefined ? {} : { customerName: answer.customerName }),
    source: answer.source,
    fetchedAt: new Date(answer.fetchedAtMs).toISOString(),
    bills: answer.presentments.map(presentedBillView),
  };
}
