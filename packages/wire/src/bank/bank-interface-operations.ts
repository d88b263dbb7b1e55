import type { TSchema } from "@sinclair/typebox";
import { TransactionResultNotice, UnsignedNotice } from "./bank-notice-messages.ts";
import type { BankRefusalCode } from "./bank-refusal-codes.ts";
import {
  SignConfirmation,
  SignConfirmationAnswer,
  SignRequest,
  SignRequestAnswer,
  UnsignAnswer,
  UnsignRequest,
} from "./bank-signing-messages.ts";
import {
  CreditRequest,
  DebitRequest,
  InquiryRequest,
  RefundRequest,
  TransactionAnswer,
} from "./bank-transaction-messages.ts";

/** A call the hub makes to a bank: a POST of `request` to the bank's endpoint URL + `path`. */
export interface BankOperation<Request extends TSchema, Answer extends TSchema> {
  readonly path: string;
  readonly tag: "agreements" | "transactions";
  readonly summary: string;
  readonly description: string;
  readonly request: Request;
  /** The body of a 200 answer. */
  readonly answer: Answer;
  /** The refusals this call may meet besides those of every call (invalid request, signature, busy). */
  readonly refusals: readonly BankRefusalCode[];
}

/** A call a bank makes to the hub's participant API. */
export interface HubNoticeOperation<Notice extends TSchema> {
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly request: Notice;
}

/** The refusals any call to the bank may meet. */
export const commonRefusals: readonly BankRefusalCode[] = [
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
  "bank_busy",
];

const pendingNote =
  "Answers `pending` when the bank decides later; it then sends a transaction result notice.";

function bankOperation<Request extends TSchema, Answer extends TSchema>(
  operation: BankOperation<Request, Answer>,
): BankOperation<Request, Answer> {
  return operation;
}

/** What a bank implements, one entry per call, by the name the hub's connector gives it. */
export const bankOperations = {
  requestSigning: bankOperation({
    path: "/agreements/sign-requests",
    tag: "agreements",
    summary: "Start signing an agreement: check the customer and send a one-time password",
    description:
      "The bank checks that it holds an account with this number, holder name, ID number and mobile number, sends a one-time password to the mobile number on its record, and answers the id of the sign request. The hub's `requestId` is the idempotency key: sent again, the same sign request is answered and no second password is sent.",
    request: SignRequest,
    answer: SignRequestAnswer,
    refusals: ["account_details_mismatch", "account_not_eligible", "idempotency_key_reused"],
  }),
  confirmSigning: bankOperation({
    path: "/agreements/sign-confirmations",
    tag: "agreements",
    summary: "Confirm signing with the one-time password: the agreement number",
    description:
      "The bank checks the password against the sign request and answers the agreement's number. A sign request allows a few wrong passwords, then it is void.",
    request: SignConfirmation,
    answer: SignConfirmationAnswer,
    refusals: ["sign_request_unknown", "otp_invalid", "otp_expired", "otp_attempts_exceeded"],
  }),
  unsign: bankOperation({
    path: "/agreements/unsign",
    tag: "agreements",
    summary: "End an agreement at the customer's or the payment institution's request",
    description:
      "Unsigning an unsigned agreement answers the same as the first time, so the call is safe to repeat.",
    request: UnsignRequest,
    answer: UnsignAnswer,
    refusals: ["agreement_unknown"],
  }),
  debit: bankOperation({
    path: "/debits",
    tag: "transactions",
    summary: "Debit the account behind an agreement",
    description: `Moves the amount out of the customer's account, never overdrawing it. ${pendingNote}`,
    request: DebitRequest,
    answer: TransactionAnswer,
    refusals: ["idempotency_key_reused"],
  }),
  credit: bankOperation({
    path: "/credits",
    tag: "transactions",
    summary: "Credit an account: a payout",
    description: `Moves the amount into the named account. ${pendingNote}`,
    request: CreditRequest,
    answer: TransactionAnswer,
    refusals: ["idempotency_key_reused"],
  }),
  refund: bankOperation({
    path: "/refunds",
    tag: "transactions",
    summary: "Refund part or all of an earlier debit",
    description: `Returns the amount to the account the debit came from. The refunds of one debit, succeeded and pending together, never pass its amount. ${pendingNote}`,
    request: RefundRequest,
    answer: TransactionAnswer,
    refusals: ["idempotency_key_reused"],
  }),
  inquire: bankOperation({
    path: "/inquiries",
    tag: "transactions",
    summary: "Where a transaction stands, by the hub's transaction id",
    description:
      "Answers the transaction's outcome as its own call would now answer it. An id the bank never received is answered `failed` with `transaction_not_received`, and closed: the request, should it still arrive, applies nothing. So an inquiry always settles an unknown outcome.",
    request: InquiryRequest,
    answer: TransactionAnswer,
    refusals: [],
  }),
};

export type BankOperationName = keyof typeof bankOperations;

export const bankOperationNames = Object.keys(bankOperations) as BankOperationName[];

function hubNoticeOperation<Notice extends TSchema>(
  operation: HubNoticeOperation<Notice>,
): HubNoticeOperation<Notice> {
  return operation;
}

/** What the hub serves to banks, under its participant API. */
export const hubNoticeOperations = {
  unsignedNotice: hubNoticeOperation({
    path: "/v1/bank-notices/unsigned",
    summary: "The bank ended an agreement",
    description:
      "Sent when an agreement ends on the bank's side (the customer asked the bank, the account closed). The hub stops debits quoting it and tells the payment institution.",
    request: UnsignedNotice,
  }),
  transactionResultNotice: hubNoticeOperation({
    path: "/v1/bank-notices/transaction-results",
    summary: "A pending transaction is final",
    description:
      "Sent when a transaction the bank answered `pending` succeeds or fails. Repeat until the hub answers 2xx.",
    request: TransactionResultNotice,
  }),
};

export type HubNoticeOperationName = keyof typeof hubNoticeOperations;
