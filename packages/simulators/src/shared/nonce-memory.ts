/**
 * The nonces of the hub's requests seen within the signature window, so that a captured
 * request cannot be replayed. A nonce is kept in the bucket of its expiry time: a replay carries
 * the same signed `created` and so lands in the same bucket, and whole buckets are dropped once
 * expired, so forgetting costs nothing per nonce.
 */
export class NonceMemory {
  private readonly buckets = new Map<number, Set<string>>();
  private sweptAtKey = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly bucketMs = 10_000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** True and remembered when new; false when seen before its expiry. */
  remember(keyId: string, nonce: string, expiresAtMs: number): boolean {
    this.forgetExpired();
    const bucketKey = Math.floor(expiresAtMs / this.bucketMs);
    let bucket = this.buckets.get(bucketKey);
    if (bucket === undefined) {
      bucket = new Set();
      this.buckets.set(bucketKey, bucket);
    }
    const entry = `${keyId} ${nonce}`;
    if (bucket.has(entry)) return false;
    bucket.add(entry);
    return true;
  }

  get size(): number {
    let size = 0;
    for (const bucket of this.buckets.values()) size += bucket.size;
    return size;
  }

  private forgetExpired(): void {
    // A bucket holds expiries up to the end of its span; past that, all its nonces expired.
    const currentKey = Math.floor(this.clock() / this.bucketMs);
    if (currentKey === this.sweptAtKey) return;
    this.sweptAtKey = currentKey;
    for (const key of this.buckets.keys()) {
      if (key < currentKey) this.buckets.delete(key);
    }
  }
}
