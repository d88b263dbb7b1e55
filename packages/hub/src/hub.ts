import type { Redis } from "ioredis";
import { HttpBankConnector } from "./adapters/bank/http-bank-connector.ts";
import { HttpBillerConnector } from "./adapters/biller/http-biller-connector.ts";
import { AesGcmFieldSealer } from "./adapters/crypto/aes-gcm-field-sealer.ts";
import { loadDataKeyRing } from "./adapters/crypto/data-key-ring-source.ts";
import {
  type ScryptParameters,
  ScryptPasswordHasher,
} from "./adapters/crypto/scrypt-password-hasher.ts";
import { MemoryLoginThrottle } from "./adapters/limits/memory-login-throttle.ts";
import { HubMetrics } from "./adapters/metrics/hub-metrics.ts";
import { ParticipantSystemKeys } from "./adapters/participant-call/participant-system-keys.ts";
import { SignedHttpCaller } from "./adapters/participant-call/signed-http-caller.ts";
import { closeRedis, connectRedis } from "./adapters/redis/redis-connection.ts";
import { RedisNonceCache } from "./adapters/redis/redis-nonce-cache.ts";
import {
  CockatielEndpointGuard,
  endpointGuardDefaults,
} from "./adapters/resilience/cockatiel-endpoint-guard.ts";
import { type LoadedHubSigningKey, loadHubSigningKey } from "./adapters/signing/hub-signing-key.ts";
import {
  type Database,
  type DatabaseConfig,
  migrateToLatest,
  openDatabase,
  sqliteDataDirDefault,
} from "./adapters/store/database.ts";
import { KyselyAgreementStore } from "./adapters/store/kysely-agreement-store.ts";
import { KyselyApprovalStore } from "./adapters/store/kysely-approval-store.ts";
import { KyselyAuditLogStore } from "./adapters/store/kysely-audit-log-store.ts";
import { KyselyBankCallLog } from "./adapters/store/kysely-bank-call-log.ts";
import { KyselyBankEndpointStore } from "./adapters/store/kysely-bank-endpoint-store.ts";
import { KyselyBankOperationReadStore } from "./adapters/store/kysely-bank-operation-read-store.ts";
import { KyselyBankOperationStore } from "./adapters/store/kysely-bank-operation-store.ts";
import { KyselyBillPresentmentStore } from "./adapters/store/kysely-bill-presentment-store.ts";
import { KyselyBillerProfileStore } from "./adapters/store/kysely-biller-profile-store.ts";
import { KyselyEndpointMigrationStore } from "./adapters/store/kysely-endpoint-migration-store.ts";
import { KyselyNetworkReadStore } from "./adapters/store/kysely-network-read-store.ts";
import { KyselyNoticeLog } from "./adapters/store/kysely-notice-log.ts";
import { KyselyOperatorStore } from "./adapters/store/kysely-operator-store.ts";
import { KyselyParticipantKeyStore } from "./adapters/store/kysely-participant-key-store.ts";
import { KyselyParticipantStore } from "./adapters/store/kysely-participant-store.ts";
import { KyselyParticipantTransferStore } from "./adapters/store/kysely-participant-transfer-store.ts";
import { KyselyTraceReadStore } from "./adapters/store/kysely-trace-read-store.ts";
import { KyselyTransferSearchStore } from "./adapters/store/kysely-transfer-search-store.ts";
import { KyselyWebhookStore } from "./adapters/store/kysely-webhook-store.ts";
import { PostgresLedgerStore } from "./adapters/store/postgres-ledger-store.ts";
import { SqliteLedgerStore } from "./adapters/store/sqlite-ledger-store.ts";
import { StoreNonceCache } from "./adapters/store/store-nonce-cache.ts";
import {
  HttpWebhookSender,
  httpWebhookSenderDefaults,
} from "./adapters/webhooks/http-webhook-sender.ts";
import { WebhookDestinationPolicy } from "./adapters/webhooks/webhook-destination-policy.ts";
import { AgreementService } from "./app/agreements/agreement-service.ts";
import {
  type ApprovalLimits,
  ApprovalService,
  approvalLimitsDefaults,
} from "./app/approvals/approval-service.ts";
import { AuditLogService } from "./app/audit/audit-log-service.ts";
import { AgreementPlacementService } from "./app/banks/agreement-placement-service.ts";
import { BankEndpointRouter } from "./app/banks/bank-endpoint-router.ts";
import { BankEndpointService } from "./app/banks/bank-endpoint-service.ts";
import { EndpointMigrationService } from "./app/banks/endpoint-migration-service.ts";
import type { BillPostingTimings } from "./app/bill-payments/bill-posting-kind.ts";
import { quotedBillsFrom } from "./app/bill-payments/quoted-bills.ts";
import { BillInquiryService } from "./app/billers/bill-inquiry-service.ts";
import type { BillerAdmissionGate, GateSettings } from "./app/billers/biller-admission-gate.ts";
import { BillerRegistry } from "./app/billers/biller-registry.ts";
import type { CachedBills } from "./app/billers/cached-bills.ts";
import type { EndpointChoice } from "./app/calls/operation-runner.ts";
import {
  GroupCommit,
  type GroupCommitOptions,
  groupCommitDefaults,
} from "./app/ledger/group-commit.ts";
import { OperatorTransferService } from "./app/ledger/operator-transfer-service.ts";
import { WebhookDeliveryService } from "./app/notifications/webhook-delivery-service.ts";
import { WebhookEndpointService } from "./app/notifications/webhook-endpoint-service.ts";
import { BankOperationOversight } from "./app/operator/bank-operation-oversight.ts";
import { NetworkOverviewService } from "./app/operator/network-overview.ts";
import { PaymentTraceService } from "./app/operator/payment-trace.ts";
import { TransferSearchService } from "./app/operator/transfer-search.ts";
import { OperatorAccountService } from "./app/operators/operator-account-service.ts";
import {
  OperatorSessionService,
  type SessionLimits,
  sessionLimitsDefaults,
} from "./app/operators/operator-session-service.ts";
import { ParticipantKeyService } from "./app/participants/participant-key-service.ts";
import {
  operatorParticipantId,
  ParticipantService,
} from "./app/participants/participant-service.ts";
import { SignerCache, signerCacheDefaults } from "./app/participants/signer-cache.ts";
import { AgreementPaymentService } from "./app/payments/agreement-payment-service.ts";
import { BankOperationNotices } from "./app/payments/bank-operation-notices.ts";
import {
  BankOperationRunner,
  type BankOperationTimings,
  bankOperationTimingsDefaults,
} from "./app/payments/bank-operation-runner.ts";
import { PayoutService } from "./app/payments/payout-service.ts";
import { RefundService } from "./app/payments/refund-service.ts";
import type { AgreementPinning } from "./app/ports/agreement-pinning.ts";
import type { AgreementStore } from "./app/ports/agreement-store.ts";
import type { AuditLogStore } from "./app/ports/audit-log-store.ts";
import type { BankConnector } from "./app/ports/bank-connector.ts";
import type { BillPresentmentStore } from "./app/ports/bill-presentment-store.ts";
import type { BillerConnector } from "./app/ports/biller-connector.ts";
import type { EndpointGuard } from "./app/ports/endpoint-guard.ts";
import type { FieldSealer } from "./app/ports/field-sealer.ts";
import type { LedgerStore } from "./app/ports/ledger-store.ts";
import type { NonceCache } from "./app/ports/nonce-cache.ts";
import type { OperatorStore } from "./app/ports/operator-store.ts";
import type { ParticipantKeyStore } from "./app/ports/participant-key-store.ts";
import type { WebhookStore } from "./app/ports/webhook-store.ts";
import { ParticipantTransferService } from "./app/transfers/participant-transfer-service.ts";
import { assembleBillPayments, type BillPaymentParts } from "./bill-payment-assembly.ts";
import { assembleBillerAdmission } from "./biller-admission-assembly.ts";
import {
  type AgreementLimits,
  agreementLimitsDefaults,
} from "./domain/bank-operations/agreement-limits.ts";
import { NoncePurge, noncePurgeDefaults } from "./jobs/nonce-purge.ts";
import {
  type InquiredKind,
  inquiredKind,
  OperationInquiry,
  type OperationInquiryOptions,
  operationInquiryDefaults,
} from "./jobs/operation-inquiry.ts";
import { PendingExpiry, pendingExpiryDefaults } from "./jobs/pending-expiry.ts";
import {
  WebhookDispatcher,
  type WebhookDispatcherOptions,
  webhookDispatcherDefaults,
} from "./jobs/webhook-dispatcher.ts";

