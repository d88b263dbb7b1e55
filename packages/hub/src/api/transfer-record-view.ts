import { type Static, Type } from "@sinclair/typebox";
import type { TransferRecord } from "../app/operator/transfer-search.ts";
import { transferStates } from "../domain/ledger/transfer-state.ts";
import { literalUnion } from "./literal-union.ts";
import { AmountOutput, writeMoney } from "./money-codec.ts";

const transferKinds = ["posted", "pending", "commit", "void", "expire"] as const;
const NullableString = (description: string, format?: string) =>
  Type.Union([Type.String(format === undefined ? {} : { format }), Type.Null()], { description });

/** The fields of a transfer as the operator's search and trace answer it. */
export const transferRecordProperties = {
  id: Type.String(),
  kind: literalUnion(transferKinds, {
    description:
      "As recorded: posted, pending (a reservation), or commit, void, expire (a reservation's resolution)",
  }),
  state: literalUnion(transferStates, {
    description:
      "Now: posted; reserved (held); committed, voided or expired (how the reservation ended, or what a resolution did)",
  }),
  payerId: Type.String({ description: "The participant whose account is debited" }),
  payeeId: Type.String({ description: "The participant whose account is credited" }),
  amount: AmountOutput,
  currency: Type.String(),
  reference: NullableString("The free text the transfer was sent with"),
  createdAt: Type.String({ format: "date-time" }),
  expiresAt: NullableString("For a reservation: when it lapses unless committed", "date-time"),
  pendingId: NullableString("For a resolution: the reservation it resolves"),
  resolvedBy: NullableString(
    "For a reservation: the id of the commit, void or expiry that ended it",
  ),
};

export const TransferRecordSchema = Type.Object(transferRecordProperties, {
  title: "TransferRecord",
});
export type TransferRecordView = Static<typeof TransferRecordSchema>;

export function transferRecordView(record: TransferRecord): TransferRecordView {
  return {
    id: record.id,
    kind: record.kind,
    state: record.state,
    payerId: record.payerId,
    payeeId: record.payeeId,
    amount: writeMoney(record.amount, record.currency),
    currency: record.currency,
    reference: record.reference,
    createdAt: new Date(record.createdAt).toISOString(),
    expiresAt: record.expiresAt === null ? null : new Date(record.expiresAt).toISOString(),
    pendingId: record.pendingId,
    resolvedBy: record.resolvedBy,
  };
}
