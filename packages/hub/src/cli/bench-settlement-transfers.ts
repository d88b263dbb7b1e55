import { batchSizeMax } from "../domain/ledger/batch-engine.ts";
import { type JournalEntry, type JournalHead, nextJournalEntry } from "../domain/ledger/journal.ts";
import type { StoredTransfer } from "../domain/ledger/transfer.ts";

/**
 * The transfers `clearhub bench settle` loads behind the ledger's back: posted transfers between
 * random position accounts, cut into journal batches of the ledger's own size, each chained to
 * the one before it exactly as a committed batch is (the same `nextJournalEntry`), so the loaded
 * ledger verifies. It also keeps what every account was debited and credited, which is what the
 * balances must be raised by and what the window's net positions must come to.
 */

/** Amounts are drawn from 1 to this, in minor units: sums over 10^8 transfers stay exact doubles. */
const amountMinorMax = 100_000;

/** One group of consecutive batches, written in one transaction, and its effect on balances. */
export interface BulkGroup {
  readonly batches: readonly { transfers: StoredTransfer[]; journal: JournalEntry }[];
  /** Minor units debited and credited in this group, by index into the source's accounts. */
  readonly debits: Float64Array;
  readonly credits: Float64Array;
  readonly transfers: number;
}

export interface BulkTransferSourceOptions {
  /** Position account ids, at least two. */
  readonly accountIds: readonly number[];
  readonly currency: string;
  readonly transfers: number;
  /** The journal's head before the load: the first batch follows it. */
  readonly head: JournalHead;
  readonly random?: () => number;
  readonly clock?: () => number;
}

export class BulkTransferSource {
  private made = 0;
  private head: JournalHead;
  /** Minor units each account was debited and credited over every group made so far. */
  readonly debits: Float64Array;
  readonly credits: Float64Array;
  private readonly random: () => number;
  private readonly clock: () => number;

  constructor(private readonly options: BulkTransferSourceOptions) {
    if (options.accountIds.length < 2) throw new Error("transfers need two accounts at least");
    this.head = options.head;
    this.debits = new Float64Array(options.accountIds.length);
    this.credits = new Float64Array(options.accountIds.length);
    this.random = options.random ?? Math.random;
    this.clock = options.clock ?? Date.now;
  }

  get transfersMade(): number {
    return this.made;
  }

  get journalHead(): JournalHead {
    return this.head;
  }

  /** The next `batchesMax` batches (fewer at the end), or undefined once all are made. */
  nextGroup(batchesMax: number): BulkGroup | undefined {
    if (this.made >= this.options.transfers) return undefined;
    const count = this.options.accountIds.length;
    const debits = new Float64Array(count);
    const credits = new Float64Array(count);
    const batches: BulkGroup["batches"][number][] = [];
    const first = this.made;
    while (batches.length < batchesMax && this.made < this.options.transfers) {
      const size = Math.min(batchSizeMax, this.options.transfers - this.made);
      const transfers = this.batch(this.head.seq + 1, size, debits, credits);
      const journal = nextJournalEntry(this.head, transfers, this.clock());
      this.head = { seq: journal.seq, hash: journal.hash };
      batches.push({ transfers, journal });
    }
    for (let index = 0; index < count; index++) {
      this.debits[index] = (this.debits[index] ?? 0) + (debits[index] ?? 0);
      this.credits[index] = (this.credits[index] ?? 0) + (credits[index] ?? 0);
    }
    return { batches, debits, credits, transfers: this.made - first };
  }

  private batch(
    seq: number,
    size: number,
    debits: Float64Array,
    credits: Float64Array,
  ): StoredTransfer[] {
    const { accountIds, currency } = this.options;
    const createdAt = this.clock();
    const transfers: StoredTransfer[] = new Array(size);
    for (let index = 0; index < size; index++) {
      const debit = Math.floor(this.random() * accountIds.length);
      // Any other account, uniformly: a draw over the rest, shifted past the debited one.
      let credit = Math.floor(this.random() * (accountIds.length - 1));
      if (credit >= debit) credit++;
      const amount = 1 + Math.floor(this.random() * amountMinorMax);
      debits[debit] = (debits[debit] ?? 0) + amount;
      credits[credit] = (credits[credit] ?? 0) + amount;
      transfers[index] = {
        id: `bulk-${this.made + index}`,
        kind: "posted",
        debitAccountId: accountIds[debit] as number,
        creditAccountId: accountIds[credit] as number,
        amount: BigInt(amount),
        currency,
        pendingId: null,
        timeoutMs: null,
        expiresAt: null,
        reference: null,
        linked: false,
        batchSeq: seq,
        batchIndex: index,
        createdAt,
      };
    }
    this.made += size;
    return transfers;
  }
}
