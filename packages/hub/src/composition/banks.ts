import { HttpBankConnector } from "../adapters/bank/http-bank-connector.ts";
import { HttpBillerConnector } from "../adapters/biller/http-biller-connector.ts";
import type { HubMetrics } from "../adapters/metrics/hub-metrics.ts";
import { ParticipantSystemKeys } from "../adapters/participant-call/participant-system-keys.ts";
import { SignedHttpCaller } from "../adapters/participant-call/signed-http-caller.ts";
import {
  CockatielEndpointGuard,
  endpointGuardDefaults,
} from "../adapters/resilience/cockatiel-endpoint-guard.ts";
import type { LoadedHubSigningKey } from "../adapters/signing/hub-signing-key.ts";
import type { Database } from "../adapters/store/database.ts";
import { KyselyAgreementStore } from "../adapters/store/kysely-agreement-store.ts";
import { KyselyBankCallLog } from "../adapters/store/kysely-bank-call-log.ts";
import { KyselyBankEndpointStore } from "../adapters/store/kysely-bank-endpoint-store.ts";
import { KyselyBankOperationStore } from "../adapters/store/kysely-bank-operation-store.ts";
import { KyselyEndpointMigrationStore } from "../adapters/store/kysely-endpoint-migration-store.ts";
import { KyselyNoticeLog } from "../adapters/store/kysely-notice-log.ts";
import type { KyselyParticipantStore } from "../adapters/store/kysely-participant-store.ts";
import { HttpWalletConnector } from "../adapters/wallet/http-wallet-connector.ts";
import { AgreementService } from "../app/agreements/agreement-service.ts";
import { AgreementPlacementService } from "../app/banks/agreement-placement-service.ts";
import { BankEndpointRouter } from "../app/banks/bank-endpoint-router.ts";
import { BankEndpointService } from "../app/banks/bank-endpoint-service.ts";
import { EndpointMigrationService } from "../app/banks/endpoint-migration-service.ts";
import { type InquiredKind, inquiredKind } from "../app/calls/status-inquiry.ts";
import type { FeePostings } from "../app/fees/fee-postings.ts";
import type { GroupCommit } from "../app/ledger/group-commit.ts";
import { AgreementPaymentService } from "../app/payments/agreement-payment-service.ts";
import { BankOperationLookup } from "../app/payments/bank-operation-lookup.ts";
import { BankOperationNotices } from "../app/payments/bank-operation-notices.ts";
import {
  BankOperationRunner,
  bankOperationTimingsDefaults,
} from "../app/payments/bank-operation-runner.ts";
import { PayoutService } from "../app/payments/payout-service.ts";
import { RefundService } from "../app/payments/refund-service.ts";
import type { AgreementStore } from "../app/ports/agreement-store.ts";
import type { BankConnector } from "../app/ports/bank-connector.ts";
import type { BillerConnector } from "../app/ports/biller-connector.ts";
import type { EndpointGuard } from "../app/ports/endpoint-guard.ts";
import type { FieldSealer } from "../app/ports/field-sealer.ts";
import type { ParticipantKeyStore } from "../app/ports/participant-key-store.ts";
import type { WalletConnector } from "../app/ports/wallet-connector.ts";
import { agreementLimitsDefaults } from "../domain/bank-operations/agreement-limits.ts";
import { isSettled } from "../domain/bank-operations/bank-operation.ts";
import type { HubConfig, OnJobError } from "./hub-config.ts";
import type { LifecycleStack } from "./lifecycle-stack.ts";

export interface BankParts {
  /** Banks' interface endpoints: the registry and its health on this node. */
  readonly bankEndpoints: BankEndpointService;
  readonly endpointMigrations: EndpointMigrationService;
  /** Which endpoint a call to a bank goes to: the primary for new signings, else by agreement. */
  readonly bankEndpointRouter: BankEndpointRouter;
  /** Runs every call to a bank endpoint under its timeout, concurrency limit and breaker. */
  readonly endpointGuard: EndpointGuard;
  /** The bank interface over signed HTTP, answers verified with the banks' participant keys. */
  readonly bankConnector: BankConnector;
  readonly agreementStore: AgreementStore;
  /** How many agreements each of a bank's endpoints holds pinned. */
  readonly agreementPlacement: AgreementPlacementService;
  /** Quick-pay agreements of payment institutions' customers with their banks. */
  readonly agreements: AgreementService;
  readonly bankOperationStore: KyselyBankOperationStore;
  /** An institution's own payouts and refunds by id, as the participant API shows them. */
  readonly bankOperationLookup: BankOperationLookup;
  /** Reserve, call the bank, settle: every debit, credit and refund. */
  readonly bankOperationRunner: BankOperationRunner;
  readonly agreementPayments: AgreementPaymentService;
  /** Payments from an institution's position to customers' accounts. */
  readonly payouts: PayoutService;
  /** Refunds of agreement payments to the accounts they came from. */
  readonly refunds: RefundService;
  /** Banks' notices of transactions' final outcomes. */
  readonly bankOperations: BankOperationNotices;
  /** The bank operations as the status-inquiry job takes them up. */
  readonly bankOperationsInquired: InquiredKind;
  /** Billers' interface endpoints: the same registry, taking billers alone. */
  readonly billerEndpoints: BankEndpointService;
  readonly issuerEndpoints: BankEndpointService;
  /** The biller interface over the same signed caller, answers verified with the billers' keys. */
  readonly billerConnector: BillerConnector;
  /** Issuers' wallet interfaces, over the same signed caller as banks' and billers'. */
  readonly walletConnector: WalletConnector;
}

