import { type Static, Type } from "@sinclair/typebox";
import type { ParticipantTransfer } from "../../app/transfers/participant-transfer.ts";
import { FeeSchema, feeView } from "../fee-view.ts";
import { literalUnion } from "../literal-union.ts";
import { AmountOutput, writeMoney } from "../money-codec.ts";

export const transferStates = ["posted", "reserved", "committed", "voided", "expired"] as const;

const MaskedPartySchema = Type.Object(
  {
    name: Type.Optional(Type.String()),
    cardNumber: Type.Optional(Type.String({ examples: ["****4242"] })),
    accountNumber: Type.Optional(Type.String({ examples: ["****3000"] })),
    idNumber: Type.Optional(Type.String({ examples: ["1****2X"] })),
  },
  { title: "MaskedCustomerParty", description: "As sent, with every number masked" },
);

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
    fee: FeeSchema,
    debtor: Type.Optional(MaskedPartySchema),
    creditor: Type.Optional(MaskedPartySchema),
  },
  { title: "ParticipantTransfer" },
);
export type ParticipantTransferView = Static<typeof ParticipantTransferSchema>;

export function participantTransferView(transfer: ParticipantTransfer): ParticipantTransferView {
  const view: ParticipantTransferView = {
    id: transfer.id,
    payer: transfer.payerId,
    payee: transfer.payeeId,
    amount: writeMoney(transfer.amount, transfer.currency),
    currency: transfer.currency,
    reference: transfer.reference,
    state: transfer.state,
    expiresAt: transfer.expiresAt === null ? null : new Date(transfer.expiresAt).toISOString(),
    createdAt: new Date(transfer.createdAt).toISOString(),
    fee: feeView(transfer.feeMinor, transfer.currency),
  };
  if (transfer.parties?.debtor !== undefined) view.debtor = transfer.parties.debtor;
  if (transfer.parties?.creditor !== undefined) view.creditor = transfer.parties.creditor;
  return view;
}
