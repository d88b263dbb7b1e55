import { type Static, Type } from "@sinclair/typebox";
import { literalUnion } from "../literal-union.ts";
import { interfaceId, TimestampField } from "../message-fields.ts";
import { AgreementNumberField, PaymentInstitutionIdField } from "./bank-message-fields.ts";
import { TransactionFailed, TransactionSucceeded } from "./bank-transaction-messages.ts";

/**
 * What a bank tells the hub unasked. Notices are sent to the hub's participant API, signed with
 * the bank's participant key, and repeated until the hub answers 2xx: the hub keeps the first
 * of each `noticeId` and answers the same to a repeat, so a bank may always send again.
 */

const noticeIdField = interfaceId(
  "The bank's id of the notice, the same on every repetition: the hub deduplicates on it.",
);

export const bankUnsignReasons = ["customer_request", "account_closed", "bank_decision"] as const;

export const UnsignedNotice = Type.Object(
  {
    noticeId: noticeIdField,
    agreementNumber: AgreementNumberField,
    paymentInstitutionId: PaymentInstitutionIdField,
    unsignedAt: TimestampField("When the agreement ended"),
    reason: literalUnion(bankUnsignReasons, {
      description:
        "customer_request: the customer asked the bank; account_closed: the account behind it closed; bank_decision: the bank ended it (risk, a changed account)",
    }),
  },
  {
    title: "UnsignedNotice",
    description: "The bank ended an agreement on its own side: debits quoting it fail from now on.",
  },
);
export type UnsignedNotice = Static<typeof UnsignedNotice>;

export const TransactionResultNotice = Type.Object(
  {
    noticeId: noticeIdField,
    operation: literalUnion(["debit", "credit", "refund"] as const, {
      description: "The call the transaction came with",
    }),
    result: Type.Union([TransactionSucceeded, TransactionFailed], {
      description: "The final outcome, as an inquiry would now answer it",
    }),
  },
  {
    title: "TransactionResultNotice",
    description:
      "A transaction the bank answered `pending` is now final. The hub treats it as the answer to an inquiry; an inquiry answers the same.",
  },
);
export type TransactionResultNotice = Static<typeof TransactionResultNotice>;
