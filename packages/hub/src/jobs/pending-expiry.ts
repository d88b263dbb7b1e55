import type { GroupCommit } from "../app/ledger/group-commit.ts";
import type { LedgerStore } from "../app/ports/ledger-store.ts";
import { expiryTransferId } from "../domain/ledger/transfer.ts";

import { PeriodicJob } from "./periodic-job.ts";

export interface PendingExpiryOptions {
  readonly intervalMs: number;
  /** Expirations submitted per pass; a backlog drains over consecutive passes. */
  readonly passSizeMax: number;
  /** Told of a pass that failed; the next pass tries again. */
  readonly onError?: ((error: unknown) => void) | undefined;
  /** Told after every pass how many reservations it released, for metrics. */
  readonly onSweep?: ((released: number) => void) | undefined;
}

export const pendingExpiryDefaults: PendingExpiryOptions = { intervalMs: 1000, passSizeMax: 1000 };

/**
 * Releases reservations whose timeout passed. Expiry goes through the same group commit as
 * every other transfer, so a commit racing an expiry resolves to exactly one of them, and
 * several hub nodes may sweep at once: the loser gets `pending_expired` and writes nothing.
 */
export class PendingExpiry {
  private readonly job: PeriodicJob;

  constructor(
    private readonly store: LedgerStore,
    private readonly ledger: GroupCommit,
    private readonly options: PendingExpiryOptions = pendingExpiryDefaults,
    private readonly clock: () => number = Date.now,
  ) {
    this.job = new PeriodicJob(options.intervalMs, () => this.sweep(), options.onError);
  }

  start(): void {
    this.job.start();
  }

  stop(): Promise<void> {
    return this.job.stop();
  }

  /** One pass; returns how many reservations it released. */
  async sweep(): Promise<number> {
    const released = await this.releaseExpired();
    this.options.onSweep?.(released);
    return released;
  }

  private async releaseExpired(): Promise<number> {
    const ids = await this.store.findExpiredPendingIds(this.clock(), this.options.passSizeMax);
    if (ids.length === 0) return 0;
    const results = await this.ledger.submit(
      ids.map((pendingId) => ({ kind: "expire", id: expiryTransferId(pendingId), pendingId })),
    );
    return results.filter((code) => code === "ok").length;
  }
}
