import type { BillPaymentInsert, BillPaymentStore } from "../../app/ports/bill-payment-store.ts";
import type { OperationWriteResult } from "../../app/ports/operation-store.ts";
import { type BillPayment, isBillPaymentSettled } from "../../domain/bill-payments/bill-payment.ts";
import type { PreparedEvent } from "../../domain/notifications/webhook-delivery.ts";

/** Bill payments in memory, for unit tests: the port's rules in one process. */
export class MemoryBillPaymentStore implements BillPaymentStore {
  private readonly rows = new Map<string, BillPayment>();
  /** The events written with states, in order. */
  readonly events: PreparedEvent[] = [];

  async insert(payment: BillPayment): Promise<BillPaymentInsert> {
    const stored = this.rows.get(keyOf(payment.channelId, payment.id));
    if (stored !== undefined) return { payment: stored, created: false };
    if ([...this.rows.values()].some((row) => row.postingId === payment.postingId)) {
      throw new Error(`posting id ${payment.postingId} is taken`);
    }
    this.rows.set(keyOf(payment.channelId, payment.id), payment);
    return { payment, created: true };
  }

  async find(channelId: string, id: string): Promise<BillPayment | undefined> {
    return this.rows.get(keyOf(channelId, id));
  }

  async findByPosting(billerId: string, postingId: string): Promise<BillPayment | undefined> {
    return [...this.rows.values()].find(
      (row) => row.billerId === billerId && row.postingId === postingId,
    );
  }

  async update(
    next: BillPayment,
    fromState: BillPayment["state"],
    events: readonly PreparedEvent[] = [],
  ): Promise<OperationWriteResult<BillPayment>> {
    const key = keyOf(next.channelId, next.id);
    const stored = this.rows.get(key);
    if (stored === undefined || stored.state !== fromState) {
      return { ok: false, code: "bill_payment_state_conflict" };
    }
    // As the SQL store: the take-up count is the claim's to move, never an update's.
    const written = { ...next, inquiries: stored.inquiries };
    this.rows.set(key, written);
    this.events.push(...events);
    return { ok: true, operation: written };
  }

  async claimDueInquiries(now: number, limit: number, leaseMs: number): Promise<BillPayment[]> {
    const due = [...this.rows.values()]
      .filter((row) => !isBillPaymentSettled(row.state) && row.nextInquiryAt <= now)
      .sort((a, b) => a.nextInquiryAt - b.nextInquiryAt)
      .slice(0, limit)
      .map((row) => ({ ...row, inquiries: row.inquiries + 1, nextInquiryAt: now + leaseMs }));
    for (const row of due) this.rows.set(keyOf(row.channelId, row.id), row);
    return due;
  }

  async listFailed(limit: number): Promise<BillPayment[]> {
    return [...this.rows.values()]
      .filter((row) => row.state === "posting_failed")
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .slice(0, limit);
  }
}

function keyOf(channelId: string, id: string): string {
  return `${channelId}\u0000${id}`;
}
