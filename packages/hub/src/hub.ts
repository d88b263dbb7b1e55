import { HubMetrics } from "./adapters/metrics/hub-metrics.ts";
import type { Database } from "./adapters/store/database.ts";
import { OperatorTransferService } from "./app/ledger/operator-transfer-service.ts";
import { operatorParticipantId } from "./app/participants/participant-service.ts";
import { type BankParts, composeBanks } from "./composition/banks.ts";
import { type BarcodeParts, composeBarcode } from "./composition/barcode.ts";
import { type BarcodeLimitParts, composeBarcodeLimits } from "./composition/barcode-limits.ts";
import {
  type BillSubscriptionParts,
  composeBillSubscriptions,
} from "./composition/bill-subscriptions.ts";
import { type BillerParts, composeBillers } from "./composition/billers.ts";
import { type ChannelParts, composeChannels } from "./composition/channels.ts";
import { type HubConfig, type OnJobError, reportJobError } from "./composition/hub-config.ts";
import { startJobs } from "./composition/jobs.ts";
import { composeLedger, type LedgerParts } from "./composition/ledger.ts";
import { LifecycleStack, reportUnwindError } from "./composition/lifecycle-stack.ts";
import { composeOperatorViews, type OperatorViewParts } from "./composition/operator-views.ts";
import {
  type AuditParts,
  composeAudit,
  composeOperators,
  type OperatorParts,
} from "./composition/operators.ts";
import { composeParticipants, type ParticipantParts } from "./composition/participants.ts";
import { composeReconciliation, type ReconciliationParts } from "./composition/reconciliation.ts";
import { loadSecrets, type SecretParts } from "./composition/secrets.ts";
import { composeSettlement, type SettlementParts } from "./composition/settlement.ts";
import { composeStatusInquiry } from "./composition/status-inquiry.ts";
import { connectSharedRedis, openMigratedDatabase } from "./composition/stores.ts";
import { composeWebhooks, type WebhookParts } from "./composition/webhooks.ts";
import type { OperationInquiry } from "./jobs/operation-inquiry.ts";

export type { HubConfig } from "./composition/hub-config.ts";
export { createLedgerStore } from "./composition/ledger.ts";

/**
 * The composition root: the one place that picks adapters and wires them to the use-cases.
 * Each subsystem is built by its own file under `composition/`; this file orders them.
 */
export interface Hub
  extends SecretParts,
    LedgerParts,
    AuditParts,
    ParticipantParts,
    WebhookParts,
    BankParts,
    OperatorViewParts,
    OperatorParts,
    BillerParts,
    ChannelParts,
    BillSubscriptionParts,
    SettlementParts,
    ReconciliationParts,
    BarcodeLimitParts,
    BarcodeParts {
  readonly database: Database;
  readonly metrics: HubMetrics;
  /** The status-inquiry job settling unknown and pending outcomes of every kind. */
  readonly bankInquiry: OperationInquiry;
  /** Transfers the operator posts, audited. */
  readonly operatorTransfers: OperatorTransferService;
  /** Stops the jobs, then closes what they used, last started first. Idempotent. */
  close(): Promise<void>;
}

/**
 * Opens the hub. Whatever a failed start had already begun (Redis, the database, the ledger's
 * queue, a job) is stopped again before its error is thrown.
 */
export async function openHub(config: HubConfig): Promise<Hub> {
  const stack = new LifecycleStack();
  const onJobError = config.onJobError ?? reportJobError;
  return stack.start(() => composeHub(config, stack, onJobError), reportUnwindError);
}

