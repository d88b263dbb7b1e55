import type { Database } from "../adapters/store/database.ts";
import { KyselySettlementStore } from "../adapters/store/kysely-settlement-store.ts";
import type { GroupCommit } from "../app/ledger/group-commit.ts";
import type { AuditLogStore } from "../app/ports/audit-log-store.ts";
import type { SettlementStore } from "../app/ports/settlement-store.ts";
import type { SettlementSchedule } from "../app/settlement/settlement-schedule.ts";
import { SettlementService } from "../app/settlement/settlement-service.ts";
import { ScheduledWindowClose } from "../jobs/scheduled-window-close.ts";
import type { OnJobError } from "./hub-config.ts";

export interface SettlementParts {
  readonly settlementStore: SettlementStore;
  /** Settlement windows: close, report, confirm, abort. */
  readonly settlement: SettlementService;
  /** Closes windows at the configured cut-offs; absent without a schedule. */
  readonly scheduledClose: ScheduledWindowClose | undefined;
}

/** How often a node looks for a passed cut-off: closes lag a cut-off by at most this. */
const scheduleCheckIntervalMs = 5_000;

export function composeSettlement(
  database: Database,
  ledger: GroupCommit,
  auditLogStore: AuditLogStore,
  options: {
    readonly clock?: (() => number) | undefined;
    readonly schedule?: SettlementSchedule | undefined;
    readonly onJobError?: OnJobError | undefined;
  } = {},
): SettlementParts {
  const clock = options.clock ?? Date.now;
  const settlementStore = new KyselySettlementStore(database.kysely, database.dialect);
  const settlement = new SettlementService(settlementStore, ledger, auditLogStore, clock);
  const schedule = options.schedule;
  const scheduledClose =
    schedule === undefined
      ? undefined
      : new ScheduledWindowClose(
          settlement,
          {
            schedule,
            intervalMs: scheduleCheckIntervalMs,
            onError: (error) => options.onJobError?.("settlement schedule", error),
          },
          clock,
        );
  return { settlementStore, settlement, scheduledClose };
}
