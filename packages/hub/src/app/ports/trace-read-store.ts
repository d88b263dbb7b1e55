import type { AuditEntry } from "../../domain/audit/audit-entry.ts";
import type { BankOperation } from "../../domain/bank-operations/bank-operation.ts";
import type { BankCallRecord } from "./bank-call-log.ts";

export interface NoticeRecord {
  readonly bankId: string;
  readonly noticeId: string;
  readonly kind: string;
  readonly receivedAt: number;
}

export interface DeliveryRecord {
  readonly deliveryId: number;
  readonly participantId: string;
  readonly endpointId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly status: string;
  readonly attempts: number;
  readonly lastStatusCode: number | null;
  readonly lastError: string | null;
  readonly createdAt: number;
  readonly lastAttemptAt: number | null;
  readonly deliveredAt: number | null;
}

/** What a payment's trace reads, each by an index on the id it starts from. */
export interface TraceReadStore {
  findOperationByTransaction(transactionId: string): Promise<BankOperation | undefined>;
  /** Operations under this id at any institution, newest first. */
  findOperationsById(id: string): Promise<BankOperation[]>;
  findLatestOperationOfAgreement(agreementId: string): Promise<BankOperation | undefined>;
  /** The transaction a bank notice with this id concerns. */
  findNoticeTransaction(noticeId: string): Promise<string | undefined>;
  listBankCalls(transactionId: string): Promise<BankCallRecord[]>;
  listNotices(transactionId: string): Promise<NoticeRecord[]>;
  listDeliveries(
    participantIds: readonly string[],
    eventIds: readonly string[],
  ): Promise<DeliveryRecord[]>;
  /** Entries whose subject is one of `ids`, or whose details name one of them. */
  listAuditEntries(ids: readonly string[]): Promise<AuditEntry[]>;
}
