import { type Static, Type } from "@sinclair/typebox";
import { interfaceId } from "../message-fields.ts";
import { CodePaymentApproved, CodePaymentDeclined } from "./code-payment-messages.ts";
import { TimestampField } from "./wallet-message-fields.ts";

/**
 * What an issuer tells the hub unasked. Notices go to the hub's participant API, signed with the
 * issuer's participant key, and are repeated until the hub answers 2xx: the hub keeps the first
 * of each `noticeId` and answers the same to a repeat, so an issuer may always send again.
 */

const noticeFields = {
  noticeId: interfaceId(
    "The issuer's id of the notice, the same on every repetition: the hub deduplicates on it.",
  ),
  decidedAt: TimestampField("When the payment's outcome was decided"),
};

export const CodePaymentApprovedNotice = Type.Composite(
  [Type.Object(noticeFields), CodePaymentApproved],
  {
    title: "CodePaymentApprovedNotice",
    description: "A pending payment was approved: the fields of an approved answer.",
  },
);

export const CodePaymentDeclinedNotice = Type.Composite(
  [Type.Object(noticeFields), CodePaymentDeclined],
  {
    title: "CodePaymentDeclinedNotice",
    description: "A pending payment was declined: the fields of a declined answer.",
  },
);

export const CodePaymentOutcomeNotice = Type.Union(
  [CodePaymentApprovedNotice, CodePaymentDeclinedNotice],
  {
    title: "CodePaymentOutcomeNotice",
    description:
      "The late outcome of a payment the issuer answered `pending`, the same outcome an inquiry now answers. The hub clears or declines the payment, once however often the notice comes, and tells the acquirer.",
  },
);
export type CodePaymentOutcomeNotice = Static<typeof CodePaymentOutcomeNotice>;
