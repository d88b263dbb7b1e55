import type { StoredTransfer, TransferDetail, TransferKind } from "../../domain/ledger/transfer.ts";

/** A transfer a participant asked for, with what the hub keeps beside it. */
export interface DetailedTransfer {
  readonly transfer: StoredTransfer;
  readonly detail: TransferDetail;
  /** How the reservation was resolved, if it is a pending transfer that was. */
  readonly resolution: TransferKind | null;
  /** The fee charged (or reserved) with it, in minor units of its currency; null for none. */
  readonly feeMinor: bigint | null;
}

export type TransferStateFilter = "posted" | "reserved" | "committed" | "voided" | "expired";

export interface TransferListFilter {
  readonly participantId: string;
  readonly counterpartyId?: string | undefined;
  readonly state?: TransferStateFilter | undefined;
  /** Inclusive, epoch milliseconds. */
  readonly createdFrom?: number | undefined;
  /** Exclusive, epoch milliseconds. */
  readonly createdBefore?: number | undefined;
}

/** Where the previous page ended: newest first, by creation time then id. */
export interface TransferCursor {
  readonly createdAt: number;
  readonly transferId: string;
}

/** Reads of participants' transfers; they are written with their ledger batch. */
export interface ParticipantTransferStore {
  find(transferId: string): Promise<DetailedTransfer | undefined>;
  /** Transfers the participant is payer or payee of, newest first, at most `limit`. */
  list(
    filter: TransferListFilter,
    limit: number,
    after?: TransferCursor | undefined,
  ): Promise<DetailedTransfer[]>;
}
