import type { Database } from "../adapters/store/database.ts";
import { KyselyAuditLogStore } from "../adapters/store/kysely-audit-log-store.ts";
import { KyselyParticipantStore } from "../adapters/store/kysely-participant-store.ts";
import { GroupCommit } from "../app/ledger/group-commit.ts";
import { LedgerReader } from "../app/ledger/ledger-reader.ts";
import { OperatorTransferService } from "../app/ledger/operator-transfer-service.ts";
import { operatorParticipantId } from "../app/participants/participant-service.ts";
import type { ReconciliationService } from "../app/reconciliation/reconciliation-service.ts";
import { composeReconciliation } from "../composition/reconciliation.ts";
import { createLedgerStore, openHub } from "../hub.ts";
import { environment } from "./command-line.ts";
import { openExistingStore } from "./existing-store.ts";
import { reconDayFrom } from "./recon-day-setting.ts";

export interface StoreOptions {
  readonly databaseUrl?: string;
  readonly dataDir: string;
  readonly json?: boolean;
}

/**
 * The reconciliation use-case over the hub's store, as the hub composes it, for what reads the
 * store and writes the ledger only (statements, breaks, resolutions). A reversal goes through a
 * group-commit ledger of this process: the ledger keeps no state outside the store, so it posts
 * beside a running hub as a second node would.
 */
export async function withReconciliation<T>(
  options: StoreOptions,
  use: (service: ReconciliationService) => Promise<T>,
): Promise<T> {
  const businessDay = reconDayFrom(process.env);
  const database: Database = await openExistingStore(options);
  const ledgerStore = createLedgerStore(database);
  const ledger = new GroupCommit(ledgerStore);
  const participantStore = new KyselyParticipantStore(database.kysely);
  try {
    const { reconciliation } = composeReconciliation(database, {
      participantStore,
      ledgerReader: new LedgerReader(ledgerStore),
      operatorTransfers: new OperatorTransferService(
        ledger,
        new KyselyAuditLogStore(database.kysely),
        participantStore,
        operatorParticipantId,
      ),
      businessDay,
    });
    return await use(reconciliation);
  } finally {
    await ledger.drain();
    await database.close();
  }
}

/**
 * The reconciliation use-case of a whole hub node on the store, for the match: it settles the
 * day's unknown operations by status inquiry first, which calls banks and billers signed with
 * the hub's key and the same settings as `clearhub start` (`CLEARHUB_HUB_SIGNING_KEY` or the
 * key in the data directory, `CLEARHUB_DATA_KEYS`, `REDIS_URL`). The node runs no background
 * job: the hub that serves runs those.
 */
export async function withReconcilingHub<T>(
  options: StoreOptions,
  use: (service: ReconciliationService) => Promise<T>,
): Promise<T> {
  const reconciliationDay = reconDayFrom(process.env);
  // Refused here, not created by the hub's start, when the store is not there.
  await (await openExistingStore(options)).close();
  const hub = await openHub({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    redisUrl: environment.redisUrl,
    dataKeys: environment.dataKeys,
    hubSigningKey: environment.hubSigningKey,
    reconciliationDay,
    expirePendings: false,
    purgeExpired: false,
    dispatchWebhooks: false,
    inquireBankOperations: false,
  });
  try {
    return await use(hub.reconciliation);
  } finally {
    await hub.close();
  }
}
