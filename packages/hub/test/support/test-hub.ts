/**
 * A hub on a fresh, isolated test store (see ./backends.ts), without the pending-expiry,
 * nonce-purge, webhook-dispatch and bank-inquiry jobs: tests that want them run a pass themselves.
 */
import { generateDataKeyEntry } from "../../src/adapters/crypto/data-key-entry.ts";
import type { GroupCommitOptions } from "../../src/app/ledger/group-commit.ts";
import type { AgreementPinning } from "../../src/app/ports/agreement-pinning.ts";
import { type Hub, type HubConfig, openHub } from "../../src/hub.ts";
import type { WebhookDispatcherOptions } from "../../src/jobs/webhook-dispatcher.ts";
import { type Backend, openTestDatabase, type TestDatabase } from "./backends.ts";

export interface TestHubOptions {
  readonly groupCommit?: Partial<GroupCommitOptions> | undefined;
  /** Keeps the signature nonces in this Redis instead of the store. */
  readonly redisUrl?: string | undefined;
  readonly redisKeyPrefix?: string | undefined;
  /** Starts the webhook dispatcher, with these options. */
  readonly webhookDispatcher?: Partial<WebhookDispatcherOptions> | undefined;
  /** PKCS#8 PEM; unset, the hub's key is its SQLite directory's, or its process's own. */
  readonly hubSigningKey?: string | undefined;
  /** Where completed endpoint migrations re-pin agreements; the hub's own store by default. */
  readonly agreementPinning?: AgreementPinning | undefined;
  /** Starts the status-inquiry job, with these options. */
  readonly bankInquiry?: HubConfig["bankInquiry"];
  readonly bankOperationTimings?: HubConfig["bankOperationTimings"];
  readonly agreementLimits?: HubConfig["agreementLimits"];
  /** The clock operator sessions and approvals are judged by. */
  readonly operatorClock?: (() => number) | undefined;
  readonly approvalLimits?: HubConfig["approvalLimits"];
  readonly billPostingTimings?: HubConfig["billPostingTimings"];
  readonly billPaymentClock?: HubConfig["billPaymentClock"];
  readonly settlementClock?: HubConfig["settlementClock"];
  readonly barcodeClock?: HubConfig["barcodeClock"];
  readonly codePaymentTimings?: HubConfig["codePaymentTimings"];
  /** The data key ring; a fresh one by default. A second hub on the same store needs the first's. */
  readonly dataKeys?: string | undefined;
  /** The clock of biller protection and presentments. */
  readonly billerClock?: (() => number) | undefined;
  readonly billerAdmission?: HubConfig["billerAdmission"];
  readonly billInquiry?: HubConfig["billInquiry"];
  /** Loopback by default, where tests' receivers listen; `[]` for the hub a newcomer gets. */
  readonly webhookAllowNetworks?: readonly string[] | undefined;
  readonly billSubscriptions?: HubConfig["billSubscriptions"];
  readonly reconciliationDay?: HubConfig["reconciliationDay"];
}

/**
 * Tests hash passwords with a small scrypt cost: the format and the check are the production
 * ones, only the work per guess is smaller.
 */
export const testPasswordHashing = { cost: 2 ** 10, blockSize: 8, parallelization: 1 };

/** Tests' webhook receivers listen on loopback. */
export const loopbackNetworks = ["127.0.0.0/8", "::1/128"] as const;

export interface TestHub {
  readonly hub: Hub;
  /** The hub's store; its URL or directory lets other processes open the same store. */
  readonly database: TestDatabase;
  /** Closes the hub, then disposes of the store. */
  dispose(): Promise<void>;
}

/** Opens a hub on a fresh, isolated test store; if the hub fails to open, the store is disposed of. */
export async function openTestHub(
  backend: Backend,
  options: TestHubOptions = {},
): Promise<TestHub> {
  const database = await openTestDatabase(backend);
  let hub: Hub;
  try {
    hub = await openHub({
      databaseUrl: database.databaseUrl,
      dataDir: database.dataDir,
      expirePendings: false,
      purgeExpired: false,
      groupCommit: options.groupCommit,
      redisUrl: options.redisUrl,
      redisKeyPrefix: options.redisKeyPrefix,
      // A ring per hub, in memory: tests never leave a key file behind.
      dataKeys: options.dataKeys ?? generateDataKeyEntry(new Date()).entry,
      dispatchWebhooks: options.webhookDispatcher !== undefined,
      webhookDispatcher: options.webhookDispatcher,
      hubSigningKey: options.hubSigningKey,
      agreementPinning: options.agreementPinning,
      inquireBankOperations: options.bankInquiry !== undefined,
      bankInquiry: options.bankInquiry,
      bankOperationTimings: options.bankOperationTimings,
      agreementLimits: options.agreementLimits,
      billerClock: options.billerClock,
      billerAdmission: options.billerAdmission,
      billInquiry: options.billInquiry,
      operatorClock: options.operatorClock,
      approvalLimits: options.approvalLimits,
      passwordHashing: testPasswordHashing,
      webhookAllowNetworks: options.webhookAllowNetworks ?? loopbackNetworks,
      billSubscriptions: options.billSubscriptions,
      billPostingTimings: options.billPostingTimings,
      billPaymentClock: options.billPaymentClock,
      settlementClock: options.settlementClock,
      barcodeClock: options.barcodeClock,
      codePaymentTimings: options.codePaymentTimings,
      reconciliationDay: options.reconciliationDay,
    });
  } catch (error) {
    await database.dispose();
    throw error;
  }
  return {
    hub,
    database,
    async dispose() {
      try {
        await hub.close();
      } finally {
        await database.dispose();
      }
    },
  };
}