async function composeHub(
  config: HubConfig,
  stack: LifecycleStack,
  onJobError: OnJobError,
): Promise<Hub> {
  // Connected first: a wrong REDIS_URL stops the start before the database is touched.
  const redis = await connectSharedRedis(config, stack);
  const secrets = await loadSecrets(config);
  const database = await openMigratedDatabase(config, stack);
  const metrics = new HubMetrics();
  const ledger = composeLedger(config, database, metrics, onJobError, stack);
  const audit = composeAudit(database);
  const participants = await composeParticipants(config, {
    database,
    redis,
    ledger: ledger.ledger,
    auditLogStore: audit.auditLogStore,
    fieldSealer: secrets.fieldSealer,
    onJobError,
  });
  const webhooks = composeWebhooks(
    config,
    database,
    secrets.hubSigningKey,
    metrics,
    onJobError,
    stack,
  );
  const banks = composeBanks(
    config,
    {
      database,
      metrics,
      hubSigningKey: secrets.hubSigningKey,
      participantStore: participants.parts.participantStore,
      participantKeyStore: participants.parts.participantKeyStore,
      ledger: ledger.ledger,
      fieldSealer: secrets.fieldSealer,
      fees: participants.parts.feePostings,
      onJobError,
    },
    stack,
  );
  const channels = composeChannels(config, database, participants.parts.signers);
  const bills = composeBillers(
    config,
    {
      database,
      redis,
      metrics,
      participantStore: participants.parts.participantStore,
      ledger: ledger.ledger,
      ledgerStore: ledger.ledgerStore,
      fieldSealer: secrets.fieldSealer,
      fees: participants.parts.feePostings,
      guard: banks.endpointGuard,
      router: banks.bankEndpointRouter,
      connector: banks.billerConnector,
      channels: channels.channelSuspensions,
      onJobError,
    },
    stack,
  );
  const settlement = composeSettlement(database, ledger.ledger, audit.auditLogStore, {
    clock: config.settlementClock,
    schedule: config.settlementSchedule,
    onJobError,
  });
  const barcodeLimits = composeBarcodeLimits(database, config.reconciliationDay);
  const barcode = composeBarcode({
    database,
    participants: participants.parts.participantStore,
    ledger: ledger.ledger,
    limits: barcodeLimits.barcodeLimits,
    guard: banks.endpointGuard,
    router: banks.bankEndpointRouter,
    wallet: banks.walletConnector,
    sealer: secrets.fieldSealer,
    timings: config.codePaymentTimings,
    clock: config.barcodeClock,
  });
  const { statusInquiry, bankInquiry } = composeStatusInquiry(
    config,
    [banks.bankOperationsInquired, bills.inquired, barcode.inquired],
    onJobError,
  );
  startJobs(
    config,
    {
      noncePurge: participants.noncePurge,
      presentmentPurge: bills.presentmentPurge,
      expiry: ledger.expiry,
      webhookDispatcher: webhooks.webhookDispatcher,
      bankInquiry,
      scheduledClose: settlement.scheduledClose,
    },
    stack,
  );
  const operatorTransfers = new OperatorTransferService(
    ledger.ledger,
    audit.auditLogStore,
    participants.parts.participantStore,
    operatorParticipantId,
  );
  return {
    ...secrets,
    database,
    metrics,
    ...ledger,
    ...audit,
    ...settlement,
    operatorTransfers,
    ...composeReconciliation(database, {
      participantStore: participants.parts.participantStore,
      ledgerReader: ledger.ledgerReader,
      operatorTransfers,
      businessDay: config.reconciliationDay,
      inquiry: statusInquiry,
    }),
    ...participants.parts,
    ...webhooks,
    ...banks,
    ...composeOperatorViews(database, metrics, banks),
    ...composeOperators(config, database),
    ...bills.parts,
    bankInquiry,
    ...channels,
    ...composeBillSubscriptions(database, {
      participantStore: participants.parts.participantStore,
      billerRegistry: bills.parts.billers,
      fieldSealer: secrets.fieldSealer,
      lookupHasher: secrets.lookupHasher,
      limits: config.billSubscriptions,
    }),
    ...barcodeLimits,
    ...barcode.parts,
    close: () => stack.stop(),
  };
}
