import type { TSchema } from "@sinclair/typebox";
import { BillInquiryAnswer, BillInquiryRequest } from "./bill-inquiry-messages.ts";
import { BillNotice, ReversalNotice } from "./biller-notice-messages.ts";
import type { BillerRefusalCode } from "./biller-refusal-code.ts";
import { PostingAnswer, PostingInquiryRequest, PostingRequest } from "./posting-messages.ts";

/** A call the hub makes to a biller: a POST of `request` to the biller's endpoint URL + `path`. */
export interface BillerOperation<Request extends TSchema, Answer extends TSchema> {
  readonly path: string;
  readonly tag: "bills" | "postings";
  readonly summary: string;
  readonly description: string;
  readonly request: Request;
  /** The body of a 200 answer. */
  readonly answer: Answer;
  /** The refusals this call may meet besides those of every call (invalid request, signature, busy). */
  readonly refusals: readonly BillerRefusalCode[];
}

/** A call a biller makes to the hub's participant API. */
export interface BillerNoticeOperation<Notice extends TSchema> {
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly request: Notice;
}

/** The refusals any call to the biller may meet. */
export const billerCommonRefusals: readonly BillerRefusalCode[] = [
  "request_invalid",
  "signature_missing",
  "signature_malformed",
  "signature_components_insufficient",
  "signature_created_out_of_window",
  "key_unknown",
  "key_revoked",
  "digest_mismatch",
  "signature_invalid",
  "nonce_replayed",
  "biller_busy",
];

function billerOperation<Request extends TSchema, Answer extends TSchema>(
  operation: BillerOperation<Request, Answer>,
): BillerOperation<Request, Answer> {
  return operation;
}

/** What a biller implements, one entry per call, by the name the hub's connector gives it. */
export const billerOperations = {
  inquireBills: billerOperation({
    path: "/bill-inquiries",
    tag: "bills",
    summary: "The bills due of the customer the parameters identify",
    description:
      "Answers the customer's bills due, or none. Changes nothing, so the hub may ask again; but each inquiry costs the biller's billing system, so the hub serves repeated questions from its cache and prefers the bills a biller pushes (`/v1/biller-notices/bills`).",
    request: BillInquiryRequest,
    answer: BillInquiryAnswer,
    refusals: ["customer_parameters_invalid", "customer_not_found"],
  }),
  post: billerOperation({
    path: "/postings",
    tag: "postings",
    summary: "Post a payment the hub cleared: credit the customer, answer a receipt",
    description:
      "Answers `accepted` with the biller's receipt number, `rejected` with a reason (the hub clears the money back), or `pending` when the biller decides later. The posting id is the idempotency key: sent again, the same posting's outcome is answered and the customer is credited once.",
    request: PostingRequest,
    answer: PostingAnswer,
    refusals: ["idempotency_key_reused"],
  }),
  inquirePosting: billerOperation({
    path: "/posting-inquiries",
    tag: "postings",
    summary: "Where a posting stands, by the hub's posting id",
    description:
      "Answers the posting's outcome as its own call would now answer it. An id the biller never received is answered `rejected` with `posting_not_received`, and closed: the posting, should it still arrive, credits nothing. So an inquiry always settles an unknown outcome.",
    request: PostingInquiryRequest,
    answer: PostingAnswer,
    refusals: [],
  }),
};

export type BillerOperationName = keyof typeof billerOperations;

export const billerOperationNames = Object.keys(billerOperations) as BillerOperationName[];

function billerNoticeOperation<Notice extends TSchema>(
  operation: BillerNoticeOperation<Notice>,
): BillerNoticeOperation<Notice> {
  return operation;
}

/** What the hub serves to billers, under its participant API. */
export const billerNoticeOperations = {
  billNotice: billerNoticeOperation({
    path: "/v1/biller-notices/bills",
    summary: "A customer has a new or changed bill",
    description:
      "Sent when the biller issues a bill or changes one. The hub tells the channels that subscribed to the customer, so they need not poll. Repeat until the hub answers 2xx.",
    request: BillNotice,
  }),
  reversalNotice: billerNoticeOperation({
    path: "/v1/biller-notices/reversals",
    summary: "The biller reversed a payment it had accepted",
    description:
      "Sent when the biller takes back an accepted posting. The hub clears the money back to the channel, once however often the notice comes, and tells the channel. Repeat until the hub answers 2xx.",
    request: ReversalNotice,
  }),
};

export type BillerNoticeOperationName = keyof typeof billerNoticeOperations;

export const billerNoticeOperationNames = Object.keys(
  billerNoticeOperations,
) as BillerNoticeOperationName[];
