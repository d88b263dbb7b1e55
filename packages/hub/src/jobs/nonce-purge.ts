import type { NonceCache } from "../app/ports/nonce-cache.ts";

import { PeriodicJob } from "./periodic-job.ts";

export interface NoncePurgeOptions {
  readonly intervalMs: number;
  /** Nonces deleted per pass, so one pass never holds the table for long; a backlog drains over passes. */
  readonly passSizeMax: number;
  /** Told of a pass that failed; the next pass tries again. */
  readonly onError?: ((error: unknown) => void) | undefined;
}

export const noncePurgeDefaults: NoncePurgeOptions = { intervalMs: 10_000, passSizeMax: 10_000 };

/**
 * Deletes expired nonces from a cache that does not expire them itself (the store). Expired
 * entries are harmless to correctness, a new use replaces them, so this only bounds the table.
 * Several hub nodes may purge at once: a row deleted twice is deleted once.
 */
export class NoncePurge {
  private readonly job: PeriodicJob;

  constructor(
    private readonly nonces: NonceCache,
    private readonly options: NoncePurgeOptions = noncePurgeDefaults,
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

  /** One pass; returns how many nonces it deleted. */
  purge(): Promise<number> {
    return this.nonces.purgeExpired(this.clock(), this.options.passSizeMax);
  }
}
