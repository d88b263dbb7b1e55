import { iso20022SettlementXml } from "../adapters/iso20022/settlement-report-xml.ts";
import type { Database } from "../adapters/store/database.ts";
import { KyselyParticipantStore } from "../adapters/store/kysely-participant-store.ts";
import { KyselySettlementStore } from "../adapters/store/kysely-settlement-store.ts";
import type { GroupCommit } from "../app/ledger/group-commit.ts";
import type { AuditLogStore } from "../app/ports/audit-log-store.ts";
import type { SettlementStore } from "../app/ports/settlement-store.ts";
import { SettlementFiles } from "../app/settlement/settlement-files.ts";
import type { SettlementSchedule } from "../app/settlement/settlement-schedule.ts";
import { SettlementService } from "../app/settlement/settlement-service.ts";
import { ScheduledWindowClose } from "../jobs/scheduled-window-close.ts";
import type { OnJobError } from "./hub-config.ts";

export interface SettlementParts {
  readonly settlementStore: SettlementStore;
  /** Settlement windows: close, report, confirm, abort. */
  readonly settlement: SettlementService;
  /** A closed window's CSV and ISO 20022 files. */
  readonly settlementFiles: SettlementFiles;
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
    /** The zone files are dated in: the schedule's unless given, else UTC. */
    readonly timeZone?: string | undefined;
    readonly onJobError?: OnJobError | undefined;
  } = {},
): SettlementParts {
  const clock = options.clock ?? Date.now;
  const settlementStore = new KyselySettlementStore(database.kysely, database.dialect);
  const settlement = new SettlementService(
    settlementStore,
    ledger,
    auditLogStore,
    new KyselyParticipantStore(database.kysely),
    clock,
  );
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
  const settlementFiles = new SettlementFiles(
    settlement,
    iso20022SettlementXml,
    options.timeZone ?? schedule?.timeZone ?? "UTC",
    clock,
  );
  return { settlementStore, settlement, settlementFiles, scheduledClose };
}
