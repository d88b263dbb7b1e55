import type { Database } from "../adapters/store/database.ts";
import { KyselySettlementStore } from "../adapters/store/kysely-settlement-store.ts";
import type { GroupCommit } from "../app/ledger/group-commit.ts";
import type { AuditLogStore } from "../app/ports/audit-log-store.ts";
import type { SettlementStore } from "../app/ports/settlement-store.ts";
import { SettlementService } from "../app/settlement/settlement-service.ts";

export interface SettlementParts {
  readonly settlementStore: SettlementStore;
  /** Settlement windows: close, report, confirm, abort. */
  readonly settlement: SettlementService;
}

export function composeSettlement(
  database: Database,
  ledger: GroupCommit,
  auditLogStore: AuditLogStore,
  clock: () => number = Date.now,
): SettlementParts {
  const settlementStore = new KyselySettlementStore(database.kysely, database.dialect);
  return {
    settlementStore,
    settlement: new SettlementService(settlementStore, ledger, auditLogStore, clock),
  };
}
