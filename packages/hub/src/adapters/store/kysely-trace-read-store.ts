import type { Kysely } from "kysely";
import type { BankCallName, BankCallRecord } from "../../app/ports/bank-call-log.ts";
import type {
  DeliveryRecord,
  NoticeRecord,
  TraceReadStore,
} from "../../app/ports/trace-read-store.ts";
import type { AuditEntry } from "../../domain/audit/audit-entry.ts";
import type { BankOperation } from "../../domain/bank-operations/bank-operation.ts";
import { auditEntryFromRow } from "./audit-log-append.ts";
import { operationFromRow } from "./bank-operation-rows.ts";
import type { ClearhubSchema } from "./schema.ts";

const nullableNumber = (value: number | bigint | null) => (value === null ? null : Number(value));
/** A trace is one payment: more rows than this of any kind means something else is wrong. */
const traceRowsMax = 200;

export class KyselyTraceReadStore implements TraceReadStore {
  constructor(private readonly db: Kysely<ClearhubSchema>) {}

  async findOperationByTransaction(transactionId: string): Promise<BankOperation | undefined> {
    const row = await this.db
      .selectFrom("bank_operations")
      .selectAll()
      .where("transaction_id", "=", transactionId)
      .executeTakeFirst();
    return row === undefined ? undefined : operationFromRow(row);
  }

  async findOperationsById(id: string): Promise<BankOperation[]> {
    const rows = await this.db
      .selectFrom("bank_operations")
      .selectAll()
      .where("id", "=", id)
      .orderBy("created_at", "desc")
      .limit(traceRowsMax)
      .execute();
    return rows.map(operationFromRow);
  }

  async findLatestOperationOfAgreement(agreementId: string): Promise<BankOperation | undefined> {
    const row = await this.db
      .selectFrom("bank_operations")
      .selectAll()
      .where("agreement_id", "=", agreementId)
      .orderBy("created_at", "desc")
      .executeTakeFirst();
    return row === undefined ? undefined : operationFromRow(row);
  }

  async findNoticeTransaction(noticeId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom("bank_notices")
      .select("transaction_id")
      .where("notice_id", "=", noticeId)
      .where("transaction_id", "is not", null)
      .executeTakeFirst();
    return row?.transaction_id ?? undefined;
  }

  async listBankCalls(transactionId: string): Promise<BankCallRecord[]> {
    const rows = await this.db
      .selectFrom("bank_calls")
      .selectAll()
      .where("transaction_id", "=", transactionId)
      .orderBy("seq")
      .limit(traceRowsMax)
      .execute();
    return rows.map((row) => ({
      at: Number(row.at),
      bankId: row.bank_id,
      endpointId: row.endpoint_id,
      transactionId: row.transaction_id,
      call: row.call as BankCallName,
      attempt: Number(row.attempt),
      outcome: row.outcome,
      detail: row.detail,
      latencyMs: Number(row.latency_ms),
    }));
  }

  async listNotices(transactionId: string): Promise<NoticeRecord[]> {
    const rows = await this.db
      .selectFrom("bank_notices")
      .selectAll()
      .where("transaction_id", "=", transactionId)
      .orderBy("received_at")
      .limit(traceRowsMax)
      .execute();
    return rows.map((row) => ({
      bankId: row.bank_id,
      noticeId: row.notice_id,
      kind: row.kind,
      receivedAt: Number(row.received_at),
    }));
  }

  async listDeliveries(
    participantIds: readonly string[],
    eventIds: readonly string[],
  ): Promise<DeliveryRecord[]> {
    if (participantIds.length === 0 || eventIds.length === 0) return [];
    const rows = await this.db
      .selectFrom("webhook_deliveries")
      .selectAll()
      .where("participant_id", "in", participantIds)
      .where("event_id", "in", eventIds)
      .orderBy("id")
      .limit(traceRowsMax)
      .execute();
    return rows.map((row) => ({
      deliveryId: Number(row.id),
      participantId: row.participant_id,
      endpointId: row.endpoint_id,
      eventId: row.event_id,
      eventType: row.event_type,
      status: row.status,
      attempts: Number(row.attempts),
      lastStatusCode: nullableNumber(row.last_status_code),
      lastError: row.last_error,
      createdAt: Number(row.created_at),
      lastAttemptAt: nullableNumber(row.last_attempt_at),
      deliveredAt: nullableNumber(row.delivered_at),
    }));
  }

  /**
   * The audit log holds operator actions only, a small table next to the ledger, so matching
   * ids inside the details' text is affordable; ids are quoted to match whole values.
   */
  async listAuditEntries(ids: readonly string[]): Promise<AuditEntry[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom("audit_log")
      .selectAll()
      .where((eb) =>
        eb.or([
          eb("subject", "in", ids),
          ...ids.map((id) =>
            eb("details", "like", `%${JSON.stringify(id).replace(/[%\\]/g, "")}%`),
          ),
        ]),
      )
      .orderBy("seq")
      .limit(traceRowsMax)
      .execute();
    return rows.map(auditEntryFromRow);
  }
}
