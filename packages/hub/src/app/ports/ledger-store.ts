import type { AccountKind } from "../../domain/ledger/account.ts";
import type { BatchOutcome, LedgerSnapshot } from "../../domain/ledger/batch-engine.ts";
import type { JournalEntry } from "../../domain/ledger/journal.ts";
import type { StoredTransfer, TransferRequest } from "../../domain/ledger/transfer.ts";

/** An account's stored balances, as `verify` and the API read them. */
export interface AccountBalances {
  readonly id: number;
  readonly participantId: string;
  readonly kind: AccountKind;
  readonly currency: string;
  readonly debitLimit: bigint | null;
  readonly debitsPosted: bigint;
  readonly creditsPosted: bigint;
  readonly debitsPending: bigint;
  readonly creditsPending: bigint;
}

export type BatchApply = (snapshot: LedgerSnapshot) => BatchOutcome;

/** What the clearing ledger needs from storage. */
export interface LedgerStore {
  /**
   * In one database transaction: loads and locks (accounts in id order, then the journal head)
   * what `requests` touch, calls `apply`, writes its outcome and commits. Throws, having written
   * nothing, if the transaction fails.
   */
  commitBatch(requests: readonly TransferRequest[], apply: BatchApply): Promise<BatchOutcome>;
  findTransfer(id: string): Promise<StoredTransfer | undefined>;
  /** Ids of open pending transfers whose timeout passed at `now`, oldest first. */
  findExpiredPendingIds(now: number, limit: number): Promise<string[]>;
  readJournal(afterSeq: number, limit: number): Promise<JournalEntry[]>;
  /** The transfers of batches `fromSeq..toSeq` inclusive, in journal order. */
  readTransfersOfBatches(fromSeq: number, toSeq: number): Promise<StoredTransfer[]>;
  readJournalHead(): Promise<{ seq: number; hash: string }>;
  readAllAccounts(): Promise<AccountBalances[]>;
  readOpenPendingIds(): Promise<string[]>;
}
