import { HubMetrics } from "./adapters/metrics/hub-metrics.ts";
import {
  type Database,
  type DatabaseConfig,
  migrateToLatest,
  openDatabase,
} from "./adapters/store/database.ts";
import { KyselyParticipantStore } from "./adapters/store/kysely-participant-store.ts";
import { PostgresLedgerStore } from "./adapters/store/postgres-ledger-store.ts";
import { SqliteLedgerStore } from "./adapters/store/sqlite-ledger-store.ts";
import {
  GroupCommit,
  type GroupCommitOptions,
  groupCommitDefaults,
} from "./app/ledger/group-commit.ts";
import { ParticipantService } from "./app/participants/participant-service.ts";
import type { LedgerStore } from "./app/ports/ledger-store.ts";
import { PendingExpiry, pendingExpiryDefaults } from "./jobs/pending-expiry.ts";

export interface HubConfig extends DatabaseConfig {
  readonly groupCommit?: Partial<GroupCommitOptions> | undefined;
  /** Run the reservation-expiry job in this process (every hub node may). */
  readonly expirePendings?: boolean | undefined;
}

/** The composition root: the one place that picks adapters and wires them to the use-cases. */
export interface Hub {
  readonly database: Database;
  readonly ledgerStore: LedgerStore;
  readonly ledger: GroupCommit;
  readonly participants: ParticipantService;
  readonly participantStore: KyselyParticipantStore;
  readonly expiry: PendingExpiry;
  readonly metrics: HubMetrics;
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
  const database = openDatabase(config);
  await migrateToLatest(database);
  const metrics = new HubMetrics();
  const ledgerStore = createLedgerStore(database);
  const ledger = new GroupCommit(ledgerStore, observedGroupCommit(metrics, config.groupCommit));
  const participantStore = new KyselyParticipantStore(database.kysely);
  const participants = new ParticipantService(participantStore, ledger);
  await participants.ensureOperator();
  const expiry = new PendingExpiry(ledgerStore, ledger, {
    ...pendingExpiryDefaults,
    onSweep: (released) => metrics.recordExpirations(released),
  });
  if (config.expirePendings !== false) expiry.start();
  return {
    database,
    ledgerStore,
    ledger,
    participants,
    participantStore,
    expiry,
    metrics,
    async close() {
      await expiry.stop();
      await ledger.drain();
      await database.close();
    },
  };
}
