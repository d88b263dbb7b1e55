import { type Static, Type } from "@sinclair/typebox";
import {
  type BankOperation,
  bankOperationStates,
} from "../domain/bank-operations/bank-operation.ts";
import { FeeSchema, feeView } from "./fee-view.ts";
import { literalUnion } from "./literal-union.ts";
import { AmountOutput, writeMoney } from "./money-codec.ts";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const NullableString = (description?: string, format?: string) =>
  Type.Union([Type.String(format === undefined ? {} : { format }), Type.Null()], {
    ...(description === undefined ? {} : { description }),
  });

/** A payment, payout or refund as the operator sees it: everything but unmasked numbers. */
export const OperatorBankOperationSchema = Type.Object(
  {
    participantId: Type.String({ description: "The payment institution it is for" }),
    id: Type.String({ description: "The institution's id of the operation" }),
    kind: literalUnion(["debit", "credit", "refund"] as const, {
      description: "debit: an agreement payment; credit: a payout; refund: of a debit",
    }),
    bankId: Type.String(),
    agreementId: NullableString(),
    originalId: NullableString("For a refund: the payment refunded"),
    amount: AmountOutput,
    fee: FeeSchema,
    currency: Type.String(),
    transactionId: Type.String({ description: "The hub's id of the transaction at the bank" }),
    state: literalUnion(bankOperationStates, {
      description:
        "processing: the call is under way. pending: the bank decides later. unknown: the answer was lost; inquiries ask. succeeded, failed: final.",
    }),
    failureCode: NullableString(),
    failureText: NullableString(),
    bankReference: NullableString(),
    creditor: Type.Optional(
      Type.Object({ name: Type.String(), accountNumber: Type.String({ examples: ["****0001"] }) }),
    ),
    createdAt: Type.String({ format: "date-time" }),
    updatedAt: Type.String({ format: "date-time" }),
    completedAt: NullableString(undefined, "date-time"),
    inquiries: Type.Integer({ description: "Status inquiries made so far" }),
    nextInquiryAt: NullableString("While unsettled: when the next inquiry is due", "date-time"),
  },
  { title: "OperatorBankOperation" },
);
export type OperatorBankOperationView = Static<typeof OperatorBankOperationSchema>;

export function operatorBankOperationView(operation: BankOperation): OperatorBankOperationView {
  const settled = operation.state === "succeeded" || operation.state === "failed";
  const view: OperatorBankOperationView = {
    participantId: operation.paymentInstitutionId,
    id: operation.id,
    kind: operation.kind,
    bankId: operation.bankId,
    agreementId: operation.agreementId,
    originalId: operation.originalId,
    amount: writeMoney(operation.amountMinor, operation.currency),
    fee: feeView(operation.feeMinor, operation.currency),
    currency: operation.currency,
    transactionId: operation.transactionId,
    state: operation.state,
    failureCode: operation.failureCode,
    failureText: operation.failureText,
    bankReference: operation.bankReference,
    createdAt: new Date(operation.createdAt).toISOString(),
    updatedAt: new Date(operation.updatedAt).toISOString(),
    completedAt: iso(operation.completedAt),
    inquiries: operation.inquiries,
    nextInquiryAt: settled ? null : iso(operation.nextInquiryAt),
  };
  // Stored masked: the sealed account number is never opened for a view.
  if (operation.maskedCreditor !== null) view.creditor = operation.maskedCreditor;
  return view;
}
