import type { TSchema } from "@sinclair/typebox";
import {
  CodePaymentAnswer,
  CodePaymentInquiryRequest,
  CodePaymentRequest,
  CodePaymentReversalRequest,
  CodePaymentReversed,
} from "./code-payment-messages.ts";
import { CodePaymentOutcomeNotice } from "./wallet-notice-messages.ts";
import {
  WalletRefundAnswer,
  WalletRefundInquiryRequest,
  WalletRefundRequest,
} from "./wallet-refund-messages.ts";
import type { WalletRefusalCode } from "./wallet-refusal-code.ts";

/** A call the hub makes to an issuer: a POST of `request` to the issuer's endpoint URL + `path`. */
export interface WalletOperation<Request extends TSchema, Answer extends TSchema> {
  readonly path: string;
  readonly tag: "payments" | "refunds";
  readonly summary: string;
  readonly description: string;
  readonly request: Request;
  /** The body of a 200 answer. */
  readonly answer: Answer;
  /** The refusals this call may meet besides those of every call (invalid request, signature, busy). */
  readonly refusals: readonly WalletRefusalCode[];
}

/** A call an issuer makes to the hub's participant API. */
export interface WalletNoticeOperation<Notice extends TSchema> {
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly request: Notice;
}

/** The refusals any call to the issuer may meet. */
export const walletCommonRefusals: readonly WalletRefusalCode[] = [
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
  "wallet_busy",
];

function walletOperation<Request extends TSchema, Answer extends TSchema>(
  operation: WalletOperation<Request, Answer>,
): WalletOperation<Request, Answer> {
  return operation;
}

/** What an issuer implements, one entry per call, by the name the hub's connector gives it. */
export const walletOperations = {
  authorizeCodePayment: walletOperation({
    path: "/code-payments",
    tag: "payments",
    summary: "Authorise and charge a payment by one-time code or prepaid card",
    description:
      "Answers `approved` with the issuer's authorisation code, the customer's reference and verification level; `declined` with a reason; or `pending` while the customer confirms in the app (the issuer then sends the outcome as a notice). The payment id is the idempotency key: sent again, the same payment's outcome is answered and the customer is charged once.",
    request: CodePaymentRequest,
    answer: CodePaymentAnswer,
    refusals: ["idempotency_key_reused"],
  }),
  inquireCodePayment: walletOperation({
    path: "/code-payment-inquiries",
    tag: "payments",
    summary: "Where a payment stands, by the hub's payment id",
    description:
      "Answers the payment's outcome as its own call would now answer it. An id the issuer never received is answered `declined` with `payment_not_received`, and closed: the payment, should it still arrive, charges nothing. So an inquiry always settles an unknown outcome.",
    request: CodePaymentInquiryRequest,
    answer: CodePaymentAnswer,
    refusals: [],
  }),
  reverseCodePayment: walletOperation({
    path: "/code-payment-reversals",
    tag: "payments",
    summary: "Cancel a payment whose outcome the acquirer did not learn",
    description:
      "The customer ends up not charged: an approved payment is credited back (what refunds have not yet given back), a pending one is cancelled, an id never received is closed so that a late authorisation charges nothing. Answers `reversed`; idempotent, the same answer however often it is sent.",
    request: CodePaymentReversalRequest,
    answer: CodePaymentReversed,
    refusals: ["payment_mismatch"],
  }),
  refund: walletOperation({
    path: "/refunds",
    tag: "refunds",
    summary: "Credit back part or all of an approved payment",
    description:
      "Answers `refunded`, or `refund_declined` with a reason. The refund id is the idempotency key: sent again, the same refund's outcome is answered and the customer is credited once.",
    request: WalletRefundRequest,
    answer: WalletRefundAnswer,
    refusals: ["idempotency_key_reused", "payment_mismatch"],
  }),
  inquireRefund: walletOperation({
    path: "/refund-inquiries",
    tag: "refunds",
    summary: "Where a refund stands, by the hub's refund id",
    description:
      "Answers the refund's outcome as its own call would now answer it. An id the issuer never received is answered `refund_declined` with `refund_not_received`, and closed.",
    request: WalletRefundInquiryRequest,
    answer: WalletRefundAnswer,
    refusals: [],
  }),
};

export type WalletOperationName = keyof typeof walletOperations;

export const walletOperationNames = Object.keys(walletOperations) as WalletOperationName[];

function walletNoticeOperation<Notice extends TSchema>(
  operation: WalletNoticeOperation<Notice>,
): WalletNoticeOperation<Notice> {
  return operation;
}

/** What the hub serves to issuers, under its participant API. */
export const walletNoticeOperations = {
  codePaymentOutcomeNotice: walletNoticeOperation({
    path: "/v1/wallet-notices/code-payment-outcomes",
    summary: "A pending payment was approved or declined",
    description:
      "Sent when a payment the issuer answered `pending` is decided (the customer confirmed or refused in the app). The hub clears or declines the payment, once however often the notice comes, and tells the acquirer. Repeat until the hub answers 2xx.",
    request: CodePaymentOutcomeNotice,
  }),
};

export type WalletNoticeOperationName = keyof typeof walletNoticeOperations;

export const walletNoticeOperationNames = Object.keys(
  walletNoticeOperations,
) as WalletNoticeOperationName[];
