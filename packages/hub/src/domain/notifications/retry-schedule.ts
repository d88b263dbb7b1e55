/**
 * When to try a failed webhook delivery again. The ceiling doubles from `baseDelayMs` up to
 * `delayCapMs`; the delay itself is drawn at random below the ceiling ("full jitter"), so the
 * deliveries that failed together, when a receiver went down, do not all return together when
 * it comes back. After `attemptsMax` attempts the delivery is dead and waits for an operator.
 */
export interface RetryPolicy {
  readonly baseDelayMs: number;
  readonly factor: number;
  readonly delayCapMs: number;
  /** No retry is sooner than this: a receiver that fails fast is not hammered. */
  readonly delayMinMs: number;
  readonly attemptsMax: number;
}

/**
 * Ceilings of 5 s, 10 s, 20 s … up to one hour: fifteen attempts wait at most about 5.4 hours
 * in all (half that on average), long enough to ride out a receiver's deployment or outage.
 */
export const retryPolicyDefaults: RetryPolicy = {
  baseDelayMs: 5_000,
  factor: 2,
  delayCapMs: 60 * 60 * 1000,
  delayMinMs: 1_000,
  attemptsMax: 15,
};

/** Keeps a misconfigured policy from retrying for ever or overflowing the exponent. */
export const attemptsMaxLimit = 100;

export type RetryDecision =
  | { readonly retry: true; readonly delayMs: number }
  | { readonly retry: false };

/** A source of uniformly distributed numbers in [0, 1), such as Math.random. */
export type RandomSource = () => number;

export function isRetryPolicyValid(policy: RetryPolicy): boolean {
  const { baseDelayMs, factor, delayCapMs, delayMinMs, attemptsMax } = policy;
  return (
    Number.isSafeInteger(attemptsMax) &&
    attemptsMax >= 1 &&
    attemptsMax <= attemptsMaxLimit &&
    Number.isSafeInteger(delayMinMs) &&
    delayMinMs >= 0 &&
    Number.isSafeInteger(baseDelayMs) &&
    baseDelayMs >= delayMinMs &&
    Number.isSafeInteger(delayCapMs) &&
    delayCapMs >= baseDelayMs &&
    Number.isFinite(factor) &&
    factor >= 1
  );
}

/** The longest wait after the `attemptsMade`-th failed attempt (the first is 1). */
export function retryCeilingMs(attemptsMade: number, policy: RetryPolicy): number {
  if (!Number.isSafeInteger(attemptsMade) || attemptsMade < 1) {
    throw new Error(`attemptsMade must be a positive integer, not ${attemptsMade}`);
  }
  const uncapped = policy.baseDelayMs * policy.factor ** (attemptsMade - 1);
  return Math.min(policy.delayCapMs, uncapped);
}

/** Whether and when to try again after `attemptsMade` attempts, the last of which failed. */
export function nextRetry(
  attemptsMade: number,
  policy: RetryPolicy,
  random: RandomSource,
): RetryDecision {
  if (attemptsMade >= policy.attemptsMax) return { retry: false };
  const ceilingMs = retryCeilingMs(attemptsMade, policy);
  const draw = random();
  if (!(draw >= 0 && draw < 1)) throw new Error(`the random source gave ${draw}, not [0, 1)`);
  const delayMs = Math.max(policy.delayMinMs, Math.floor(draw * ceilingMs));
  return { retry: true, delayMs };
}