export interface BankDependencies {
  readonly database: Database;
  readonly metrics: HubMetrics;
  readonly hubSigningKey: LoadedHubSigningKey;
  readonly participantStore: KyselyParticipantStore;
  readonly participantKeyStore: ParticipantKeyStore;
  readonly ledger: GroupCommit;
  readonly fieldSealer: FieldSealer;
  /** Where bank operations are priced and their fees posted. */
  readonly fees: FeePostings;
  readonly onJobError: OnJobError;
}

/**
 * Everything that calls banks, in the order it depends on itself: the endpoint registry and the
 * guard whose state feeds the metrics, the signed connector (closed on stop), agreements, then
 * the bank operations' store, the one runner, the services on it and the inquiry job.
 */
export function composeBanks(
  config: HubConfig,
  deps: BankDependencies,
  stack: LifecycleStack,
): BankParts {
  const { database, metrics, participantStore } = deps;
  const endpointStore = new KyselyBankEndpointStore(database.kysely, database.dialect);
  const migrationStore = new KyselyEndpointMigrationStore(database.kysely, database.dialect);
  const agreementStore = new KyselyAgreementStore(database.kysely);
  const endpointGuard = new CockatielEndpointGuard({
    ...endpointGuardDefaults,
    onCall: (record) => metrics.recordEndpointCall(record),
  });
  metrics.observeEndpointHealth(() => endpointGuard.healthAll());
  const bankEndpointRouter = new BankEndpointRouter(endpointStore, migrationStore);
  const participantCaller = new SignedHttpCaller(deps.hubSigningKey.key, {
    findKey: new ParticipantSystemKeys(deps.participantKeyStore).find,
  });
  stack.push("participant caller", () => participantCaller.close());
  const bankConnector = new HttpBankConnector(participantCaller);
  const noticeLog = new KyselyNoticeLog(database.kysely);
  const agreements = new AgreementService(
    participantStore,
    agreementStore,
    bankEndpointRouter,
    endpointGuard,
    bankConnector,
    deps.fieldSealer,
    noticeLog,
  );
  const bankOperationStore = new KyselyBankOperationStore(database.kysely, database.dialect);
  const runner = new BankOperationRunner(
    bankOperationStore,
    agreementStore,
    participantStore,
    deps.ledger,
    bankEndpointRouter,
    endpointGuard,
    bankConnector,
    { ...bankOperationTimingsDefaults, ...config.bankOperationTimings },
    new KyselyBankCallLog(database.kysely),
    Date.now,
    deps.fees,
  );
  return {
    bankEndpoints: new BankEndpointService(participantStore, endpointStore, endpointGuard),
    endpointMigrations: new EndpointMigrationService(
      participantStore,
      migrationStore,
      config.agreementPinning ?? agreementStore,
    ),
    bankEndpointRouter,
    endpointGuard,
    bankConnector,
    agreementStore,
    agreementPlacement: new AgreementPlacementService(participantStore, agreementStore),
    agreements,
    bankOperationStore,
    bankOperationLookup: new BankOperationLookup(bankOperationStore),
    bankOperationRunner: runner,
    agreementPayments: new AgreementPaymentService(
      bankOperationStore,
      agreementStore,
      runner,
      bankConnector,
      { ...agreementLimitsDefaults, ...config.agreementLimits },
    ),
    payouts: new PayoutService(
      bankOperationStore,
      agreementStore,
      agreements,
      participantStore,
      runner,
      bankConnector,
      deps.fieldSealer,
    ),
    refunds: new RefundService(bankOperationStore, runner, bankConnector),
    bankOperations: new BankOperationNotices(bankOperationStore, runner, noticeLog),
    bankOperationsInquired: inquiredKind(
      "bank_operation",
      bankOperationStore,
      runner.runner,
      (operation) => isSettled(operation.state),
    ),
    billerEndpoints: new BankEndpointService(
      participantStore,
      endpointStore,
      endpointGuard,
      Date.now,
      ["biller"],
    ),
    issuerEndpoints: new BankEndpointService(
      participantStore,
      endpointStore,
      endpointGuard,
      Date.now,
      ["payment_institution"],
    ),
    billerConnector: new HttpBillerConnector(participantCaller),
    walletConnector: new HttpWalletConnector(participantCaller),
  };
}
