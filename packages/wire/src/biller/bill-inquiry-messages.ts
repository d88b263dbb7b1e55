import { type Static, Type } from "@sinclair/typebox";
import { amountField, CurrencyField } from "../message-fields.ts";
import {
  BillNumberField,
  billerInterfaceId,
  CustomerNameField,
  CustomerParametersField,
  DateField,
} from "./biller-message-fields.ts";

/** A biller answers at most this many bills due to one inquiry: a year of monthly bills. */
export const billsPerAnswerMax = 12;

export const BillPeriod = Type.Object(
  {
    from: DateField("The first day the bill covers"),
    to: DateField("The last day the bill covers, on or after `from`"),
  },
  { title: "BillPeriod", description: "The days a bill covers, both included." },
);

export const Bill = Type.Object(
  {
    billNumber: BillNumberField,
    currency: CurrencyField,
    amountDue: amountField("What the bill demands, in the currency's major unit."),
    amountMin: Type.Optional(
      amountField(
        "The least the biller accepts for this bill, when it takes part payments; at most `amountDue`.",
      ),
    ),
    amountMax: Type.Optional(
      amountField(
        "The most the biller accepts for this bill, when it takes advance payments; at least `amountDue`.",
      ),
    ),
    dueDate: DateField("The last day to pay without a late charge"),
    period: Type.Optional(BillPeriod),
    description: Type.Optional(
      Type.String({
        maxLength: 140,
        description: "What the bill is for, for the payer, e.g. Water, October 2026",
      }),
    ),
  },
  {
    title: "Bill",
    description:
      "A bill due as the biller presents it. Without `amountMin` and `amountMax` the bill takes exactly `amountDue`; the biller registry's exactness rule for the biller says what the hub lets channels pay.",
  },
);
export type Bill = Static<typeof Bill>;

export const BillInquiryRequest = Type.Object(
  {
    inquiryId: billerInterfaceId(
      "The hub's id of this inquiry, for tracing in logs on both sides; an inquiry changes nothing, so it needs no idempotency.",
    ),
    customerParameters: CustomerParametersField,
  },
  {
    title: "BillInquiryRequest",
    description: "Ask which bills of the customer the parameters identify are due.",
  },
);
export type BillInquiryRequest = Static<typeof BillInquiryRequest>;

export const BillInquiryAnswer = Type.Object(
  {
    inquiryId: billerInterfaceId("The inquiry answered"),
    customerName: Type.Optional(CustomerNameField),
    bills: Type.Array(Bill, {
      maxItems: billsPerAnswerMax,
      description:
        "The bills due, oldest due date first; empty when the customer owes nothing now.",
    }),
  },
  {
    title: "BillInquiryAnswer",
    description: "The customer's bills due, or none.",
  },
);
export type BillInquiryAnswer = Static<typeof BillInquiryAnswer>;
