/**
 * The nonces of verified webhooks, kept until their signature could no longer be accepted
 * anyway, so a captured delivery cannot be replayed within the window. One process's memory:
 * receivers behind a load balancer share a store instead (WebhookVerifierOptions.rememberNonce).
 */
export class NonceMemory {
  /** keyid and nonce → when the entry may go; in insertion order, so the oldest come first. */
  private readonly entries = new Map<string, number>();

  constructor(
    /** Bounds the memory; about a hundred bytes each. */
    private readonly entriesMax: number = 100_000,
    private readonly clock: () => number = Date.now,
  ) {
    if (!Number.isSafeInteger(entriesMax) || entriesMax < 1) {
      throw new RangeError("entriesMax must be a positive integer");
    }
  }

  /** Records the nonce and answers true, or answers false if the key already used it. */
  remember = async (keyId: string, nonce: string, expiresAtMs: number): Promise<boolean> => {
    const entry = `${keyId} ${nonce}`;
    const now = this.clock();
    const known = this.entries.get(entry);
    if (known !== undefined && known > now) return false;
    if (this.entries.size >= this.entriesMax) this.evict(now);
    this.entries.set(entry, expiresAtMs);
    return true;
  };

  /**
   * Drops expired entries from the oldest on (expiry follows arrival closely, so the scan stops
   * at the first live one); if the memory is still full, the oldest goes: past the bound,
   * memory wins over the replay check of the oldest delivery, already signed and in window.
   */
  private evict(now: number): void {
    for (const [entry, expiresAtMs] of this.entries) {
      if (expiresAtMs > now) break;
      this.entries.delete(entry);
    }
    if (this.entries.size >= this.entriesMax) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
