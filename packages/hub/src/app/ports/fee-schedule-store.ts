import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import type { FeeScheduleKey, StoredFeeSchedule } from "../../domain/fees/fee-schedule.ts";

/** More schedules than a network sets (five types × currencies × payers); a list stops there. */
export const feeSchedulesMax = 10_000;

/** Fee schedules; every change is written with its audit entry, in one transaction. */
export interface FeeScheduleStore {
  /** Inserts the schedule, or replaces the one with its key. */
  put(schedule: StoredFeeSchedule, audit: AuditRecord): Promise<void>;
  /** Whether a schedule with the key existed (and is now gone). */
  remove(key: FeeScheduleKey, audit: AuditRecord): Promise<boolean>;
  /** Every schedule, by type, currency, then payer (the default first); at most `feeSchedulesMax`. */
  list(): Promise<StoredFeeSchedule[]>;
}