export interface HubConfig extends DatabaseConfig {
  /**
   * The time operator sessions and approvals are judged by, and biller profiles are stamped
   * with; tests move it instead of sleeping.
   */
  readonly operatorClock?: (() => number) | undefined;
  /**
   * The time biller protection (quotas, presentment cache) and bill presentments are judged by;
   * tests move it instead of sleeping. Capacity windows follow the shared state's own clock.
   */
  readonly billerClock?: (() => number) | undefined;
  /** How the admission gate queues and sheds calls to billers; the defaults unless given. */
  readonly billerAdmission?: Partial<GateSettings> | undefined;
  /** Password hashing cost; OWASP's recommendation unless given (tests pass a cheaper one). */
  readonly passwordHashing?: ScryptParameters | undefined;
  readonly sessionLimits?: Partial<SessionLimits> | undefined;
  readonly approvalLimits?: Partial<ApprovalLimits> | undefined;
  readonly groupCommit?: Partial<GroupCommitOptions> | undefined;
  /** Run the reservation-expiry job in this process (every hub node may). */
  readonly expirePendings?: boolean | undefined;
  /** A redis:// URL keeps the signature nonces in Redis; without one they live in the store. */
  readonly redisUrl?: string | undefined;
  /** Prefix of the hub's Redis keys, so several hubs can share one Redis. */
  readonly redisKeyPrefix?: string | undefined;
  /** Run the job deleting expired nonces from the store (only when they live there). */
  readonly purgeNonces?: boolean | undefined;
  /** `CLEARHUB_DATA_KEYS`: the key ring sealing card, account and ID numbers; see the README. */
  readonly dataKeys?: string | undefined;
  /**
   * The Ed25519 key webhooks are signed with, as PKCS#8 PEM. Unset, the key is kept in
   * `dataDir` (generated there on the first start), or, without a `dataDir`, made for this
   * process only. Hub nodes sharing a database must all be given the same key here.
   */
  readonly hubSigningKey?: string | undefined;
  /** Run the webhook dispatcher in this process (every hub node may). */
  readonly dispatchWebhooks?: boolean | undefined;
  readonly webhookDispatcher?: Partial<WebhookDispatcherOptions> | undefined;
  /**
   * Networks (CIDR) webhooks may be sent to besides public addresses: loopback, private and
   * link-local ones are refused unless listed here (`CLEARHUB_WEBHOOK_ALLOW_NETWORKS`).
   */
  readonly webhookAllowNetworks?: readonly string[] | undefined;
  /**
   * Where completed endpoint migrations re-pin agreements: the hub's own agreements store
   * unless another is given (tests record the calls this way).
   */
  readonly agreementPinning?: AgreementPinning | undefined;
  /** Agreement payment limits; the defaults are the regulator's tiers (see agreement-limits.ts). */
  readonly agreementLimits?: Partial<AgreementLimits> | undefined;
  readonly bankOperationTimings?: Partial<BankOperationTimings> | undefined;
  /** Run the status-inquiry job in this process (every hub node may). */
  readonly inquireBankOperations?: boolean | undefined;
  readonly bankInquiry?: Partial<Omit<OperationInquiryOptions, "onError">> | undefined;
  /** Bill postings' backoff, first take-up and deadline (the status-inquiry job runs them too). */
  readonly billPostingTimings?: Partial<BillPostingTimings> | undefined;
  /** The clock bill payments and their postings are judged by (tests move it; deadlines of days). */
  readonly billPaymentClock?: (() => number) | undefined;
  /** Told when a background pass fails (the next pass retries); standard error by default. */
  readonly onJobError?: ((job: string, error: unknown) => void) | undefined;
}

