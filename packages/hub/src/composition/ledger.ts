import type { HubMetrics } from "../adapters/metrics/hub-metrics.ts";
import type { Database } from "../adapters/store/database.ts";
import { PostgresLedgerStore } from "../adapters/store/postgres-ledger-store.ts";
import { SqliteLedgerStore } from "../adapters/store/sqlite-ledger-store.ts";
import {
  GroupCommit,
  type GroupCommitOptions,
  groupCommitDefaults,
} from "../app/ledger/group-commit.ts";
import { LedgerReader } from "../app/ledger/ledger-reader.ts";
import type { LedgerStore } from "../app/ports/ledger-store.ts";
import { PendingExpiry, pendingExpiryDefaults } from "../jobs/pending-expiry.ts";
import type { HubConfig, OnJobError } from "./hub-config.ts";
import type { LifecycleStack } from "./lifecycle-stack.ts";

export interface LedgerParts {
  readonly ledgerStore: LedgerStore;
  readonly ledger: GroupCommit;
  /** A transfer by id and the journal's head, for the API. */
  readonly ledgerReader: LedgerReader;
  /** The reservation-expiry job; started with the other jobs unless `expirePendings` is false. */
  readonly expiry: PendingExpiry;
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

/** The ledger's store and its group commit, drained before the database closes. */
export function composeLedger(
  config: HubConfig,
  database: Database,
  metrics: HubMetrics,
  onJobError: OnJobError,
  stack: LifecycleStack,
): LedgerParts {
  const ledgerStore = createLedgerStore(database);
  const ledger = new GroupCommit(ledgerStore, observedGroupCommit(metrics, config.groupCommit));
  stack.push("ledger", () => ledger.drain());
  const expiry = new PendingExpiry(ledgerStore, ledger, {
    ...pendingExpiryDefaults,
    onSweep: (released) => metrics.recordExpirations(released),
    onError: (error) => onJobError("pending expiry", error),
  });
  return { ledgerStore, ledger, ledgerReader: new LedgerReader(ledgerStore), expiry };
}
