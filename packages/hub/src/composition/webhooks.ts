import type { HubMetrics } from "../adapters/metrics/hub-metrics.ts";
import type { LoadedHubSigningKey } from "../adapters/signing/hub-signing-key.ts";
import type { Database } from "../adapters/store/database.ts";
import { KyselyWebhookStore } from "../adapters/store/kysely-webhook-store.ts";
import {
  HttpWebhookSender,
  httpWebhookSenderDefaults,
} from "../adapters/webhooks/http-webhook-sender.ts";
import { WebhookDestinationPolicy } from "../adapters/webhooks/webhook-destination-policy.ts";
import { WebhookDeliveryService } from "../app/notifications/webhook-delivery-service.ts";
import { WebhookEndpointService } from "../app/notifications/webhook-endpoint-service.ts";
import type { WebhookStore } from "../app/ports/webhook-store.ts";
import { WebhookDispatcher, webhookDispatcherDefaults } from "../jobs/webhook-dispatcher.ts";
import type { HubConfig, OnJobError } from "./hub-config.ts";
import type { LifecycleStack } from "./lifecycle-stack.ts";

export interface WebhookParts {
  readonly webhookStore: WebhookStore;
  readonly webhookEndpoints: WebhookEndpointService;
  readonly webhookDeliveries: WebhookDeliveryService;
  /** Started with the other jobs unless `dispatchWebhooks` is false. */
  readonly webhookDispatcher: WebhookDispatcher;
}

/** The outbox, its services, its sender (closed on stop) and its dispatcher. */
export function composeWebhooks(
  config: HubConfig,
  database: Database,
  hubSigningKey: LoadedHubSigningKey,
  metrics: HubMetrics,
  onJobError: OnJobError,
  stack: LifecycleStack,
): WebhookParts {
  const webhookStore = new KyselyWebhookStore(database.kysely, database.dialect);
  const deliveries = new WebhookDeliveryService(webhookStore);
  metrics.observeWebhookBacklog(() => deliveries.backlog());
  const options = { ...webhookDispatcherDefaults, ...config.webhookDispatcher };
  const destinations = new WebhookDestinationPolicy(config.webhookAllowNetworks);
  const sender = new HttpWebhookSender(hubSigningKey.key, {
    ...httpWebhookSenderDefaults,
    requestTimeoutMs: options.requestTimeoutMs,
    destinations,
  });
  stack.push("webhook sender", () => sender.close());
  const webhookDispatcher = new WebhookDispatcher(webhookStore, sender, {
    ...options,
    onOutcome: (outcome) => {
      metrics.recordWebhookOutcome(outcome);
      options.onOutcome?.(outcome);
    },
    onError: options.onError ?? ((error) => onJobError("webhook dispatch", error)),
  });
  return {
    webhookStore,
    webhookEndpoints: new WebhookEndpointService(webhookStore, destinations),
    webhookDeliveries: deliveries,
    webhookDispatcher,
  };
}
