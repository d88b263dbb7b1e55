/**
 * The nonces of signatures already accepted, per key, each held until its expiry: the replay
 * defence of request signing. Every hub node must see the same cache, so it lives in the shared
 * store or in Redis, never in one process's memory.
 *
 * A nonce is held while `now < expiresAtMs`; from `expiresAtMs` on it may be used again. The
 * verifier sets the expiry past the last instant a signature's `created` time is accepted, so
 * an expired nonce can only come back on a signature that is refused for its age anyway.
 * Callers bound the length of key ids and nonces; key ids hold no ':'.
 */
export interface NonceCache {
  /**
   * Records the nonce for the key until `expiresAtMs`. True the first time; false while the
   * same nonce of the same key is still held, so of concurrent calls exactly one is true.
   */
  remember(keyId: string, nonce: string, expiresAtMs: number): Promise<boolean>;
  /** Deletes up to `limit` nonces expired at `now`; returns how many. A no-op where entries expire by themselves. */
  purgeExpired(now: number, limit: number): Promise<number>;
}
