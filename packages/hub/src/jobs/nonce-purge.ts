import type { NonceCache } from "../app/ports/nonce-cache.ts";

export interface NoncePurgeOptions {
  readonly intervalMs: number;
  /** Nonces deleted per pass, so one pass never holds the table for long; a backlog drains over passes. */
  readonly passSizeMax: number;
}

export const noncePurgeDefaults: NoncePurgeOptions = { intervalMs: 10_000, passSizeMax: 10_000 };

/**
 * Deletes expired nonces from a cache that does not expire them itself (the store). Expired
 * entries are harmless to correctness, a new use replaces them, so this only bounds the table.
 * Several hub nodes may purge at once: a row deleted twice is deleted once.
 */
export class NoncePurge {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly nonces: NonceCache,
    private readonly options: NoncePurgeOptions = noncePurgeDefaults,
    private readonly clock: () => number = Date.now,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running ??= this.purge()
        .catch(() => 0) // the next pass retries; a down database is reported by /ready
        .finally(() => {
          this.running = undefined;
        });
    }, this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; returns how many nonces it deleted. */
  purge(): Promise<number> {
    return this.nonces.purgeExpired(this.clock(), this.options.passSizeMax);
  }
}
