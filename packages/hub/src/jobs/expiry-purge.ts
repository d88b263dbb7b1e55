import { PeriodicJob } from "./periodic-job.ts";

/** Rows that expire and that nothing else deletes: signature nonces, presented bills. */
export interface ExpiringRows {
  /** Deletes at most `limit` rows that expired before `beforeMs`; answers how many it deleted. */
  purgeExpired(beforeMs: number, limit: number): Promise<number>;
}

export interface ExpiryPurgeOptions {
  readonly intervalMs: number;
  /** Rows deleted per pass, so one pass never holds the table for long; a backlog drains over passes. */
  readonly passSizeMax: number;
  /** How long a row is kept after it expired (0: deleted as soon as it has). */
  readonly keepAfterExpiryMs: number;
  /** Told of a pass that failed; the next pass tries again. */
  readonly onError?: ((error: unknown) => void) | undefined;
}

export const expiryPurgeDefaults: ExpiryPurgeOptions = {
  intervalMs: 10_000,
  passSizeMax: 10_000,
  keepAfterExpiryMs: 0,
};

/**
 * Deletes expired rows from a table that does not expire them itself. Expired rows are harmless
 * to correctness (an expired nonce is replaced by a new use; an expired bill reference is refused
 * whether its row is there or not), so this only bounds the table. Several hub nodes may purge
 * at once: a row deleted twice is deleted once.
 */
export class ExpiryPurge {
  private readonly job: PeriodicJob;

  constructor(
    private readonly rows: ExpiringRows,
    private readonly options: ExpiryPurgeOptions = expiryPurgeDefaults,
    private readonly clock: () => number = Date.now,
  ) {
    this.job = new PeriodicJob(options.intervalMs, () => this.purge(), options.onError);
  }

  start(): void {
    this.job.start();
  }

  stop(): Promise<void> {
    return this.job.stop();
  }

  /** One pass; returns how many rows it deleted. */
  purge(): Promise<number> {
    const before = this.clock() - this.options.keepAfterExpiryMs;
    return this.rows.purgeExpired(before, this.options.passSizeMax);
  }
}
