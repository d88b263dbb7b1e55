import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import type { DeliveryStatus, OutboxDelivery } from "../../domain/notifications/outbox-delivery.ts";
import type { WebhookEndpoint } from "../../domain/notifications/webhook-endpoint.ts";

/** Why an endpoint was not registered; checked in the write's own transaction. */
export type EndpointWriteRefusal =
  | "participant_not_found"
  | "webhook_endpoint_conflict"
  | "webhook_endpoints_exhausted";

export type EndpointWrite =
  | { readonly ok: true; readonly endpoint: WebhookEndpoint; readonly created: boolean }
  | { readonly ok: false; readonly code: EndpointWriteRefusal };

/** The participants' webhook endpoints. */
export interface WebhookEndpointStore {
  /**
   * Registers the endpoint. Registering an id again with the same URL and event types answers
   * the stored endpoint (`created: false`); with different ones, a conflict. A participant
   * holds at most `endpointsMax` endpoints.
   */
  createEndpoint(endpoint: WebhookEndpoint, endpointsMax: number): Promise<EndpointWrite>;
  /** The participant's endpoints in id order. */
  listEndpoints(participantId: string): Promise<WebhookEndpoint[]>;
  findEndpoint(participantId: string, endpointId: string): Promise<WebhookEndpoint | undefined>;
  /** False when there was no such endpoint. Its deliveries die when they next fall due. */
  deleteEndpoint(participantId: string, endpointId: string): Promise<boolean>;
}

/** A pending delivery this dispatcher may now send, with where to. */
export interface ClaimedDelivery {
  readonly delivery: OutboxDelivery;
  /** The endpoint's URL; null when the endpoint was deleted after the event. */
  readonly url: string | null;
}

/**
 * Identifies one attempt: the attempt count the claim set. A result is recorded only while
 * the count is unchanged, so an attempt that outlived its lease, and was claimed again by
 * another dispatcher, cannot overwrite the newer attempt's result.
 */
export interface AttemptRef {
  readonly id: number;
  readonly attempts: number;
}

export interface AttemptResult {
  readonly at: number;
  /** The HTTP status the endpoint answered; null when no answer came. */
  readonly statusCode: number | null;
  readonly error: string | null;
}

/** The most deliveries one listing answers. */
export const deliveryPageSizeMax = 500;

export interface DeliveryFilter {
  readonly status?: DeliveryStatus | undefined;
  readonly participantId?: string | undefined;
  /** Only deliveries with a smaller id: the cursor of the previous page. */
  readonly beforeId?: number | undefined;
  /** 1 to `deliveryPageSizeMax`. */
  readonly limit: number;
}

export type Redelivery =
  | { readonly ok: true; readonly delivery: OutboxDelivery }
  | {
      readonly ok: false;
      readonly code: "webhook_delivery_not_found" | "webhook_delivery_pending";
    };

export interface DeliveryBacklog {
  readonly pending: number;
  readonly dead: number;
}

/**
 * The outbox of webhook deliveries. Rows are inserted by the ledger in the transaction of the
 * batch that raised the event; this port sends them on their way.
 */
export interface WebhookDeliveryStore {
  /**
   * Atomically takes up to `limit` pending deliveries due at `now`, oldest due first, counts an
   * attempt on each, and moves them out of reach until `now + leaseMs`. Concurrent claims, from
   * this process or another hub node, never take the same delivery.
   */
  claimDue(now: number, limit: number, leaseMs: number): Promise<ClaimedDelivery[]>;
  /** False when the attempt was superseded (see AttemptRef). */
  recordDelivered(attempt: AttemptRef, result: AttemptResult): Promise<boolean>;
  /** Schedules the next attempt at `retryAt`, or marks the delivery dead when it is null. */
  recordFailed(
    attempt: AttemptRef,
    result: AttemptResult,
    retryAt: number | null,
  ): Promise<boolean>;
  findDelivery(id: number): Promise<OutboxDelivery | undefined>;
  /** Newest first. */
  listDeliveries(filter: DeliveryFilter): Promise<OutboxDelivery[]>;
  /** Makes a delivered or dead delivery pending again, due at `now`, with no attempts counted. */
  redeliver(id: number, now: number, audit?: AuditRecord): Promise<Redelivery>;
  countBacklog(): Promise<DeliveryBacklog>;
}

export interface WebhookStore extends WebhookEndpointStore, WebhookDeliveryStore {}
