import { type Static, Type } from "@sinclair/typebox";
import { literalUnion } from "../literal-union.ts";
import { AmountField, CurrencyField } from "../message-fields.ts";
import { walletRefundDeclineReasonNames } from "./code-payment-decline-reason.ts";
import {
  PaymentIdField,
  ReasonTextField,
  RefundIdField,
  TimestampField,
} from "./wallet-message-fields.ts";

/**
 * Refunds: the acquirer gives back part or all of an approved payment, the hub clears it back
 * and tells the issuer, which credits the customer. Idempotent by the hub's refund id, as
 * payments are by theirs.
 */

export const WalletRefundRequest = Type.Object(
  {
    refundId: RefundIdField,
    paymentId: PaymentIdField,
    amount: AmountField,
    currency: CurrencyField,
  },
  {
    title: "WalletRefundRequest",
    description:
      "Credit the customer with part or all of an approved payment. The refunds of a payment never pass its amount together; the currency is the payment's.",
  },
);
export type WalletRefundRequest = Static<typeof WalletRefundRequest>;

export const WalletRefundInquiryRequest = Type.Object(
  { refundId: RefundIdField },
  {
    title: "WalletRefundInquiryRequest",
    description:
      "Ask where a refund stands. Asked about an id it never received, the issuer answers `refund_declined` with `refund_not_received` and closes the id.",
  },
);
export type WalletRefundInquiryRequest = Static<typeof WalletRefundInquiryRequest>;

export const WalletRefunded = Type.Object(
  {
    refundId: RefundIdField,
    status: Type.Literal("refunded"),
    refundedAt: TimestampField("When the issuer credited the customer"),
  },
  { title: "WalletRefunded", description: "The issuer credited the customer." },
);
export type WalletRefunded = Static<typeof WalletRefunded>;

export const WalletRefundDeclined = Type.Object(
  {
    refundId: RefundIdField,
    status: Type.Literal("refund_declined"),
    reasonCode: literalUnion(walletRefundDeclineReasonNames, {
      description: "Why; the interface description lists the reasons",
    }),
    reasonText: ReasonTextField,
  },
  {
    title: "WalletRefundDeclined",
    description:
      "The issuer credited nothing, and never will under this refund id: the hub clears the refund back.",
  },
);
export type WalletRefundDeclined = Static<typeof WalletRefundDeclined>;

export const WalletRefundAnswer = Type.Union([WalletRefunded, WalletRefundDeclined], {
  title: "WalletRefundAnswer",
  description: "Where the refund stands; both outcomes are final.",
});
export type WalletRefundAnswer = Static<typeof WalletRefundAnswer>;
