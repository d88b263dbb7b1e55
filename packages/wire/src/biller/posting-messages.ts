import { type Static, Type } from "@sinclair/typebox";
import { literalUnion } from "../literal-union.ts";
import { AmountField, CurrencyField } from "../message-fields.ts";
import {
  BillNumberField,
  CustomerParametersField,
  ParticipantIdField,
  PostingIdField,
  ReasonTextField,
  ReceiptNumberField,
  TimestampField,
} from "./biller-message-fields.ts";
import { postingRejectionReasonNames } from "./posting-rejection-reason.ts";

/**
 * Postings: a payment the hub has already cleared, told to the biller so that it credits the
 * customer. Each carries the hub's posting id, which the biller keeps as the idempotency key:
 * the same id with the same content always answers the same posting's current outcome and never
 * credits twice; the same id with other content is refused (`idempotency_key_reused`) and
 * changes nothing.
 */

export const PostingRequest = Type.Object(
  {
    postingId: PostingIdField,
    channelId: ParticipantIdField(
      "The hub participant id of the channel the customer paid through, for the biller's reconciliation",
    ),
    customerParameters: CustomerParametersField,
    billNumber: Type.Optional(BillNumberField),
    amount: AmountField,
    currency: CurrencyField,
    paidAt: TimestampField(
      "When the channel took the customer's payment: the payment date the biller credits, late as the posting may arrive",
    ),
  },
  {
    title: "PostingRequest",
    description:
      "Credit the customer with a payment. With `billNumber` the payment is for that bill; without it (where the biller allows direct payment) it is credited to the customer's account.",
  },
);
export type PostingRequest = Static<typeof PostingRequest>;

export const PostingInquiryRequest = Type.Object(
  { postingId: PostingIdField },
  {
    title: "PostingInquiryRequest",
    description:
      "Ask where a posting stands. Asked about an id it never received, the biller answers `rejected` with `posting_not_received` and closes the id: should the posting still arrive, it is answered with that rejection and credits nothing.",
  },
);
export type PostingInquiryRequest = Static<typeof PostingInquiryRequest>;

export const PostingAccepted = Type.Object(
  {
    postingId: PostingIdField,
    status: Type.Literal("accepted"),
    receiptNumber: ReceiptNumberField,
    postedAt: TimestampField("When the biller credited the customer"),
  },
  { title: "PostingAccepted", description: "The biller credited the customer." },
);

export const PostingRejected = Type.Object(
  {
    postingId: PostingIdField,
    status: Type.Literal("rejected"),
    reasonCode: literalUnion(postingRejectionReasonNames, {
      description: "Why; the interface description lists the reasons",
    }),
    reasonText: ReasonTextField,
  },
  {
    title: "PostingRejected",
    description:
      "The biller credited nothing, and never will under this posting id: the hub clears the money back to the channel.",
  },
);

export const PostingPending = Type.Object(
  { postingId: PostingIdField, status: Type.Literal("pending") },
  {
    title: "PostingPending",
    description:
      "The biller took the posting and will decide later (a batch run of its billing system); the hub inquires until it is accepted or rejected.",
  },
);

export const PostingAnswer = Type.Union([PostingAccepted, PostingRejected, PostingPending], {
  title: "PostingAnswer",
  description:
    "Where the posting stands: accepted and rejected are final and never change; pending becomes one of them later.",
});
export type PostingAnswer = Static<typeof PostingAnswer>;