function reportJobError(job: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`clearhub: ${job} pass failed, retrying next pass: ${message}\n`);
}

/** The composition root: the one place that picks adapters and wires them to the use-cases. */
export interface Hub {
  readonly database: Database;
  readonly ledgerStore: LedgerStore;
  readonly ledger: GroupCommit;
  /** Transfers the operator posts, audited. */
  readonly operatorTransfers: OperatorTransferService;
  /** The hash-chained log of operator actions. */
  readonly auditLogStore: AuditLogStore;
  readonly auditLog: AuditLogService;
  readonly participants: ParticipantService;
  readonly participantStore: KyselyParticipantStore;
  /** Transfers between participants, as the participant API offers them. */
  readonly participantTransfers: ParticipantTransferService;
  readonly participantKeys: ParticipantKeyService;
  /** The registry of participants' keys. */
  readonly participantKeyStore: ParticipantKeyStore;
  /** Where the request-signature verifier looks keys up: the registry, read at most once a second per key. */
  readonly signers: SignerCache;
  /** Shared by every hub node: the store's table, or Redis when `redisUrl` is set. */
  readonly nonces: NonceCache;
  readonly expiry: PendingExpiry;
  readonly metrics: HubMetrics;
  /** Seals sensitive numbers before they are stored; opens them to mask them. */
  readonly fieldSealer: FieldSealer;
  /** Where the key ring came from: `CLEARHUB_DATA_KEYS` or the data-keys file's path. */
  readonly dataKeysOrigin: string;
  /** The key webhooks are signed with, and where it came from. */
  readonly hubSigningKey: LoadedHubSigningKey;
  readonly webhookStore: WebhookStore;
  readonly webhookEndpoints: WebhookEndpointService;
  readonly webhookDeliveries: WebhookDeliveryService;
  readonly webhookDispatcher: WebhookDispatcher;
  /** Banks' interface endpoints: the registry and its health on this node. */
  readonly bankEndpoints: BankEndpointService;
  /** Billers' interface endpoints: the same registry, taking billers alone. */
  readonly billerEndpoints: BankEndpointService;
  readonly endpointMigrations: EndpointMigrationService;
  /** Which endpoint a call to a bank goes to: the primary for new signings, else by agreement. */
  readonly bankEndpointRouter: BankEndpointRouter;
  /** Runs every call to a bank endpoint under its timeout, concurrency limit and breaker. */
  readonly endpointGuard: EndpointGuard;
  /** The bank interface over signed HTTP, answers verified with the banks' participant keys. */
  readonly bankConnector: BankConnector;
  /** The biller interface over the same signed caller, answers verified with the billers' keys. */
  readonly billerConnector: BillerConnector;
  readonly agreementStore: AgreementStore;
  /** How many agreements each of a bank's endpoints holds pinned. */
  readonly agreementPlacement: AgreementPlacementService;
  /** Quick-pay agreements of payment institutions' customers with their banks. */
  readonly agreements: AgreementService;
  readonly bankOperationStore: KyselyBankOperationStore;
  /** Reserve, call the bank, settle: every debit, credit and refund. */
  readonly bankOperationRunner: BankOperationRunner;
  readonly agreementPayments: AgreementPaymentService;
  /** Payments from an institution's position to customers' accounts. */
  readonly payouts: PayoutService;
  /** Refunds of agreement payments to the accounts they came from. */
  readonly refunds: RefundService;
  /** Banks' notices of transactions' final outcomes. */
  readonly bankOperations: BankOperationNotices;
  /** The status-inquiry job settling unknown and pending outcomes. */
  readonly bankInquiry: OperationInquiry;
  /** Every participant's position, cap, headroom and reserve, for the operator. */
  readonly networkOverview: NetworkOverviewService;
  /** The operator's search over every transfer, with parties and current state. */
  readonly transferSearch: TransferSearchService;
  /** The operator's lists of bank operations, the stuck ones, and inquiries made now. */
  readonly bankOperationOversight: BankOperationOversight;
  /** One payment end to end, found from any id it carries. */
  readonly paymentTraces: PaymentTraceService;
  /** Operator accounts, their tokens and console sessions. */
  readonly operatorStore: OperatorStore;
  readonly operatorAccounts: OperatorAccountService;
  readonly operatorSessions: OperatorSessionService;
  /** Four-eyes approval of dangerous operator actions. */
  readonly approvals: ApprovalService;
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
  /** Channels' bill payments, their postings to billers, and billers' reversals. */
  readonly billPayments: BillPaymentParts["billPayments"];
  readonly billPostings: BillPaymentParts["billPostings"];
  readonly billReversalNotices: BillPaymentParts["billReversalNotices"];
  close(): Promise<void>;
}

