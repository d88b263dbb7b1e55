import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type {
  RenderedMetrics,
  RequestMetrics,
  RequestRecord,
} from "../../app/observability/request-metrics.ts";
import type { BreakerState, EndpointHealth } from "../../app/ports/endpoint-guard.ts";
import { batchSizeMax } from "../../domain/ledger/batch-engine.ts";
import { type TransferResultCode, transferResultCodes } from "../../domain/ledger/result-code.ts";
import {
  type DispatchOutcome,
  dispatchOutcomeNames,
} from "../../domain/notifications/dispatch-outcome.ts";
import type { GuardCallRecord } from "../resilience/cockatiel-endpoint-guard.ts";

/** The outbox's backlog as the store counts it. */
export interface WebhookBacklog {
  readonly pending: number;
  readonly dead: number;
}

const metricPrefix = "clearhub_";
/** The route label of a request no route matched: raw URLs would make the label unbounded. */
const unmatchedRoute = "unmatched";

/** Up to the server's 30 s request timeout; past that the request was abandoned anyway. */
const requestDurationBucketsSeconds = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
];
/** Bank calls answer in tens of milliseconds to seconds; the top buckets reach the longest timeout. */
const endpointCallBucketsSeconds = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120,
];
const breakerStates: readonly BreakerState[] = ["closed", "open", "half_open"];

/** Group commit's aim is a transaction in milliseconds; the tail shows a struggling database. */
const batchCommitBucketsSeconds = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/** Powers of two, then the largest batch itself: a full batch means the ledger is saturated. */
function batchTransfersBuckets(): number[] {
  const buckets: number[] = [];
  for (let size = 1; size < batchSizeMax; size *= 2) buckets.push(size);
  buckets.push(batchSizeMax);
  return buckets;
}

let processRegistryShared: Registry | undefined;

/**
 * Process metrics (CPU, memory, event-loop lag, GC) describe the process, not a hub, and
 * collecting them starts an event-loop monitor and a GC observer that cannot be stopped. So
 * they are collected once per process, into a registry of our own, and shared by every hub.
 */
function sharedProcessRegistry(): Registry {
  if (processRegistryShared === undefined) {
    processRegistryShared = new Registry();
    collectDefaultMetrics({ register: processRegistryShared, prefix: metricPrefix });
  }
  return processRegistryShared;
}

function statusClass(statusCode: number): string {
  return `${Math.floor(statusCode / 100)}xx`;
}

/**
 * The hub's Prometheus metrics. Each hub owns its registry (never prom-client's global default
 * one), so several hubs in one process, as in the tests, keep their own counts. Every label has
 * a bounded set of values: route templates, HTTP methods, status classes, result codes.
 */
export interface StuckOperations {
  readonly count: number;
  readonly oldestAgeSeconds: number;
}

export class HubMetrics implements RequestMetrics {
  private readonly registry = new Registry();
  /** Taken when the hub opens, so GC and event-loop figures cover its whole life. */
  private readonly processRegistry = sharedProcessRegistry();

  private readonly httpRequests = new Counter({
    name: `${metricPrefix}http_requests_total`,
    help: "HTTP requests answered, by route template, method, status class and caller (operator, a participant id, or anonymous)",
    labelNames: ["route", "method", "status_class", "caller"] as const,
    registers: [this.registry],
  });

  private readonly httpRequestDuration = new Histogram({
    name: `${metricPrefix}http_request_duration_seconds`,
    help: "Time from receiving a request to finishing its response, by route template",
    labelNames: ["route"] as const,
    buckets: requestDurationBucketsSeconds,
    registers: [this.registry],
  });

  private readonly batchTransfers = new Histogram({
    name: `${metricPrefix}ledger_batch_transfers`,
    help: "Transfers per group-commit batch",
    buckets: batchTransfersBuckets(),
    registers: [this.registry],
  });

  private readonly batchCommit = new Histogram({
    name: `${metricPrefix}ledger_batch_commit_seconds`,
    help: "Time to commit one group-commit batch, including a failed attempt",
    buckets: batchCommitBucketsSeconds,
    registers: [this.registry],
  });

  private readonly storageErrors = new Counter({
    name: `${metricPrefix}ledger_storage_errors_total`,
    help: "Batches whose database transaction failed (each transfer answered storage_unavailable)",
    registers: [this.registry],
  });

  private readonly transferResults = new Counter({
    name: `${metricPrefix}ledger_transfer_results_total`,
    help: "Transfer results the ledger answered, by result code",
    labelNames: ["code"] as const,
    registers: [this.registry],
  });

