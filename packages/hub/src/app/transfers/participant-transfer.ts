import type { TransferParties } from "../../domain/sensitive/customer-party.ts";
import type { DetailedTransfer, TransferStateFilter } from "../ports/participant-transfer-store.ts";

/** A transfer as the participant API shows it to either party. */
export interface ParticipantTransfer {
  readonly id: string;
  readonly payerId: string;
  readonly payeeId: string;
  readonly amount: bigint;
  readonly currency: string;
  readonly reference: string | null;
  readonly state: TransferStateFilter;
  /** For a reservation: when it lapses unless committed. */
  readonly expiresAt: number | null;
  readonly createdAt: number;
  /** The customers, numbers masked; null when the request named none. */
  readonly parties: TransferParties | null;
  /** The fee the payer was charged with it, in minor units of its currency; null for none. */
  readonly feeMinor: bigint | null;
}

const stateOfResolution = { commit: "committed", void: "voided", expire: "expired" } as const;

/** The transfer as it is now: a reservation shows how it was resolved, if it was. */
export function currentTransfer(
  found: DetailedTransfer,
  parties: TransferParties | null,
): ParticipantTransfer {
  const { transfer, detail, resolution } = found;
  const created = creationState(transfer.kind);
  const state =
    resolution === "commit" || resolution === "void" || resolution === "expire"
      ? stateOfResolution[resolution]
      : created;
  return {
    id: transfer.id,
    payerId: detail.payerId,
    payeeId: detail.payeeId,
    amount: transfer.amount,
    currency: transfer.currency,
    reference: transfer.reference,
    state,
    expiresAt: transfer.expiresAt,
    createdAt: transfer.createdAt,
    parties,
    feeMinor: found.feeMinor,
  };
}

/** The transfer as its creation answered it: what a retried create answers again. */
export function transferAsCreated(
  found: DetailedTransfer,
  parties: TransferParties | null,
): ParticipantTransfer {
  return { ...currentTransfer(found, parties), state: creationState(found.transfer.kind) };
}

function creationState(kind: string): TransferStateFilter {
  return kind === "pending" ? "reserved" : "posted";
}