export function createLedgerStore(database: Database): LedgerStore {
  if (database.sqlite !== null) return new SqliteLedgerStore(database.kysely, database.sqlite);
  if (database.postgresPool !== null) {
    return new PostgresLedgerStore(database.kysely, database.postgresPool);
  }
  throw new Error("the database has neither a SQLite handle nor a PostgreSQL pool");
}

/** The group-commit options with the metrics told first and the caller's own callbacks kept. */
function observedGroupCommit(
  metrics: HubMetrics,
  options: Partial<GroupCommitOptions> = {},
): GroupCommitOptions {
  return {
    ...groupCommitDefaults,
    ...options,
    onBatch: (transfers, commitMs) => {
      metrics.recordBatch(transfers, commitMs);
      options.onBatch?.(transfers, commitMs);
    },
    onStorageError: (error) => {
      metrics.recordStorageError();
      options.onStorageError?.(error);
    },
    onResults: (codes) => {
      metrics.recordResults(codes);
      options.onResults?.(codes);
    },
  };
}

export async function openHub(config: HubConfig): Promise<Hub> {
  const redisUrl = config.redisUrl === "" ? undefined : config.redisUrl;
  // Connected first: a wrong REDIS_URL stops the start before the database is touched.
  const redis = redisUrl === undefined ? undefined : await connectRedis(redisUrl);
  try {
    return await assembleHub(config, redis);
  } catch (error) {
    redis?.disconnect();
    throw error;
  }
}

