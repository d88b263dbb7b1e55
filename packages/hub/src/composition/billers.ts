import type { Redis } from "ioredis";
import type { HubMetrics } from "../adapters/metrics/hub-metrics.ts";
import type { Database } from "../adapters/store/database.ts";
import { KyselyBankCallLog } from "../adapters/store/kysely-bank-call-log.ts";
import { KyselyBankEndpointStore } from "../adapters/store/kysely-bank-endpoint-store.ts";
import { KyselyBillPresentmentStore } from "../adapters/store/kysely-bill-presentment-store.ts";
import { KyselyBillerProfileStore } from "../adapters/store/kysely-biller-profile-store.ts";
import { KyselyNoticeLog } from "../adapters/store/kysely-notice-log.ts";
import type { BankEndpointRouter } from "../app/banks/bank-endpoint-router.ts";
import { quotedBillsFrom } from "../app/bill-payments/quoted-bills.ts";
import { BillInquiryService, billInquiryDefaults } from "../app/billers/bill-inquiry-service.ts";
import type { BillerAdmissionGate } from "../app/billers/biller-admission-gate.ts";
import { BillerRegistry } from "../app/billers/biller-registry.ts";
import type { CachedBills } from "../app/billers/cached-bills.ts";
import { primaryEndpointOf } from "../app/calls/primary-endpoint.ts";
import type { InquiredKind } from "../app/calls/status-inquiry.ts";
import type { ChannelPermission } from "../app/channels/channel-suspension-service.ts";
import type { FeePostings } from "../app/fees/fee-postings.ts";
import type { GroupCommit } from "../app/ledger/group-commit.ts";
import type { BillPresentmentStore } from "../app/ports/bill-presentment-store.ts";
import type { BillerConnector } from "../app/ports/biller-connector.ts";
import type { EndpointGuard } from "../app/ports/endpoint-guard.ts";
import type { FieldSealer } from "../app/ports/field-sealer.ts";
import type { LedgerStore } from "../app/ports/ledger-store.ts";
import type { ParticipantStore } from "../app/ports/participant-store.ts";
import { ExpiryPurge, expiryPurgeDefaults } from "../jobs/expiry-purge.ts";
import { type BillPaymentParts, composeBillPayments } from "./bill-payments.ts";
import { assembleBillerAdmission } from "./biller-admission.ts";
import type { HubConfig, OnJobError } from "./hub-config.ts";
import type { LifecycleStack } from "./lifecycle-stack.ts";

export interface BillerParts extends BillPaymentParts {
  /** Billers' profiles: what channels ask for, how payments are checked, declared capacity. */
  readonly billers: BillerRegistry;
  /**
   * Every call to a biller passes it: channel quotas, the presentment cache, the biller's
   * capacity shared by every node (in Redis when `redisUrl` is set).
   */
  readonly billerAdmission: BillerAdmissionGate<CachedBills>;
  /** The bills presented to channels under their references, for the payment route to check. */
  readonly billPresentments: BillPresentmentStore;
  /** Channels' bill inquiries, through the gate, to the biller. */
  readonly billInquiries: BillInquiryService;
}

export interface BillerDependencies {
  readonly database: Database;
  readonly redis: Redis | undefined;
  readonly metrics: HubMetrics;
  readonly participantStore: ParticipantStore;
  readonly ledger: GroupCommit;
  readonly ledgerStore: LedgerStore;
  readonly fieldSealer: FieldSealer;
  readonly fees: FeePostings;
  readonly guard: EndpointGuard;
  readonly router: BankEndpointRouter;
  readonly connector: BillerConnector;
  /** What inquiries and payments ask first: the channel's suspensions. */
  readonly channels: ChannelPermission;
  readonly onJobError: OnJobError;
}

/**
 * Bill payment: the biller registry, the admission gate in front of every call to a biller,
 * the channel's inquiries and payments, and the postings, whose kind the status-inquiry job
 * takes up beside the bank operations'. Payments still posting drain before the store closes.
 */
/**
 * Presented bills are kept 31 days past their expiry, then purged: longer than the longest
 * honour window of a channel suspension (30 days), which keeps a presented bill payable.
 */
const billPresentmentRetentionDefaultMs = 31 * 24 * 3_600_000;

export function composeBillers(
  config: HubConfig,
  deps: BillerDependencies,
  stack: LifecycleStack,
): { parts: BillerParts; inquired: InquiredKind; presentmentPurge: ExpiryPurge } {
  const { database } = deps;
  const billers = new BillerRegistry(
    deps.participantStore,
    new KyselyBillerProfileStore(database.kysely, database.dialect),
    config.operatorClock,
  );
  const clock = config.billerClock ?? Date.now;
  const billerAdmission = assembleBillerAdmission<CachedBills>(deps.metrics, {
    redis: deps.redis,
    keyPrefix: config.redisKeyPrefix,
    settings: config.billerAdmission,
    clock,
  });
  const billPresentments = new KyselyBillPresentmentStore(database.kysely, deps.fieldSealer);
  const billInquiries = new BillInquiryService(
    {
      channels: deps.channels,
      registry: billers,
      endpoints: new KyselyBankEndpointStore(database.kysely, database.dialect),
      guard: deps.guard,
      connector: deps.connector,
      gate: billerAdmission,
      presentments: billPresentments,
      clock,
    },
    { ...billInquiryDefaults, ...config.billInquiry },
  );
  const bills = composeBillPayments({
    database,
    participants: deps.participantStore,
    ledger: deps.ledger,
    transfers: deps.ledgerStore,
    sealer: deps.fieldSealer,
    fees: deps.fees,
    billers,
    gate: billerAdmission,
    connector: deps.connector,
    endpointFor: primaryEndpointOf(deps.router, "biller"),
    quotedBills: quotedBillsFrom(billPresentments, config.billPaymentClock ?? Date.now),
    channels: deps.channels,
    onHonoured: (channelId) => deps.metrics.recordHonouredPayment(channelId),
    guard: deps.guard,
    callLog: new KyselyBankCallLog(database.kysely),
    notices: new KyselyNoticeLog(database.kysely),
    timings: config.billPostingTimings,
    clock: config.billPaymentClock,
    onJobError: deps.onJobError,
  });
  stack.push("bill payments", () => bills.parts.billPayments.drain());
  const presentmentPurge = new ExpiryPurge(
    billPresentments,
    {
      ...expiryPurgeDefaults,
      intervalMs: 60_000,
      keepAfterExpiryMs: config.billPresentmentRetentionMs ?? billPresentmentRetentionDefaultMs,
      onError: (error) => deps.onJobError("presentment purge", error),
    },
    clock,
  );
  return {
    parts: { billers, billerAdmission, billPresentments, billInquiries, ...bills.parts },
    inquired: bills.inquired,
    presentmentPurge,
  };
}
