import { type Kysely, sql } from "kysely";
import type { BillPaymentInsert, BillPaymentStore } from "../../app/ports/bill-payment-store.ts";
import type { OperationWriteResult } from "../../app/ports/operation-store.ts";
import {
  type BillPayment,
  unsettledBillPaymentStates,
} from "../../domain/bill-payments/bill-payment.ts";
import type { PreparedEvent } from "../../domain/notifications/webhook-delivery.ts";
import { billPaymentFromRow, billPaymentRow } from "./bill-payment-rows.ts";
import type { BillPaymentsTable } from "./biller-tables.ts";
import type { Dialect } from "./database.ts";
import { updateWithOutboxEvents } from "./outbox-insert.ts";
import type { ClearhubSchema } from "./schema.ts";

/** Bill payments with plain Kysely, on SQLite and PostgreSQL; see the port for the rules. */
export class KyselyBillPaymentStore implements BillPaymentStore {
  constructor(
    private readonly db: Kysely<ClearhubSchema>,
    private readonly dialect: Dialect,
  ) {}

  async insert(payment: BillPayment): Promise<BillPaymentInsert> {
    const inserted = await this.db
      .insertInto("bill_payments")
      .values(billPaymentRow(payment))
      .onConflict((conflict) => conflict.columns(["channel_id", "id"]).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return { payment, created: true };
    const stored = await this.find(payment.channelId, payment.id);
    if (stored === undefined)
      throw new Error(`bill payment ${payment.id} conflicted, then vanished`);
    return { payment: stored, created: false };
  }

  async find(channelId: string, id: string): Promise<BillPayment | undefined> {
    const row = await this.db
      .selectFrom("bill_payments")
      .selectAll()
      .where("channel_id", "=", channelId)
      .where("id", "=", id)
      .executeTakeFirst();
    return row === undefined ? undefined : billPaymentFromRow(row);
  }

  async findByPosting(billerId: string, postingId: string): Promise<BillPayment | undefined> {
    const row = await this.db
      .selectFrom("bill_payments")
      .selectAll()
      .where("biller_id", "=", billerId)
      .where("posting_id", "=", postingId)
      .executeTakeFirst();
    return row === undefined ? undefined : billPaymentFromRow(row);
  }

  async update(
    next: BillPayment,
    fromState: BillPayment["state"],
    events: readonly PreparedEvent[] = [],
  ): Promise<OperationWriteResult<BillPayment>> {
    const {
      channel_id: _channel,
      id: _id,
      created_at: _created,
      inquiries: _inquiries,
      ...changes
    } = billPaymentRow(next);
    const updated = await updateWithOutboxEvents(this.db, events, (trx) =>
      trx
        .updateTable("bill_payments")
        .set(changes)
        .where("channel_id", "=", next.channelId)
        .where("id", "=", next.id)
        .where("state", "=", fromState)
        .executeTakeFirst(),
    );
    return updated
      ? ({ ok: true, operation: next } as const)
      : ({ ok: false, code: "bill_payment_state_conflict" } as const);
  }

  async claimDueInquiries(now: number, limit: number, leaseMs: number): Promise<BillPayment[]> {
    const lockClause = this.dialect === "postgres" ? sql`for update skip locked` : sql``;
    const { rows } = await sql<BillPaymentsTable>`
      update bill_payments
      set next_inquiry_at = ${BigInt(now + leaseMs)}, inquiries = inquiries + 1
      where (channel_id, id) in (
        select channel_id, id from bill_payments
        where state in (${sql.join([...unsettledBillPaymentStates])})
          and next_inquiry_at <= ${BigInt(now)}
        order by next_inquiry_at
        limit ${limit}
        ${lockClause}
      )
      returning *`.execute(this.db);
    return rows.map(billPaymentFromRow);
  }

  async listFailed(limit: number): Promise<BillPayment[]> {
    const rows = await this.db
      .selectFrom("bill_payments")
      .selectAll()
      .where("state", "=", "posting_failed")
      .orderBy("updated_at", "desc")
      .orderBy("channel_id")
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map(billPaymentFromRow);
  }
}