async function assembleHub(config: HubConfig, redis: Redis | undefined): Promise<Hub> {
  // Before the database: a wrong key ring must stop the start with nothing touched.
  const keyRing = loadDataKeyRing(
    { dataKeys: config.dataKeys, dataDir: config.dataDir },
    new Date(),
  );
  if (!keyRing.ok) throw new Error(keyRing.message);
  const fieldSealer = new AesGcmFieldSealer(keyRing.ring);
  // Read first: a malformed key setting stops the start before the database is touched.
  const hubSigningKey = await loadHubSigningKey({
    pem: config.hubSigningKey,
    dataDir: config.databaseUrl ? config.dataDir : (config.dataDir ?? sqliteDataDirDefault),
  });
  const database = openDatabase(config);
  await migrateToLatest(database);
  const metrics = new HubMetrics();
  const ledgerStore = createLedgerStore(database);
  const ledger = new GroupCommit(ledgerStore, observedGroupCommit(metrics, config.groupCommit));
  const auditLogStore = new KyselyAuditLogStore(database.kysely);
  const participantStore = new KyselyParticipantStore(database.kysely);
  const participantKeyStore = new KyselyParticipantKeyStore(database.kysely, database.dialect);
  const signers = new SignerCache(participantKeyStore, signerCacheDefaults);
  const forgetSigners = () => signers.forgetAll();
  const participants = new ParticipantService(
    participantStore,
    ledger,
    auditLogStore,
    Date.now,
    forgetSigners,
  );
  await participants.ensureOperator();
  const participantTransfers = new ParticipantTransferService(
    participantStore,
    new KyselyParticipantTransferStore(database.kysely),
    ledger,
    fieldSealer,
  );
  const participantKeys = new ParticipantKeyService(
    participantStore,
    participantKeyStore,
    Date.now,
    forgetSigners,
  );
  const nonces: NonceCache =
    redis === undefined
      ? new StoreNonceCache(database.kysely)
      : new RedisNonceCache(redis, config.redisKeyPrefix);
  const onJobError = config.onJobError ?? reportJobError;
  const noncePurge =
    redis === undefined
      ? new NoncePurge(nonces, {
          ...noncePurgeDefaults,
          onError: (error) => onJobError("nonce purge", error),
        })
      : undefined;
  if (config.purgeNonces !== false) noncePurge?.start();
  const expiry = new PendingExpiry(ledgerStore, ledger, {
    ...pendingExpiryDefaults,
    onSweep: (released) => metrics.recordExpirations(released),
    onError: (error) => onJobError("pending expiry", error),
  });
  if (config.expirePendings !== false) expiry.start();
  const webhooks = assembleWebhooks(config, database, hubSigningKey, metrics, onJobError);
  const agreementStore = new KyselyAgreementStore(database.kysely);
  const banks = assembleBankEndpoints(
    database,
    participantStore,
    metrics,
    config.agreementPinning ?? agreementStore,
  );
  const participantCaller = new SignedHttpCaller(hubSigningKey.key, {
    findKey: new ParticipantSystemKeys(participantKeyStore).find,
  });
  const bankConnector = new HttpBankConnector(participantCaller);
  const billerConnector = new HttpBillerConnector(participantCaller);
  const agreements = new AgreementService(
    participantStore,
    agreementStore,
    banks.bankEndpointRouter,
    banks.endpointGuard,
    bankConnector,
    fieldSealer,
    new KyselyNoticeLog(database.kysely),
  );
  const billers = new BillerRegistry(
    participantStore,
    new KyselyBillerProfileStore(database.kysely, database.dialect),
    config.operatorClock,
  );
  const billerInquiries = assembleBillInquiries(config, database, redis, metrics, {
    billers,
    guard: banks.endpointGuard,
    connector: billerConnector,
    fieldSealer,
  });
  const bills = assembleBillPayments({
    database,
    participants: participantStore,
    ledger,
    sealer: fieldSealer,
    billers,
    gate: billerInquiries.billerAdmission,
    connector: billerConnector,
    endpointFor: billerEndpointFor(banks.bankEndpointRouter),
    quotedBills: quotedBillsFrom(
      billerInquiries.billPresentments,
      config.billPaymentClock ?? Date.now,
    ),
    guard: banks.endpointGuard,
    callLog: new KyselyBankCallLog(database.kysely),
    notices: new KyselyNoticeLog(database.kysely),
    timings: config.billPostingTimings,
    clock: config.billPaymentClock,
    onJobError,
  });
  const payments = assemblePayments(config, database, {
    agreementStore,
    agreements,
    fieldSealer,
    participantStore,
    ledger,
    router: banks.bankEndpointRouter,
    guard: banks.endpointGuard,
    bankConnector,
    onJobError,
    otherInquiredKinds: [bills.inquired],
  });
  const oversight = new BankOperationOversight(
    new KyselyBankOperationReadStore(database.kysely),
    payments.bankOperationStore,
    payments.bankOperationRunner,
  );
  metrics.observeStuckOperations(() => oversight.stuckSummary());
  const transferSearchStore = new KyselyTransferSearchStore(database.kysely);
  return {
    database,
    ledgerStore,
    ledger,
    operatorTransfers: new OperatorTransferService(
      ledger,
      auditLogStore,
      participantStore,
      operatorParticipantId,
    ),
    auditLogStore,
    auditLog: new AuditLogService(auditLogStore),
    participants,
    participantStore,
    participantTransfers,
    participantKeys,
    participantKeyStore,
    signers,
    nonces,
    expiry,
    metrics,
    fieldSealer,
    dataKeysOrigin: keyRing.origin,
    ...webhooks.parts,
    ...banks,
    bankConnector,
    billerConnector,
    agreementStore,
    agreementPlacement: new AgreementPlacementService(participantStore, agreementStore),
    agreements,
    ...payments,
    networkOverview: new NetworkOverviewService(new KyselyNetworkReadStore(database.kysely)),
    transferSearch: new TransferSearchService(transferSearchStore),
    paymentTraces: new PaymentTraceService(
      new KyselyTraceReadStore(database.kysely),
      transferSearchStore,
    ),
    bankOperationOversight: oversight,
    ...assembleOperators(config, database),
    billers,
    ...billerInquiries,
    ...bills.parts,
    async close() {
      await payments.bankInquiry.stop();
      await bills.parts.billPayments.drain();
      await expiry.stop();
      await webhooks.stop();
      await participantCaller.close();
      await noncePurge?.stop();
      await ledger.drain();
      await database.close();
      if (redis !== undefined) await closeRedis(redis);
    },
  };
}

