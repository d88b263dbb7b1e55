import { type Static, Type } from "@sinclair/typebox";
import { literalUnion } from "../literal-union.ts";
import { AmountField, CurrencyField, interfaceId, TimestampField } from "../message-fields.ts";
import { bankFailureReasonNames } from "./bank-failure-reasons.ts";
import {
  AccountNumberField,
  AgreementNumberField,
  BankReferenceField,
  DescriptionField,
  HolderNameField,
  PaymentInstitutionIdField,
  ReasonTextField,
  TransactionIdField,
} from "./bank-message-fields.ts";

/**
 * The money calls. Each carries the hub's transaction id, which the bank keeps as the
 * idempotency key: the same id with the same content always answers the same transaction's
 * current outcome and never moves money twice; the same id with other content is refused
 * (`idempotency_key_reused`) and changes nothing.
 */

export const DebitRequest = Type.Object(
  {
    transactionId: TransactionIdField,
    paymentInstitutionId: PaymentInstitutionIdField,
    agreementNumber: AgreementNumberField,
    amount: AmountField,
    currency: CurrencyField,
    description: Type.Optional(DescriptionField),
  },
  {
    title: "DebitRequest",
    description:
      "Take the amount from the account behind the agreement, for the payment institution.",
  },
);
export type DebitRequest = Static<typeof DebitRequest>;

export const CreditRequest = Type.Object(
  {
    transactionId: TransactionIdField,
    paymentInstitutionId: PaymentInstitutionIdField,
    creditor: Type.Object(
      { accountNumber: AccountNumberField, name: HolderNameField },
      { title: "Creditor", description: "The account paid and its holder's name" },
    ),
    amount: AmountField,
    currency: CurrencyField,
    description: Type.Optional(DescriptionField),
  },
  {
    title: "CreditRequest",
    description: "Pay the amount into the account: a payment institution's payout.",
  },
);
export type CreditRequest = Static<typeof CreditRequest>;

export const RefundRequest = Type.Object(
  {
    transactionId: TransactionIdField,
    paymentInstitutionId: PaymentInstitutionIdField,
    originalTransactionId: interfaceId("The hub's transaction id of the debit being refunded"),
    amount: AmountField,
    currency: CurrencyField,
    description: Type.Optional(DescriptionField),
  },
  {
    title: "RefundRequest",
    description:
      "Return part or all of an earlier debit to the account it came from. Several refunds of one debit are allowed; together (succeeded and pending ones) they never pass the debit's amount, and the bank must refuse one that would (`refund_exceeds_debit`).",
  },
);
export type RefundRequest = Static<typeof RefundRequest>;

export const InquiryRequest = Type.Object(
  { transactionId: TransactionIdField },
  {
    title: "InquiryRequest",
    description:
      "Ask where a transaction stands. Asked about an id it never received, the bank answers `failed` with `transaction_not_received` and closes the id: should the request still arrive, it is answered with that failure and applies nothing.",
  },
);
export type InquiryRequest = Static<typeof InquiryRequest>;

export const TransactionSucceeded = Type.Object(
  {
    transactionId: TransactionIdField,
    status: Type.Literal("succeeded"),
    bankReference: BankReferenceField,
    completedAt: TimestampField("When the bank applied the transaction"),
  },
  { title: "TransactionSucceeded", description: "The money moved." },
);

export const TransactionFailed = Type.Object(
  {
    transactionId: TransactionIdField,
    status: Type.Literal("failed"),
    reasonCode: literalUnion(bankFailureReasonNames, {
      description: "Why; the interface description lists the reasons",
    }),
    reasonText: ReasonTextField,
  },
  {
    title: "TransactionFailed",
    description: "No money moved, and none will under this transaction id.",
  },
);

export const TransactionPending = Type.Object(
  { transactionId: TransactionIdField, status: Type.Literal("pending") },
  {
    title: "TransactionPending",
    description:
      "The bank accepted the transaction and will decide later: it sends a transaction result notice to the hub when it does, and answers inquiries meanwhile.",
  },
);

export const TransactionAnswer = Type.Union(
  [TransactionSucceeded, TransactionFailed, TransactionPending],
  {
    title: "TransactionAnswer",
    description:
      "Where the transaction stands: succeeded and failed are final and never change; pending becomes one of them later.",
  },
);
export type TransactionAnswer = Static<typeof TransactionAnswer>;
