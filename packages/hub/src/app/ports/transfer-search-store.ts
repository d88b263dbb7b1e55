import type { TransferKind } from "../../domain/ledger/transfer.ts";
import type { TransferState } from "../../domain/ledger/transfer-state.ts";

/** A transfer as the operator searches it: parties by participant id, state as it is now. */
export interface TransferRecord {
  readonly id: string;
  readonly kind: TransferKind;
  readonly state: TransferState;
  readonly payerId: string;
  readonly payeeId: string;
  readonly amount: bigint;
  readonly currency: string;
  readonly reference: string | null;
  readonly createdAt: number;
  readonly expiresAt: number | null;
  /** The reservation a commit, void or expiry resolves; null otherwise. */
  readonly pendingId: string | null;
  /** For a reservation: the transfer that resolved it; null while it holds. */
  readonly resolvedBy: string | null;
  readonly batchSeq: number;
}

export interface TransferSearchFilter {
  /** Either side. */
  readonly participantId?: string | undefined;
  /** The other side; only with `participantId`. */
  readonly counterpartyId?: string | undefined;
  readonly kind?: "posted" | "pending" | undefined;
  readonly state?: TransferState | undefined;
  readonly currency?: string | undefined;
  /** Minor units of `currency`, inclusive. */
  readonly amountMin?: bigint | undefined;
  readonly amountMax?: bigint | undefined;
  /** Epoch ms: created at or after. */
  readonly createdFrom?: number | undefined;
  /** Epoch ms: created before. */
  readonly createdBefore?: number | undefined;
  readonly reference?: string | undefined;
}

/** Newest first: the position after which the next page starts. */
export interface TransferSearchCursor {
  readonly createdAt: number;
  readonly transferId: string;
}

/**
 * The operator's transfer search. It lists the transfers that move or reserve money (posted and
 * pending); a commit, void or expiry is shown as its reservation's state and `resolvedBy`.
 */
export interface TransferSearchStore {
  search(
    filter: TransferSearchFilter,
    limit: number,
    after?: TransferSearchCursor,
  ): Promise<TransferRecord[]>;
  /** Any transfer, resolutions included. */
  find(id: string): Promise<TransferRecord | undefined>;
}
