import { type Static, Type } from "@sinclair/typebox";
import type { ParticipantTransfer } from "../../app/transfers/participant-transfer.ts";
import { literalUnion } from "../literal-union.ts";
import { AmountOutput, writeMoney } from "../money-codec.ts";

export const transferStates = ["posted", "reserved", "committed", "voided", "expired"] as const;

export const ParticipantTransferSchema = Type.Object(
  {
    id: Type.String(),
    payer: Type.String({ description: "The paying participant's id" }),
    payee: Type.String({ description: "The receiving participant's id" }),
    amount: AmountOutput,
    currency: Type.String(),
    reference: Type.Union([Type.String(), Type.Null()]),
    state: literalUnion(transferStates, {
      description:
        "posted: moved. reserved: held for the payee until committed, voided or expired. committed, voided, expired: how a reservation ended.",
    }),
    expiresAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()], {
      description: "For a reservation: when it lapses unless committed",
    }),
    createdAt: Type.String({ format: "date-time" }),
  },
  { title: "ParticipantTransfer" },
);
export type ParticipantTransferView = Static<typeof ParticipantTransferSchema>;

export function participantTransferView(transfer: ParticipantTransfer): ParticipantTransferView {
  return {
    id: transfer.id,
    payer: transfer.payerId,
    payee: transfer.payeeId,
    amount: writeMoney(transfer.amount, transfer.currency),
    currency: transfer.currency,
    reference: transfer.reference,
    state: transfer.state,
    expiresAt: transfer.expiresAt === null ? null : new Date(transfer.expiresAt).toISOString(),
    createdAt: new Date(transfer.createdAt).toISOString(),
  };
}
