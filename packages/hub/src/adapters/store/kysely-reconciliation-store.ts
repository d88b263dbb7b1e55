import type { Selectable } from "kysely";
import type {
  BreakFilter,
  BreakResolutionChange,
  MatchRun,
  ReconciliationStore,
  RecordStaging,
} from "../../app/ports/reconciliation-store.ts";
import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import type {
  BreakKind,
  BreakState,
  ReconciliationBreak,
} from "../../domain/reconciliation/reconciliation-break.ts";
import { appendAuditEntry } from "./audit-log-append.ts";
import type { Database } from "./database.ts";
import { PostgresScratchConnection } from "./postgres-scratch-connection.ts";
import type { ReconBreaksTable } from "./reconciliation-tables.ts";
import { ScratchMatch } from "./scratch-match.ts";
import { SqliteScratchConnection } from "./sqlite-scratch-connection.ts";

function nullableNumber(value: bigint | number | null): number | null {
  return value === null ? null : Number(value);
}

function nullableBigint(value: bigint | number | null): bigint | null {
  return value === null ? null : BigInt(value);
}

function breakFromRow(row: Selectable<ReconBreaksTable>): ReconciliationBreak {
  return {
    id: row.id,
    runId: row.run_id,
    participantId: row.participant_id,
    day: row.day,
    kind: row.kind as BreakKind,
    matchKey: row.match_key,
    hubTransactionId: row.hub_transaction_id,
    participantReference: row.participant_reference,
    currency: row.currency,
    hubAmountMinor: nullableBigint(row.hub_amount),
    participantAmountMinor: nullableBigint(row.participant_amount),
    hubStatus: row.hub_status,
    participantStatus: row.participant_status,
    line: nullableNumber(row.line),
    state: row.state as BreakState,
    reason: row.reason,
    reversalTransferId: row.reversal_transfer_id,
    resolvedBy: row.resolved_by,
    resolvedAt: nullableNumber(row.resolved_at),
    createdAt: Number(row.created_at),
  };
}

/** Reconciliation runs and breaks; the match itself runs in each dialect's scratch space. */
export class KyselyReconciliationStore implements ReconciliationStore {
  constructor(private readonly database: Database) {}

  async stage(run: MatchRun): Promise<RecordStaging> {
    const { kysely, sqlite, postgresPool } = this.database;
    const connection =
      sqlite !== null
        ? new SqliteScratchConnection(kysely, sqlite)
        : await PostgresScratchConnection.open(
            kysely,
            postgresPool as NonNullable<typeof postgresPool>,
          );
    return new ScratchMatch(run, connection);
  }

  async listBreaks(filter: BreakFilter): Promise<ReconciliationBreak[]> {
    let query = this.database.kysely.selectFrom("recon_breaks").selectAll();
    if (filter.participantId !== undefined) {
      query = query.where("participant_id", "=", filter.participantId);
    }
    if (filter.day !== undefined) query = query.where("day", "=", filter.day);
    if (filter.state !== undefined) query = query.where("state", "=", filter.state);
    if (filter.kind !== undefined) query = query.where("kind", "=", filter.kind);
    if (filter.afterId !== undefined) query = query.where("id", ">", filter.afterId);
    const rows = await query.orderBy("id").limit(filter.limit).execute();
    return rows.map(breakFromRow);
  }

  async findBreak(id: string): Promise<ReconciliationBreak | undefined> {
    const row = await this.database.kysely
      .selectFrom("recon_breaks")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row === undefined ? undefined : breakFromRow(row);
  }

  resolveBreak(id: string, change: BreakResolutionChange, audit: AuditRecord): Promise<boolean> {
    return this.database.kysely.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable("recon_breaks")
        .set({
          state: change.state,
          reason: change.reason,
          reversal_transfer_id: change.reversalTransferId,
          resolved_by: change.resolvedBy,
          resolved_at: BigInt(change.resolvedAt),
        })
        .where("id", "=", id)
        .where("state", "=", "open")
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) return false;
      await appendAuditEntry(trx, audit);
      return true;
    });
  }
}
