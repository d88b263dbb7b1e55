import {
  applyBatch,
  batchSizeMax,
  openChainResults,
  openChainStart,
} from "../../domain/ledger/batch-engine.ts";
import type { TransferResultCode } from "../../domain/ledger/result-code.ts";
import type { TransferRequest } from "../../domain/ledger/transfer.ts";
import type { LedgerStore } from "../ports/ledger-store.ts";

export interface GroupCommitOptions {
  /** How long the first waiting request holds the door open for others; 0 waits one event-loop turn. */
  readonly batchDelayMs: number;
  /** The most transfers one database transaction carries. */
  readonly batchSizeMax: number;
  /** Told of every batch, for metrics and benchmarks. */
  readonly onBatch?: ((transfers: number, commitMs: number) => void) | undefined;
  /** Told when a batch's database transaction fails. */
  readonly onStorageError?: ((error: unknown) => void) | undefined;
  /** Told of every result code answered, including those answered without a batch, for metrics. */
  readonly onResults?: ((codes: readonly TransferResultCode[]) => void) | undefined;
}

export const groupCommitDefaults: GroupCommitOptions = { batchDelayMs: 1, batchSizeMax };

/** A submission's answer: a code per request, and when the batch that applied them ran. */
export interface Submitted {
  readonly codes: TransferResultCode[];
  /** The `createdAt` of every transfer the batch created; null if it created none. */
  readonly committedAt: number | null;
}

interface Waiting {
  readonly requests: readonly TransferRequest[];
  readonly resolve: (submitted: Submitted) => void;
}

/**
 * Group commit: requests from many callers are gathered while the previous batch commits (or
 * for `batchDelayMs` when idle), then committed in one database transaction. A hot account
 * becomes one row update per batch instead of a queue of row locks. One batch is in flight
 * per process; the next one gathers meanwhile, so batches grow with load.
 */
export class GroupCommit {
  private queue: Waiting[] = [];
  private queuedTransfers = 0;
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly store: LedgerStore,
    private readonly options: GroupCommitOptions = groupCommitDefaults,
  ) {
    if (options.batchSizeMax < 1 || options.batchSizeMax > batchSizeMax) {
      throw new Error(`batchSizeMax must be within 1..${batchSizeMax}`);
    }
  }

  /**
   * Applies `requests` in order, in one batch (a caller's linked groups are never split), and
   * answers once they are durable. Never rejects: a failed transaction answers
   * `storage_unavailable` for each request, none of which was applied.
   */
  submit(requests: readonly TransferRequest[]): Promise<TransferResultCode[]> {
    return this.submitTimed(requests).then((submitted) => submitted.codes);
  }

  /** As `submit`, also telling when the batch ran: the creation time of what it created. */
  submitTimed(requests: readonly TransferRequest[]): Promise<Submitted> {
    if (requests.length > this.options.batchSizeMax) {
      throw new Error(`at most ${this.options.batchSizeMax} transfers per submission`);
    }
    // An open linked group at the end would chain into the next caller's requests: refuse it here.
    const openStart = openChainStart(requests);
    if (openStart < requests.length) {
      const closed = requests.slice(0, openStart);
      const open = openChainResults(requests.length - openStart);
      this.options.onResults?.(open);
      return closed.length === 0
        ? Promise.resolve({ codes: open, committedAt: null })
        : this.submitTimed(closed).then(({ codes, committedAt }) => ({
            codes: [...codes, ...open],
            committedAt,
          }));
    }
    if (requests.length === 0) return Promise.resolve({ codes: [], committedAt: null });
    return new Promise((resolve) => {
      this.queue.push({ requests, resolve });
      this.queuedTransfers += requests.length;
      this.scheduleFlush();
    });
  }

  async submitOne(request: TransferRequest): Promise<TransferResultCode> {
    const [result] = await this.submit([request]);
    return result as TransferResultCode;
  }

  /** Resolves once everything submitted so far is answered. */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.flushing !== undefined || this.timer !== undefined) {
      if (this.flushing !== undefined) await this.flushing;
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private scheduleFlush(): void {
    if (this.timer !== undefined || this.flushing !== undefined) return;
    const flush = () => {
      this.timer = undefined;
      this.flushing = this.flushAll().finally(() => {
        this.flushing = undefined;
        // Callers answered by the last batch may have submitted after the loop saw an empty queue.
        if (this.queue.length > 0) this.scheduleFlush();
      });
    };
    const full = this.queuedTransfers >= this.options.batchSizeMax;
    this.timer =
      this.options.batchDelayMs === 0 || full
        ? setImmediate(flush)
        : setTimeout(flush, this.options.batchDelayMs);
  }

  private async flushAll(): Promise<void> {
    while (this.queue.length > 0) await this.commitNext(this.takeBatch());
  }

  private takeBatch(): Waiting[] {
    let size = 0;
    let count = 0;
    while (count < this.queue.length) {
      const next = (this.queue[count] as Waiting).requests.length;
      if (size + next > this.options.batchSizeMax) break;
      size += next;
      count++;
    }
    const batch = this.queue.slice(0, count);
    this.queue = this.queue.slice(count);
    this.queuedTransfers -= size;
    return batch;
  }

  private async commitNext(batch: readonly Waiting[]): Promise<void> {
    const requests = batch.flatMap((waiting) => waiting.requests);
    const started = performance.now();
    let results: readonly TransferResultCode[];
    let committedAt: number | null = null;
    try {
      const outcome = await this.store.commitBatch(requests, (snapshot) =>
        applyBatch(snapshot, requests),
      );
      results = outcome.results;
      committedAt = outcome.journal?.createdAt ?? null;
    } catch (error) {
      this.options.onStorageError?.(error);
      results = requests.map(() => "storage_unavailable");
    }
    this.options.onBatch?.(requests.length, performance.now() - started);
    this.options.onResults?.(results);
    let offset = 0;
    for (const waiting of batch) {
      waiting.resolve({
        codes: results.slice(offset, offset + waiting.requests.length),
        committedAt,
      });
      offset += waiting.requests.length;
    }
  }
}
