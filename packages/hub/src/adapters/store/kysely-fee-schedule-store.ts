import type { Kysely, Selectable } from "kysely";
import { type FeeScheduleStore, feeSchedulesMax } from "../../app/ports/fee-schedule-store.ts";
import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import type {
  FeeScheduleKey,
  FeeTransactionType,
  StoredFeeSchedule,
} from "../../domain/fees/fee-schedule.ts";
import { appendAuditEntry } from "./audit-log-append.ts";
import type { FeeSchedulesTable } from "./fee-tables.ts";
import type { ClearhubSchema } from "./schema.ts";

/** The payer column's value for the network-wide default; no participant id can be it. */
const networkDefaultPayer = "*";

function payerColumn(participantId: string | null): string {
  return participantId ?? networkDefaultPayer;
}

function scheduleFromRow(row: Selectable<FeeSchedulesTable>): StoredFeeSchedule {
  return {
    transactionType: row.transaction_type as FeeTransactionType,
    participantId: row.payer_id === networkDefaultPayer ? null : row.payer_id,
    currency: row.currency,
    fixedMinor: BigInt(row.fixed_minor),
    basisPoints: Number(row.basis_points),
    minimumMinor: BigInt(row.minimum_minor),
    maximumMinor: row.maximum_minor === null ? null : BigInt(row.maximum_minor),
    updatedAt: Number(row.updated_at),
    updatedBy: row.updated_by,
  };
}

function compareRows(a: FeeSchedulesTable, b: FeeSchedulesTable): number {
  const keyOf = (row: FeeSchedulesTable) =>
    `${row.transaction_type} ${row.currency} ${row.payer_id}`;
  const [left, right] = [keyOf(a), keyOf(b)];
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Fee schedules with plain Kysely: the same statements on both dialects. */
export class KyselyFeeScheduleStore implements FeeScheduleStore {
  constructor(private readonly db: Kysely<ClearhubSchema>) {}

  async put(schedule: StoredFeeSchedule, audit: AuditRecord): Promise<void> {
    const values = {
      fixed_minor: schedule.fixedMinor,
      basis_points: schedule.basisPoints,
      minimum_minor: schedule.minimumMinor,
      maximum_minor: schedule.maximumMinor,
      updated_at: BigInt(schedule.updatedAt),
      updated_by: schedule.updatedBy,
    };
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("fee_schedules")
        .values({
          transaction_type: schedule.transactionType,
          payer_id: payerColumn(schedule.participantId),
          currency: schedule.currency,
          ...values,
        })
        .onConflict((conflict) =>
          conflict.columns(["transaction_type", "payer_id", "currency"]).doUpdateSet(values),
        )
        .execute();
      await appendAuditEntry(trx, audit);
    });
  }

  async remove(key: FeeScheduleKey, audit: AuditRecord): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const deleted = await trx
        .deleteFrom("fee_schedules")
        .where("transaction_type", "=", key.transactionType)
        .where("payer_id", "=", payerColumn(key.participantId))
        .where("currency", "=", key.currency)
        .executeTakeFirst();
      if (deleted.numDeletedRows === 0n) return false;
      await appendAuditEntry(trx, audit);
      return true;
    });
  }

  async list(): Promise<StoredFeeSchedule[]> {
    const rows = await this.db
      .selectFrom("fee_schedules")
      .selectAll()
      .limit(feeSchedulesMax)
      .execute();
    // Sorted here, not by the database: PostgreSQL's collation may place `*` anywhere.
    return rows.sort(compareRows).map(scheduleFromRow);
  }
}
