import type { ExpiryPurge } from "../jobs/expiry-purge.ts";
import type { OperationInquiry } from "../jobs/operation-inquiry.ts";
import type { PendingExpiry } from "../jobs/pending-expiry.ts";
import type { ScheduledWindowClose } from "../jobs/scheduled-window-close.ts";
import type { WebhookDispatcher } from "../jobs/webhook-dispatcher.ts";
import type { HubConfig } from "./hub-config.ts";
import type { LifecycleStack } from "./lifecycle-stack.ts";

export interface HubJobs {
  /** Absent when the nonces live in Redis, which expires them itself. */
  readonly noncePurge: ExpiryPurge | undefined;
  readonly presentmentPurge: ExpiryPurge;
  readonly expiry: PendingExpiry;
  readonly webhookDispatcher: WebhookDispatcher;
  readonly bankInquiry: OperationInquiry;
  /** Absent without a settlement schedule. */
  readonly scheduledClose: ScheduledWindowClose | undefined;
}

/**
 * Starts the background jobs this node runs, once everything they use is built: a start that
 * fails earlier leaves no job running. Each stops before the resources it uses.
 */
export function startJobs(config: HubConfig, jobs: HubJobs, stack: LifecycleStack): void {
  const enabled = [
    { name: "nonce purge", job: jobs.noncePurge, run: config.purgeExpired },
    { name: "presentment purge", job: jobs.presentmentPurge, run: config.purgeExpired },
    { name: "pending expiry", job: jobs.expiry, run: config.expirePendings },
    { name: "webhook dispatch", job: jobs.webhookDispatcher, run: config.dispatchWebhooks },
    { name: "bank inquiry", job: jobs.bankInquiry, run: config.inquireBankOperations },
    { name: "settlement schedule", job: jobs.scheduledClose, run: true },
  ];
  for (const { name, job, run } of enabled) {
    if (job === undefined || run === false) continue;
    job.start();
    stack.push(name, () => job.stop());
  }
}