interface BillInquiryParts {
  readonly billerAdmission: BillerAdmissionGate<CachedBills>;
  readonly billPresentments: BillPresentmentStore;
  readonly billInquiries: BillInquiryService;
}

/** Biller protection and the channel's bill inquiry over it. */
function assembleBillInquiries(
  config: HubConfig,
  database: Database,
  redis: Redis | undefined,
  metrics: HubMetrics,
  deps: {
    billers: BillerRegistry;
    guard: EndpointGuard;
    connector: BillerConnector;
    fieldSealer: FieldSealer;
  },
): BillInquiryParts {
  const clock = config.billerClock ?? Date.now;
  const billerAdmission = assembleBillerAdmission<CachedBills>(metrics, {
    redis,
    keyPrefix: config.redisKeyPrefix,
    settings: config.billerAdmission,
    clock,
  });
  const billPresentments = new KyselyBillPresentmentStore(database.kysely, deps.fieldSealer);
  const billInquiries = new BillInquiryService({
    registry: deps.billers,
    endpoints: new KyselyBankEndpointStore(database.kysely, database.dialect),
    guard: deps.guard,
    connector: deps.connector,
    gate: billerAdmission,
    presentments: billPresentments,
    clock,
  });
  return { billerAdmission, billPresentments, billInquiries };
}