  private readonly pendingExpirations = new Counter({
    name: `${metricPrefix}pending_expirations_total`,
    help: "Reservations released because their timeout passed",
    registers: [this.registry],
  });

  private readWebhookBacklog: (() => Promise<WebhookBacklog>) | undefined;

  /** Counted at scrape time, so every hub node reports the shared outbox alike. */
  private readonly webhookBacklog = new Gauge({
    name: `${metricPrefix}webhook_backlog`,
    help: "Webhook deliveries waiting to be sent (pending) or for an operator (dead), by status",
    labelNames: ["status"] as const,
    registers: [this.registry],
    collect: () => this.collectWebhookBacklog(),
  });

  private readStuckOperations: (() => Promise<StuckOperations>) | undefined;

  /**
   * Computed at scrape time rather than by the inquiry job: every hub node then reports the
   * shared table alike, a node that runs no inquiry job still reports it, and the figure is
   * never older than the scrape. It costs one aggregate over unsettled operations, which the
   * (state, next_inquiry_at) index finds, per scrape.
   */
  private readonly stuckOperations = new Gauge({
    name: `${metricPrefix}bank_operations_stuck`,
    help: "Bank operations unsettled (processing, pending or unknown) for longer than 300 s",
    registers: [this.registry],
    collect: () => this.collectStuckOperations(),
  });

  private readonly stuckOldestAge = new Gauge({
    name: `${metricPrefix}bank_operations_stuck_oldest_age_seconds`,
    help: "Age of the oldest stuck bank operation, in seconds; 0 when none is stuck",
    registers: [this.registry],
    collect: () => this.collectStuckOperations(),
  });

  /** One read shared by both gauges' collects, which a scrape runs side by side. */
  private stuckReading: Promise<StuckOperations> | undefined;

  private readonly webhookAttempts = new Counter({
    name: `${metricPrefix}webhook_delivery_attempts_total`,
    help: "Claimed webhook deliveries handled by this node's dispatcher, by outcome",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });

  private readonly honouredPayments = new Counter({
    name: `${metricPrefix}channel_honoured_payments_total`,
    help: "Bill payments accepted from a suspended channel because its honour policy covers the bill, by channel",
    labelNames: ["channel"] as const,
    registers: [this.registry],
  });

  private readonly endpointCalls = new Counter({
    name: `${metricPrefix}bank_endpoint_calls_total`,
    help: "Calls to bank endpoints by this node, by bank, endpoint and outcome (ok, failed, timeout, call_failed; refused unsent: circuit_open, saturated, disabled)",
    labelNames: ["bank", "endpoint", "outcome"] as const,
    registers: [this.registry],
  });

  private readonly endpointCallDuration = new Histogram({
    name: `${metricPrefix}bank_endpoint_call_duration_seconds`,
    help: "Time from sending a call to a bank endpoint to its answer, failure or timeout",
    labelNames: ["bank", "endpoint"] as const,
    buckets: endpointCallBucketsSeconds,
    registers: [this.registry],
  });

  private readEndpointHealth: (() => EndpointHealth[]) | undefined;

  private readonly endpointBreaker = new Gauge({
    name: `${metricPrefix}bank_endpoint_breaker_state`,
    help: "1 for the circuit breaker state each bank endpoint is in on this node, 0 for the others",
    labelNames: ["bank", "endpoint", "state"] as const,
    registers: [this.registry],
    collect: () => this.collectBreakerStates(),
  });

  private readonly endpointInFlight = new Gauge({
    name: `${metricPrefix}bank_endpoint_in_flight`,
    help: "Calls to each bank endpoint in flight from this node",
    labelNames: ["bank", "endpoint"] as const,
    registers: [this.registry],
    collect: () => this.collectInFlight(),
  });

  constructor() {
    // Every code is exported from the start, so a rate over a code never begins with a gap.
    for (const code of Object.keys(transferResultCodes)) this.transferResults.inc({ code }, 0);
    for (const outcome of dispatchOutcomeNames) this.webhookAttempts.inc({ outcome }, 0);
  }

  recordRequest(request: RequestRecord): void {
    const route = request.route ?? unmatchedRoute;
    this.httpRequests.inc({
      route,
      method: request.method,
      status_class: statusClass(request.statusCode),
      caller: request.caller,
    });
    this.httpRequestDuration.observe({ route }, request.durationSeconds);
  }

  recordBatch(transfers: number, commitMs: number): void {
    this.batchTransfers.observe(transfers);
    this.batchCommit.observe(commitMs / 1000);
  }

