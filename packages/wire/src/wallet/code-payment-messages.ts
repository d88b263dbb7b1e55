import { type Static, Type } from "@sinclair/typebox";
import { literalUnion } from "../literal-union.ts";
import { AmountField, CurrencyField } from "../message-fields.ts";
import { codePaymentDeclineReasonNames } from "./code-payment-decline-reason.ts";
import {
  AuthorizationCodeField,
  CustomerRefField,
  PaymentIdField,
  PaymentInstrument,
  ReasonTextField,
  TimestampField,
  VerificationLevelField,
  WalletMerchant,
} from "./wallet-message-fields.ts";

/**
 * Code payments: a customer presents a one-time payment code or a prepaid card at a merchant,
 * the acquirer sends it to the hub, and the hub asks the issuer the prefix routes to. Each
 * carries the hub's payment id, which the issuer keeps as the idempotency key: the same id with
 * the same content always answers the same payment's outcome as it stands and never charges
 * twice; the same id with other content is refused (`idempotency_key_reused`) and changes nothing.
 */

export const CodePaymentRequest = Type.Object(
  {
    paymentId: PaymentIdField,
    instrument: PaymentInstrument,
    amount: AmountField,
    currency: CurrencyField,
    merchant: WalletMerchant,
    requestedAt: TimestampField("When the acquirer's terminal took the payment"),
  },
  {
    title: "CodePaymentRequest",
    description:
      "Authorise and charge a payment: resolve the code or card to the customer, check it and the balance, and charge it.",
  },
);
export type CodePaymentRequest = Static<typeof CodePaymentRequest>;

export const CodePaymentInquiryRequest = Type.Object(
  { paymentId: PaymentIdField },
  {
    title: "CodePaymentInquiryRequest",
    description:
      "Ask where a payment stands. Asked about an id it never received, the issuer answers `declined` with `payment_not_received` and closes the id: should the payment still arrive, it is answered with that decline and charges nothing.",
  },
);
export type CodePaymentInquiryRequest = Static<typeof CodePaymentInquiryRequest>;

export const CodePaymentReversalRequest = Type.Object(
  {
    paymentId: PaymentIdField,
    amount: AmountField,
    currency: CurrencyField,
  },
  {
    title: "CodePaymentReversalRequest",
    description:
      "Cancel a payment whose outcome the acquirer never learnt: the customer ends up not charged. The amount and currency repeat the payment's, so the issuer can check them.",
  },
);
export type CodePaymentReversalRequest = Static<typeof CodePaymentReversalRequest>;

export const CodePaymentApproved = Type.Object(
  {
    paymentId: PaymentIdField,
    status: Type.Literal("approved"),
    authorizationCode: AuthorizationCodeField,
    customerRef: CustomerRefField,
    verificationLevel: VerificationLevelField,
    approvedAt: TimestampField("When the issuer charged the customer"),
  },
  { title: "CodePaymentApproved", description: "The issuer charged the customer." },
);
export type CodePaymentApproved = Static<typeof CodePaymentApproved>;

const declineReasonField = literalUnion(codePaymentDeclineReasonNames, {
  description: "Why; the interface description lists the reasons",
});

export const CodePaymentDeclined = Type.Object(
  {
    paymentId: PaymentIdField,
    status: Type.Literal("declined"),
    reasonCode: declineReasonField,
    reasonText: ReasonTextField,
  },
  {
    title: "CodePaymentDeclined",
    description:
      "The issuer charged nothing, and never will under this payment id: the hub declines the payment to the acquirer.",
  },
);
export type CodePaymentDeclined = Static<typeof CodePaymentDeclined>;

export const CodePaymentPending = Type.Object(
  { paymentId: PaymentIdField, status: Type.Literal("pending") },
  {
    title: "CodePaymentPending",
    description:
      "The issuer took the payment and decides later (the customer confirms it in the app, a risk review): it sends the outcome as a notice, and the hub may inquire.",
  },
);
export type CodePaymentPending = Static<typeof CodePaymentPending>;

export const CodePaymentReversed = Type.Object(
  {
    paymentId: PaymentIdField,
    status: Type.Literal("reversed"),
    reversedAt: TimestampField("When the issuer cancelled the payment or credited it back"),
  },
  {
    title: "CodePaymentReversed",
    description:
      "The payment is reversed: the customer is not charged (credited back if the payment was approved; closed if it was never received). Answered to the reversal, and from then on to every authorisation and inquiry under the id.",
  },
);
export type CodePaymentReversed = Static<typeof CodePaymentReversed>;

export const CodePaymentAnswer = Type.Union(
  [CodePaymentApproved, CodePaymentDeclined, CodePaymentPending, CodePaymentReversed],
  {
    title: "CodePaymentAnswer",
    description:
      "Where the payment stands: approved and declined are final; pending becomes one of them later; reversed follows only a reversal the hub asked for.",
  },
);
export type CodePaymentAnswer = Static<typeof CodePaymentAnswer>;