interface OperatorParts {
  readonly operatorStore: OperatorStore;
  readonly operatorAccounts: OperatorAccountService;
  readonly operatorSessions: OperatorSessionService;
  readonly approvals: ApprovalService;
}

/** Operator accounts, sessions and approvals, all judged by one clock. */
function assembleOperators(config: HubConfig, database: Database): OperatorParts {
  const clock = config.operatorClock ?? Date.now;
  const operatorStore = new KyselyOperatorStore(database.kysely, database.dialect);
  const hasher = new ScryptPasswordHasher(config.passwordHashing);
  return {
    operatorStore,
    operatorAccounts: new OperatorAccountService(operatorStore, hasher, clock),
    operatorSessions: new OperatorSessionService(
      operatorStore,
      hasher,
      new MemoryLoginThrottle(),
      clock,
      { ...sessionLimitsDefaults, ...config.sessionLimits },
    ),
    approvals: new ApprovalService(new KyselyApprovalStore(database.kysely), clock, {
      ...approvalLimitsDefaults,
      ...config.approvalLimits,
    }),
  };
}

interface WebhookParts {
  readonly hubSigningKey: LoadedHubSigningKey;
  readonly webhookStore: WebhookStore;
  readonly webhookEndpoints: WebhookEndpointService;
  readonly webhookDeliveries: WebhookDeliveryService;
  readonly webhookDispatcher: WebhookDispatcher;
}

/** The outbox, its services and its dispatcher (started unless `dispatchWebhooks` is false). */
function assembleWebhooks(
  config: HubConfig,
  database: Database,
  hubSigningKey: LoadedHubSigningKey,
  metrics: HubMetrics,
  onJobError: (job: string, error: unknown) => void,
): { parts: WebhookParts; stop(): Promise<void> } {
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
  const webhookDispatcher = new WebhookDispatcher(webhookStore, sender, {
    ...options,
    onOutcome: (outcome) => {
      metrics.recordWebhookOutcome(outcome);
      options.onOutcome?.(outcome);
    },
    onError: options.onError ?? ((error) => onJobError("webhook dispatch", error)),
  });
  if (config.dispatchWebhooks !== false) webhookDispatcher.start();
  return {
    parts: {
      hubSigningKey,
      webhookStore,
      webhookEndpoints: new WebhookEndpointService(webhookStore, destinations),
      webhookDeliveries: deliveries,
      webhookDispatcher,
    },
    async stop() {
      await webhookDispatcher.stop();
      await sender.close();
    },
  };
}

interface BankEndpointParts {
  readonly bankEndpoints: BankEndpointService;
  readonly billerEndpoints: BankEndpointService;
  readonly endpointMigrations: EndpointMigrationService;
  readonly bankEndpointRouter: BankEndpointRouter;
  readonly endpointGuard: EndpointGuard;
}

