import type {
  CachedPresentment,
  PresentmentCache,
  PresentmentKey,
} from "../../app/ports/presentment-cache.ts";

interface Entry<TBills> {
  readonly presentment: CachedPresentment<TBills>;
  readonly expiresAtMs: number;
}

/** Beyond this many customers the oldest entries go first: a cache, never a leak. */
export const memoryPresentmentEntriesMax = 100_000;

/** The presentment cache in this process's memory, on the injected clock: for a single hub node. */
export class MemoryPresentmentCache<TBills> implements PresentmentCache<TBills> {
  private readonly entries = new Map<string, Entry<TBills>>();

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly entriesMax: number = memoryPresentmentEntriesMax,
  ) {}

  async get(key: PresentmentKey): Promise<CachedPresentment<TBills> | null> {
    const name = nameOf(key);
    const entry = this.entries.get(name);
    if (entry === undefined) return null;
    if (entry.expiresAtMs <= this.clock()) {
      this.entries.delete(name);
      return null;
    }
    return entry.presentment;
  }

  async put(
    key: PresentmentKey,
    presentment: CachedPresentment<TBills>,
    ttlMs: number,
  ): Promise<void> {
    const name = nameOf(key);
    this.entries.delete(name);
    if (ttlMs <= 0) return;
    // Map order is insertion order: the first key is the oldest put.
    while (this.entries.size >= this.entriesMax) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    this.entries.set(name, { presentment, expiresAtMs: this.clock() + ttlMs });
  }
}

function nameOf(key: PresentmentKey): string {
  return `${key.billerId} ${key.customerParamsHash}`;
}
