import { type Static, Type } from "@sinclair/typebox";
import type { StoredTransfer } from "../domain/ledger/transfer.ts";
import { literalUnion } from "./literal-union.ts";
import { AmountOutput, writeMoney } from "./money-codec.ts";

const transferKinds = ["posted", "pending", "commit", "void", "expire"] as const;
const NullableString = (options: { format?: string } = {}) =>
  Type.Union([Type.String(options), Type.Null()]);

export const TransferViewSchema = Type.Object(
  {
    id: Type.String(),
    kind: literalUnion(transferKinds),
    debitAccountId: Type.Integer(),
    creditAccountId: Type.Integer(),
    amount: AmountOutput,
    currency: Type.String(),
    pendingId: NullableString(),
    timeoutMs: Type.Union([Type.Integer(), Type.Null()]),
    expiresAt: NullableString({ format: "date-time" }),
    reference: NullableString(),
    linked: Type.Boolean(),
    batchSeq: Type.Integer({ description: "The journal batch that recorded the transfer" }),
    batchIndex: Type.Integer(),
    createdAt: Type.String({ format: "date-time" }),
  },
  { title: "Transfer" },
);
export type TransferView = Static<typeof TransferViewSchema>;

function isoTime(epochMs: number | null): string | null {
  return epochMs === null ? null : new Date(epochMs).toISOString();
}

export function transferView(transfer: StoredTransfer): TransferView {
  return {
    id: transfer.id,
    kind: transfer.kind,
    debitAccountId: transfer.debitAccountId,
    creditAccountId: transfer.creditAccountId,
    amount: writeMoney(transfer.amount, transfer.currency),
    currency: transfer.currency,
    pendingId: transfer.pendingId,
    timeoutMs: transfer.timeoutMs,
    expiresAt: isoTime(transfer.expiresAt),
    reference: transfer.reference,
    linked: transfer.linked,
    batchSeq: transfer.batchSeq,
    batchIndex: transfer.batchIndex,
    createdAt: new Date(transfer.createdAt).toISOString(),
  };
}