/** The endpoint registry, migrations, routing, and the guard whose state feeds the metrics. */
function assembleBankEndpoints(
  database: Database,
  participantStore: KyselyParticipantStore,
  metrics: HubMetrics,
  agreementPinning: AgreementPinning,
): BankEndpointParts {
  const endpointStore = new KyselyBankEndpointStore(database.kysely, database.dialect);
  const migrationStore = new KyselyEndpointMigrationStore(database.kysely, database.dialect);
  const endpointGuard = new CockatielEndpointGuard({
    ...endpointGuardDefaults,
    onCall: (record) => metrics.recordEndpointCall(record),
  });
  metrics.observeEndpointHealth(() => endpointGuard.healthAll());
  return {
    bankEndpoints: new BankEndpointService(participantStore, endpointStore, endpointGuard),
    billerEndpoints: new BankEndpointService(
      participantStore,
      endpointStore,
      endpointGuard,
      Date.now,
      ["biller"],
    ),
    endpointMigrations: new EndpointMigrationService(
      participantStore,
      migrationStore,
      agreementPinning,
    ),
    bankEndpointRouter: new BankEndpointRouter(endpointStore, migrationStore),
    endpointGuard,
  };
}

interface PaymentParts {
  readonly bankOperationStore: KyselyBankOperationStore;
  readonly bankOperationRunner: BankOperationRunner;
  readonly agreementPayments: AgreementPaymentService;
  readonly payouts: PayoutService;
  readonly refunds: RefundService;
  readonly bankOperations: BankOperationNotices;
  readonly bankInquiry: OperationInquiry;
}

interface PaymentDependencies {
  readonly agreementStore: AgreementStore;
  readonly agreements: AgreementService;
  readonly fieldSealer: FieldSealer;
  readonly participantStore: KyselyParticipantStore;
  readonly ledger: GroupCommit;
  readonly router: BankEndpointRouter;
  readonly guard: EndpointGuard;
  readonly bankConnector: BankConnector;
  readonly onJobError: (job: string, error: unknown) => void;
  /** Other kinds of operations the status-inquiry job takes up (bill postings). */
  readonly otherInquiredKinds: readonly InquiredKind[];
}

/** The bank operations: their store, the one runner, the services and the inquiry job. */
function assemblePayments(
  config: HubConfig,
  database: Database,
  deps: PaymentDependencies,
): PaymentParts {
  const store = new KyselyBankOperationStore(database.kysely, database.dialect);
  const runner = new BankOperationRunner(
    store,
    deps.agreementStore,
    deps.participantStore,
    deps.ledger,
    deps.router,
    deps.guard,
    deps.bankConnector,
    { ...bankOperationTimingsDefaults, ...config.bankOperationTimings },
    new KyselyBankCallLog(database.kysely),
  );
  const limits = { ...agreementLimitsDefaults, ...config.agreementLimits };
  const bankInquiry = new OperationInquiry(
    [inquiredKind(store, runner.runner), ...deps.otherInquiredKinds],
    {
      ...operationInquiryDefaults,
      ...config.bankInquiry,
      onError: (error) => deps.onJobError("bank inquiry", error),
    },
  );
  if (config.inquireBankOperations !== false) bankInquiry.start();
  return {
    bankOperationStore: store,
    bankOperationRunner: runner,
    agreementPayments: new AgreementPaymentService(
      store,
      deps.agreementStore,
      runner,
      deps.bankConnector,
      limits,
    ),
    payouts: new PayoutService(
      store,
      deps.agreementStore,
      deps.agreements,
      deps.participantStore,
      runner,
      deps.bankConnector,
      deps.fieldSealer,
    ),
    refunds: new RefundService(store, runner, deps.bankConnector),
    bankOperations: new BankOperationNotices(store, runner, new KyselyNoticeLog(database.kysely)),
    bankInquiry,
  };
}

/**
 * A biller's endpoint for postings: its primary in the endpoint registry, which holds billers'
 * endpoints beside banks', named by its owner's kind so the guard and the trace tell them apart.
 */
function billerEndpointFor(router: BankEndpointRouter) {
  return async (billerId: string): Promise<EndpointChoice> => {
    const routed = await router.forNewSigning(billerId);
    if (!routed.ok) return routed;
    const { bankId: _bank, ...endpoint } = routed.endpoint;
    return { ok: true, endpoint: { ...endpoint, billerId } };
  };
}
