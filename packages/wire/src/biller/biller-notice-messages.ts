import { type Static, Type } from "@sinclair/typebox";
import { literalUnion } from "../literal-union.ts";
import { AmountField, CurrencyField } from "../message-fields.ts";
import { Bill } from "./bill-inquiry-messages.ts";
import {
  billerInterfaceId,
  CustomerParametersField,
  PostingIdField,
  ReasonTextField,
  ReceiptNumberField,
  TimestampField,
} from "./biller-message-fields.ts";

/**
 * What a biller tells the hub unasked. Notices go to the hub's participant API, signed with the
 * biller's participant key, and are repeated until the hub answers 2xx: the hub keeps the first
 * of each `noticeId` and answers the same to a repeat, so a biller may always send again.
 */

const noticeIdField = billerInterfaceId(
  "The biller's id of the notice, the same on every repetition: the hub deduplicates on it.",
);

export const billNoticeKinds = ["new", "changed"] as const;

export const BillNotice = Type.Object(
  {
    noticeId: noticeIdField,
    kind: literalUnion(billNoticeKinds, {
      description:
        "new: a bill the customer did not have; changed: a bill presented before now demands another amount or date (the same `billNumber`)",
    }),
    customerParameters: CustomerParametersField,
    bill: Bill,
    issuedAt: TimestampField("When the biller issued or changed the bill"),
  },
  {
    title: "BillNotice",
    description:
      "A customer has a new or changed bill. The hub tells the channels subscribed to this customer, so nobody needs to ask.",
  },
);
export type BillNotice = Static<typeof BillNotice>;

export const reversalReasons = [
  "duplicate_payment",
  "wrong_customer",
  "bill_withdrawn",
  "customer_request",
  "biller_decision",
] as const;

export const ReversalNotice = Type.Object(
  {
    noticeId: noticeIdField,
    postingId: PostingIdField,
    receiptNumber: ReceiptNumberField,
    amount: AmountField,
    currency: CurrencyField,
    reasonCode: literalUnion(reversalReasons, {
      description:
        "duplicate_payment: the customer paid the bill twice; wrong_customer: the payment was for someone else; bill_withdrawn: the biller cancelled the bill after it was paid; customer_request: the customer asked the biller; biller_decision: another reason of the biller",
    }),
    reasonText: ReasonTextField,
    reversedAt: TimestampField("When the biller took the payment off the customer's account"),
  },
  {
    title: "ReversalNotice",
    description:
      "The biller reversed a payment it accepted: the whole of it, as posted (the amount and currency repeat the posting's, so the hub can check them). The hub clears the money back to the channel, once, and tells it.",
  },
);
export type ReversalNotice = Static<typeof ReversalNotice>;
