import type { AuditEntry } from "../../domain/audit/audit-entry.ts";
import type { BankOperation } from "../../domain/bank-operations/bank-operation.ts";
import { resolutionTransferId } from "../../domain/ledger/transfer.ts";
import type { BankCallRecord } from "../ports/bank-call-log.ts";
import type { DeliveryRecord, NoticeRecord, TraceReadStore } from "../ports/trace-read-store.ts";
import type { TransferRecord, TransferSearchStore } from "../ports/transfer-search-store.ts";

/** Types and limits of what this use-case answers, for the HTTP layer that shows them. */
export type { BankCallRecord } from "../ports/bank-call-log.ts";

export interface PaymentTrace {
  readonly query: string;
  readonly operation: BankOperation | null;
  readonly transfers: readonly TransferRecord[];
  /** Every call to the bank about the transaction, in the order made. */
  readonly bankCalls: readonly BankCallRecord[];
  /** The status inquiries among them. */
  readonly inquiries: readonly BankCallRecord[];
  readonly notices: readonly NoticeRecord[];
  readonly webhooks: readonly DeliveryRecord[];
  readonly auditEntries: readonly AuditEntry[];
}

const operationEventTypes: Readonly<Record<BankOperation["kind"], readonly string[]>> = {
  debit: ["payment.succeeded", "payment.failed"],
  credit: ["payout.succeeded", "payout.failed"],
  refund: ["refund.succeeded", "refund.failed"],
};
const transferEventTypes = [
  "transfer.credited",
  "transfer.reserved",
  "transfer.committed",
  "transfer.voided",
  "transfer.expired",
];
/** A late success is posted under the transaction id with this suffix (see the runner). */
const lateSuffix = ".late";

/**
 * One payment end to end, found from any id it carries: its bank operation (by the
 * institution's id, the transaction id, its agreement, the event id of its webhook, or a bank
 * notice's id), its ledger transfers, every call to the bank, the notices, the webhooks and the
 * audit entries. A plain transfer between participants traces too, without an operation.
 */
export class PaymentTraceService {
  constructor(
    private readonly store: TraceReadStore,
    private readonly transfers: TransferSearchStore,
  ) {}

  async trace(query: string): Promise<PaymentTrace | undefined> {
    const operation = await this.operationFor(query);
    const transactionId = operation?.transactionId;
    const transfers =
      transactionId === undefined
        ? await this.transfersAround(await this.transferFor(query))
        : await this.transfersOfTransaction(transactionId);
    if (operation === undefined && transfers.length === 0) return undefined;
    const bankCalls =
      transactionId === undefined ? [] : await this.store.listBankCalls(transactionId);
    const ids = [
      query,
      ...(operation === undefined ? [] : [operation.id, operation.transactionId]),
    ];
    return {
      query,
      operation: operation ?? null,
      transfers,
      bankCalls,
      inquiries: bankCalls.filter((call) => call.call === "inquiry"),
      notices: transactionId === undefined ? [] : await this.store.listNotices(transactionId),
      webhooks: await this.webhooksOf(operation, transfers),
      auditEntries: await this.store.listAuditEntries([
        ...new Set([...ids, ...transfers.map((transfer) => transfer.id)]),
      ]),
    };
  }

  /** The operation the id names, trying each kind of id an operation carries. */
  private async operationFor(query: string): Promise<BankOperation | undefined> {
    const byTransaction = await this.store.findOperationByTransaction(query);
    if (byTransaction !== undefined) return byTransaction;
    const [byId] = await this.store.findOperationsById(query);
    if (byId !== undefined) return byId;
    const fromEvent = await this.operationOfEventId(query);
    if (fromEvent !== undefined) return fromEvent;
    const transfer = await this.transferFor(query);
    const transaction = transfer?.pendingId ?? transfer?.id.replace(/\.late$/, "");
    if (transaction !== undefined) {
      const byTransfer = await this.store.findOperationByTransaction(transaction);
      if (byTransfer !== undefined) return byTransfer;
    }
    const noticed = await this.store.findNoticeTransaction(query);
    if (noticed !== undefined) return this.store.findOperationByTransaction(noticed);
    return this.store.findLatestOperationOfAgreement(query);
  }

  /** `<type>:<institution>:<operation id>` is an operation's event; see bank-operation-event.ts. */
  private async operationOfEventId(query: string): Promise<BankOperation | undefined> {
    const [type, institution, ...rest] = query.split(":");
    const known = Object.values(operationEventTypes).some((types) => types.includes(type ?? ""));
    if (!known || institution === undefined || rest.length === 0) return undefined;
    const candidates = await this.store.findOperationsById(rest.join(":"));
    return candidates.find((operation) => operation.paymentInstitutionId === institution);
  }

  /** A transfer by its id, or by the id of an event about it (`transfer.<what>:<id>`). */
  private async transferFor(query: string): Promise<TransferRecord | undefined> {
    const direct = await this.transfers.find(query);
    if (direct !== undefined) return direct;
    const [type, ...rest] = query.split(":");
    if (!transferEventTypes.includes(type ?? "") || rest.length === 0) return undefined;
    return this.transfers.find(rest.join(":"));
  }

  /** A transfer with the reservation it resolves, or the resolution that ended it. */
  private async transfersAround(transfer: TransferRecord | undefined): Promise<TransferRecord[]> {
    if (transfer === undefined) return [];
    const other = transfer.pendingId ?? transfer.resolvedBy;
    const related = other === null ? undefined : await this.transfers.find(other);
    const pair = related === undefined ? [transfer] : [transfer, related];
    return pair.sort((a, b) => (a.pendingId === null ? -1 : b.pendingId === null ? 1 : 0));
  }

  /** The reservation under the transaction id, its resolution, and a late posting if any. */
  private async transfersOfTransaction(transactionId: string): Promise<TransferRecord[]> {
    const reservation = await this.transfers.find(transactionId);
    const found = await this.transfersAround(reservation);
    const late = await this.transfers.find(`${transactionId}${lateSuffix}`);
    if (reservation === undefined) {
      for (const kind of ["commit", "void", "expire"] as const) {
        const orphan = await this.transfers.find(resolutionTransferId(kind, transactionId));
        if (orphan !== undefined) found.push(orphan);
      }
    }
    return late === undefined ? found : [...found, late];
  }

  private webhooksOf(
    operation: BankOperation | undefined,
    transfers: readonly TransferRecord[],
  ): Promise<DeliveryRecord[]> {
    const recipients = new Set<string>();
    const eventIds: string[] = [];
    if (operation !== undefined) {
      recipients.add(operation.paymentInstitutionId);
      for (const type of operationEventTypes[operation.kind]) {
        eventIds.push(`${type}:${operation.paymentInstitutionId}:${operation.id}`);
      }
    }
    for (const transfer of transfers) {
      recipients.add(transfer.payerId).add(transfer.payeeId);
      const subject = transfer.pendingId ?? transfer.id;
      for (const type of transferEventTypes) eventIds.push(`${type}:${subject}`);
    }
    return this.store.listDeliveries([...recipients], [...new Set(eventIds)]);
  }
}
