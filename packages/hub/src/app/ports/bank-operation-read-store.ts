import type {
  BankOperation,
  BankOperationKind,
  BankOperationState,
} from "../../domain/bank-operations/bank-operation.ts";

export interface BankOperationFilter {
  /** The payment institution the operation is for. */
  readonly participantId?: string | undefined;
  readonly bankId?: string | undefined;
  readonly kind?: BankOperationKind | undefined;
  readonly state?: BankOperationState | undefined;
}

/** Newest first: the position after which the next page starts. */
export interface BankOperationCursor {
  readonly createdAt: number;
  readonly participantId: string;
  readonly id: string;
}

export interface StuckSummary {
  readonly count: number;
  /** Epoch ms of the oldest stuck operation's creation; null when none is stuck. */
  readonly oldestCreatedAt: number | null;
}

/** The operator's reads of every institution's bank operations. */
export interface BankOperationReadStore {
  list(
    filter: BankOperationFilter,
    limit: number,
    after?: BankOperationCursor,
  ): Promise<BankOperation[]>;
  /** Unsettled operations created before `createdBefore`, oldest first. */
  listUnsettledBefore(createdBefore: number, limit: number): Promise<BankOperation[]>;
  summarizeUnsettledBefore(createdBefore: number): Promise<StuckSummary>;
}
