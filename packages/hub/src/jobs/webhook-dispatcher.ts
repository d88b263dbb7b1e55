import type { SendOutcome, WebhookSender } from "../app/ports/webhook-sender.ts";
import type {
  AttemptResult,
  ClaimedDelivery,
  WebhookDeliveryStore,
} from "../app/ports/webhook-store.ts";
import type { DispatchOutcome } from "../domain/notifications/dispatch-outcome.ts";
import {
  type OutboxDelivery,
  truncateDeliveryError,
} from "../domain/notifications/outbox-delivery.ts";
import {
  isRetryPolicyValid,
  nextRetry,
  type RandomSource,
  type RetryPolicy,
  retryPolicyDefaults,
} from "../domain/notifications/retry-schedule.ts";
import { boundedMap } from "./bounded-map.ts";
import { PeriodicJob } from "./periodic-job.ts";

export interface WebhookDispatcherOptions {
  readonly intervalMs: number;
  /** Deliveries claimed per pass. */
  readonly passSizeMax: number;
  /** Requests under way at once within a pass. */
  readonly concurrencyMax: number;
  /** The sender's limit per request; the lease of a claim is derived from it. */
  readonly requestTimeoutMs: number;
  /** Lease beyond the pass's slowest case: time to record results, clock skew between nodes. */
  readonly leaseMarginMs: number;
  readonly retry: RetryPolicy;
  /** Told of a pass that failed to claim, or of a result the store failed to record. */
  readonly onError?: ((error: unknown) => void) | undefined;
  /** Told of every claimed delivery's outcome, for metrics. */
  readonly onOutcome?: ((outcome: DispatchOutcome) => void) | undefined;
}

export const webhookDispatcherDefaults: WebhookDispatcherOptions = {
  intervalMs: 500,
  passSizeMax: 100,
  concurrencyMax: 16,
  requestTimeoutMs: 10_000,
  leaseMarginMs: 30_000,
  retry: retryPolicyDefaults,
};

/**
 * How long a claim keeps its deliveries from other dispatchers: long enough for every request
 * of the pass to time out, one slot after another, and be recorded. While it holds, no other
 * hub node sends the same delivery.
 */
export function dispatchLeaseMs(options: WebhookDispatcherOptions): number {
  const rounds = Math.ceil(options.passSizeMax / options.concurrencyMax);
  return rounds * options.requestTimeoutMs + options.leaseMarginMs;
}

const diedWithoutResult = "attempts exhausted: the last attempt never recorded a result";
const endpointDeleted = "the endpoint was deleted";

/**
 * Sends the outbox: each pass claims the due deliveries, sends them with bounded concurrency,
 * and records each result: delivered on 2xx; otherwise retried after a jittered backoff, or
 * dead once the attempts run out. Several hub nodes may dispatch at once: a claim hides its
 * deliveries from the others until its lease ends. Delivery is at least once: a node that dies
 * after sending but before recording leaves the delivery to be sent again.
 */
export class WebhookDispatcher {
  private readonly job: PeriodicJob;
  private readonly leaseMs: number;

  constructor(
    private readonly store: WebhookDeliveryStore,
    private readonly sender: WebhookSender,
    private readonly options: WebhookDispatcherOptions = webhookDispatcherDefaults,
    private readonly clock: () => number = Date.now,
    private readonly random: RandomSource = Math.random,
  ) {
    assertOptions(options);
    this.leaseMs = dispatchLeaseMs(options);
    this.job = new PeriodicJob(options.intervalMs, () => this.dispatch(), options.onError);
  }

  start(): void {
    this.job.start();
  }

  stop(): Promise<void> {
    return this.job.stop();
  }

  /** One pass; answers the outcome of each delivery it claimed, in id order. */
  async dispatch(): Promise<DispatchOutcome[]> {
    const { passSizeMax, concurrencyMax } = this.options;
    const claimed = await this.store.claimDue(this.clock(), passSizeMax, this.leaseMs);
    return boundedMap(claimed, concurrencyMax, (delivery) => this.settle(delivery));
  }

  /** Never rejects: one delivery's trouble must not stop the others of the pass. */
  private async settle(claimed: ClaimedDelivery): Promise<DispatchOutcome> {
    let outcome: DispatchOutcome;
    try {
      outcome = await this.attempt(claimed);
    } catch (error) {
      this.options.onError?.(error);
      outcome = "unrecorded";
    }
    this.options.onOutcome?.(outcome);
    return outcome;
  }

  private async attempt({ delivery, url }: ClaimedDelivery): Promise<DispatchOutcome> {
    if (url === null) return this.bury(delivery, endpointDeleted, "endpoint_deleted");
    // A claim whose attempt never reported (its node died) still counted; stop at the limit.
    if (delivery.attempts > this.options.retry.attemptsMax) {
      return this.bury(delivery, diedWithoutResult, "dead");
    }
    const sent = await this.sender.send({
      url,
      eventId: delivery.eventId,
      eventType: delivery.eventType,
      payload: delivery.payload,
    });
    const at = this.clock();
    if (sent.answered && isSuccess(sent.statusCode)) {
      const result = { at, statusCode: sent.statusCode, error: null };
      return (await this.store.recordDelivered(delivery, result)) ? "delivered" : "superseded";
    }
    const decision = nextRetry(delivery.attempts, this.options.retry, this.random);
    const retryAt = decision.retry ? at + decision.delayMs : null;
    if (!(await this.store.recordFailed(delivery, failureResult(sent, at), retryAt))) {
      return "superseded";
    }
    return retryAt === null ? "dead" : "retrying";
  }

  private async bury(
    delivery: OutboxDelivery,
    reason: string,
    outcome: DispatchOutcome,
  ): Promise<DispatchOutcome> {
    const result = { at: this.clock(), statusCode: null, error: reason };
    return (await this.store.recordFailed(delivery, result, null)) ? outcome : "superseded";
  }
}

function isSuccess(statusCode: number): boolean {
  return statusCode >= 200 && statusCode <= 299;
}

function failureResult(sent: SendOutcome, at: number): AttemptResult {
  if (sent.answered) return { at, statusCode: sent.statusCode, error: `HTTP ${sent.statusCode}` };
  return { at, statusCode: null, error: truncateDeliveryError(sent.error) };
}

function assertOptions(options: WebhookDispatcherOptions): void {
  const positive = [
    options.intervalMs,
    options.passSizeMax,
    options.concurrencyMax,
    options.requestTimeoutMs,
  ];
  if (!positive.every((value) => Number.isSafeInteger(value) && value > 0)) {
    throw new Error("webhook dispatcher: interval, pass size, concurrency and timeout must be > 0");
  }
  if (!Number.isSafeInteger(options.leaseMarginMs) || options.leaseMarginMs < 0) {
    throw new Error("webhook dispatcher: the lease margin must be a non-negative integer");
  }
  if (!isRetryPolicyValid(options.retry))
    throw new Error("webhook dispatcher: invalid retry policy");
}
