import { type Static, Type } from "@sinclair/typebox";
import {
  type BankOperation,
  bankOperationStates,
} from "../../domain/bank-operations/bank-operation.ts";
import { failureOf } from "../../domain/recorded-failure.ts";
import { FeeSchema, feeView } from "../fee-view.ts";
import { literalUnion } from "../literal-union.ts";
import { AmountOutput, writeMoney } from "../money-codec.ts";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A payment, payout or refund as the institution sees it. */
export const BankOperationSchema = Type.Object(
  {
    id: Type.String(),
    kind: literalUnion(["debit", "credit", "refund"] as const, {
      description: "debit: an agreement payment; credit: a payout; refund: of a debit",
    }),
    bankId: Type.String(),
    agreementId: Type.Union([Type.String(), Type.Null()]),
    originalId: Type.Union([Type.String(), Type.Null()], {
      description: "For a refund: the payment refunded",
    }),
    amount: AmountOutput,
    fee: {
      ...FeeSchema,
      description:
        "The fee you are charged with the operation, paid to the hub operator: reserved with it, and charged only if it succeeds. null when none is due",
    },
    currency: Type.String(),
    state: literalUnion(bankOperationStates, {
      description:
        "processing: under way. pending: the bank decides later. unknown: the bank's answer was lost; the hub asks the bank until it knows, and tells you by webhook. succeeded, failed: final.",
    }),
    transactionId: Type.String({
      description: "The hub's id of the transaction at the bank, for reconciliation",
    }),
    bankReference: Type.Union([Type.String(), Type.Null()]),
    failure: Type.Union([Type.Object({ code: Type.String(), reason: Type.String() }), Type.Null()]),
    creditor: Type.Optional(
      Type.Object({
        name: Type.String(),
        accountNumber: Type.String({ examples: ["****0001"] }),
      }),
    ),
    createdAt: Type.String({ format: "date-time" }),
    completedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  },
  { title: "BankOperation" },
);
export type BankOperationView = Static<typeof BankOperationSchema>;

export function bankOperationView(operation: BankOperation): BankOperationView {
  const view: BankOperationView = {
    id: operation.id,
    kind: operation.kind,
    bankId: operation.bankId,
    agreementId: operation.agreementId,
    originalId: operation.originalId,
    amount: writeMoney(operation.amountMinor, operation.currency),
    fee: feeView(operation.feeMinor, operation.currency),
    currency: operation.currency,
    state: operation.state,
    transactionId: operation.transactionId,
    bankReference: operation.bankReference,
    failure: failureOf(operation),
    createdAt: new Date(operation.createdAt).toISOString(),
    completedAt: iso(operation.completedAt),
  };
  if (operation.maskedCreditor !== null) view.creditor = operation.maskedCreditor;
  return view;
}
