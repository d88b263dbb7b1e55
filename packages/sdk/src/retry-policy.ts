/**
 * When a request is tried again. Every request the SDK sends is safe to repeat: reads change
 * nothing, and each write carries its own idempotency key (a transfer's or endpoint's id, the
 * transfer being committed or voided), so a repeat after a lost answer is answered as a
 * replay. What stays to decide is which failures are worth a repeat, and how long to wait.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included; 1 turns retries off. */
  readonly attemptsMax: number;
  /** The ceiling of the first wait; it doubles with each failed attempt. */
  readonly backoffBaseMs: number;
  /** No single wait is longer, whatever the attempt or the hub's retry-after. */
  readonly backoffCapMs: number;
  /** No attempt starts later than this after the first one started. */
  readonly totalMs: number;
}

export const retryPolicyDefaults: RetryPolicy = {
  attemptsMax: 4,
  backoffBaseMs: 200,
  backoffCapMs: 5_000,
  totalMs: 30_000,
};

/** Bounds that keep a misconfigured client from hammering the hub or waiting for ever. */
const attemptsMaxLimit = 10;
const waitMsLimit = 10 * 60 * 1000;

/**
 * Answers that mean "not now" rather than "no": the hub is overloaded or briefly without its
 * database (503), the caller is sending too fast (429), or a proxy in front of the hub could
 * not reach it or lost its answer (502, 504). Other 4xx and 5xx answers would be the same again.
 */
export const retryableStatuses: ReadonlySet<number> = new Set([429, 502, 503, 504]);

export function assertRetryPolicy(policy: RetryPolicy): void {
  const { attemptsMax, backoffBaseMs, backoffCapMs, totalMs } = policy;
  if (!Number.isSafeInteger(attemptsMax) || attemptsMax < 1 || attemptsMax > attemptsMaxLimit) {
    throw new RangeError(`retry.attemptsMax must be an integer from 1 to ${attemptsMaxLimit}`);
  }
  for (const [name, value] of Object.entries({ backoffBaseMs, backoffCapMs, totalMs })) {
    if (!Number.isFinite(value) || value <= 0 || value > waitMsLimit) {
      throw new RangeError(`retry.${name} must be above 0 and at most ${waitMsLimit} ms`);
    }
  }
  if (backoffCapMs < backoffBaseMs) {
    throw new RangeError("retry.backoffCapMs must be at least retry.backoffBaseMs");
  }
}

/**
 * "Full jitter": a random wait below a ceiling that doubles with each failure, so clients that
 * failed together do not come back together.
 */
export function backoffMs(failedAttempts: number, policy: RetryPolicy, random: () => number) {
  const ceiling = Math.min(policy.backoffCapMs, policy.backoffBaseMs * 2 ** (failedAttempts - 1));
  return Math.floor(random() * ceiling);
}

/** A Retry-After header (delay-seconds or an HTTP-date) in milliseconds from `nowMs`. */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

export interface FailedAttempt {
  /** Attempts made so far, this one included. */
  readonly attempts: number;
  /** Since the first attempt started. */
  readonly elapsedMs: number;
  /** What the hub asked for with Retry-After, if it answered at all. */
  readonly retryAfterMs?: number | undefined;
}

/**
 * How long to wait before the next attempt, or undefined to give up: the attempts are used up,
 * or the wait would end past the time budget. A Retry-After is honoured as a lower bound.
 */
export function nextAttemptDelayMs(
  failed: FailedAttempt,
  policy: RetryPolicy,
  random: () => number,
): number | undefined {
  if (failed.attempts >= policy.attemptsMax) return undefined;
  const askedMs = failed.retryAfterMs ?? 0;
  // The hub asked for a longer pause than this client waits at once: its answer stands.
  if (askedMs > policy.backoffCapMs) return undefined;
  const delayMs = Math.max(backoffMs(failed.attempts, policy, random), askedMs);
  return failed.elapsedMs + delayMs > policy.totalMs ? undefined : delayMs;
}
