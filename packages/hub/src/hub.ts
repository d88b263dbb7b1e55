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
import { PendingExpiry } from "./jobs/pending-expiry.ts";

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
  close(): Promise<void>;
}

export function createLedgerStore(database: Database): LedgerStore {
  if (database.sqlite !== null) return new SqliteLedgerStore(database.kysely, database.sqlite);
  if (database.postgresPool !== null) {
    return new PostgresLedgerStore(database.kysely, database.postgresPool);
  }
  throw new Error("the database has neither a SQLite handle nor a PostgreSQL pool");
}

export async function openHub(config: HubConfig): Promise<Hub> {
  const database = openDatabase(config);
  await migrateToLatest(database);
  const ledgerStore = createLedgerStore(database);
  const ledger = new GroupCommit(ledgerStore, { ...groupCommitDefaults, ...config.groupCommit });
  const participantStore = new KyselyParticipantStore(database.kysely);
  const participants = new ParticipantService(participantStore, ledger);
  await participants.ensureOperator();
  const expiry = new PendingExpiry(ledgerStore, ledger);
  if (config.expirePendings !== false) expiry.start();
  return {
    database,
    ledgerStore,
    ledger,
    participants,
    participantStore,
    expiry,
    async close() {
      await expiry.stop();
      await ledger.drain();
      await database.close();
    },
  };
}