  recordStorageError(): void {
    this.storageErrors.inc();
  }

  recordResults(codes: readonly TransferResultCode[]): void {
    // A batch holds up to 8190 results of a few distinct codes: one increment per code.
    const counts = new Map<TransferResultCode, number>();
    for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
    for (const [code, count] of counts) this.transferResults.inc({ code }, count);
  }

  recordExpirations(released: number): void {
    this.pendingExpirations.inc(released);
  }

  recordWebhookOutcome(outcome: DispatchOutcome): void {
    this.webhookAttempts.inc({ outcome });
  }

  recordHonouredPayment(channelId: string): void {
    this.honouredPayments.inc({ channel: channelId });
  }

  /**
   * The endpoint families are labelled by bank, as they always were. Other kinds' endpoints
   * (billers') are not counted in them: a `bank` label naming a biller would mislead; they need
   * families of their own labels.
   */
  recordEndpointCall(record: GuardCallRecord): void {
    if (!("bankId" in record)) return;
    const labels = { bank: record.bankId, endpoint: record.endpointId };
    this.endpointCalls.inc({ ...labels, outcome: record.outcome });
    if (record.durationMs !== undefined) {
      this.endpointCallDuration.observe(labels, record.durationMs / 1000);
    }
  }

  private bankEndpointHealth(): (EndpointHealth & { readonly bankId: string })[] {
    return (this.readEndpointHealth?.() ?? []).filter(
      (health): health is EndpointHealth & { readonly bankId: string } => "bankId" in health,
    );
  }

  /** Where the endpoint gauges read this node's guard state, at scrape time. */
  observeEndpointHealth(read: () => EndpointHealth[]): void {
    this.readEndpointHealth = read;
  }

  private collectBreakerStates(): void {
    this.endpointBreaker.reset();
    for (const health of this.bankEndpointHealth()) {
      const labels = { bank: health.bankId, endpoint: health.endpointId };
      for (const state of breakerStates) {
        this.endpointBreaker.set({ ...labels, state }, health.breaker === state ? 1 : 0);
      }
    }
  }

  private collectInFlight(): void {
    this.endpointInFlight.reset();
    for (const health of this.bankEndpointHealth()) {
      this.endpointInFlight.set(
        { bank: health.bankId, endpoint: health.endpointId },
        health.inFlight,
      );
    }
  }

  /** Where the backlog gauge reads its figures; without it the gauge has no series. */
  observeWebhookBacklog(read: () => Promise<WebhookBacklog>): void {
    this.readWebhookBacklog = read;
  }

  /**
   * A store that cannot count must not fail the whole scrape: the series are dropped instead,
   * so a stale figure never passes for a current one (and `absent()` can alert on it).
   */
  private async collectWebhookBacklog(): Promise<void> {
    if (this.readWebhookBacklog === undefined) return;
    try {
      const backlog = await this.readWebhookBacklog();
      this.webhookBacklog.set({ status: "pending" }, backlog.pending);
      this.webhookBacklog.set({ status: "dead" }, backlog.dead);
    } catch {
      this.webhookBacklog.reset();
    }
  }

  /** Where the stuck-operations gauges read their figures; without it they have no series. */
  observeStuckOperations(read: () => Promise<StuckOperations>): void {
    this.readStuckOperations = read;
  }

  /** As for the webhook backlog: a failed count drops the series rather than keep a stale one. */
  private async collectStuckOperations(): Promise<void> {
    if (this.readStuckOperations === undefined) return;
    const read = this.readStuckOperations;
    this.stuckReading ??= read().finally(() => {
      this.stuckReading = undefined;
    });
    try {
      const stuck = await this.stuckReading;
      this.stuckOperations.set(stuck.count);
      this.stuckOldestAge.set(stuck.oldestAgeSeconds);
    } catch {
      this.stuckOperations.reset();
      this.stuckOldestAge.reset();
    }
  }

  /** Registries of other subsystems (biller admission), rendered with the hub's own. */
  private readonly added: Registry[] = [];

  /** Adds a subsystem's metrics to this hub's exposition; their names must not clash. */
  register(registry: Registry): void {
    this.added.push(registry);
  }

  /** The Prometheus text exposition of this hub's metrics and the process's. */
  async render(): Promise<RenderedMetrics> {
    const merged = Registry.merge([this.registry, ...this.added, this.processRegistry]);
    return { contentType: merged.contentType, body: await merged.metrics() };
  }
}
