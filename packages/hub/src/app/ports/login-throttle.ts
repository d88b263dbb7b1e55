/** Bounds password guesses per account name. */
export interface LoginThrottle {
  /** Counts an attempt; refused with the wait when the name had too many lately. */
  take(name: string): Promise<{ ok: true } | { ok: false; retryAfterMs: number }>;
  /** A successful login starts the name's count afresh. */
  forget(name: string): Promise<void>;
}
