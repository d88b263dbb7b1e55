import { type Kysely, sql } from "kysely";
import type {
  BarcodeRefundInsert,
  BarcodeRefundStore,
} from "../../app/ports/barcode-refund-store.ts";
import type { OperationWriteResult } from "../../app/ports/operation-store.ts";
import {
  type BarcodeRefund,
  unsettledBarcodeRefundStates,
} from "../../domain/barcode/barcode-refund.ts";
import type { PreparedEvent } from "../../domain/notifications/webhook-delivery.ts";
import { barcodeRefundFromRow, barcodeRefundRow } from "./barcode-refund-rows.ts";
import type { BarcodeRefundsTable } from "./barcode-tables.ts";
import type { Dialect } from "./database.ts";
import { insertOutboxEvents, updateWithOutboxEvents } from "./outbox-insert.ts";
import type { ClearhubSchema } from "./schema.ts";

/** Thrown inside the transaction to roll the refund row back when its payment cannot bear it. */
class RefundExceedsPayment extends Error {}

/** Refunds of barcode payments with plain Kysely, on SQLite and PostgreSQL; see the port. */
export class KyselyBarcodeRefundStore implements BarcodeRefundStore {
  constructor(
    private readonly db: Kysely<ClearhubSchema>,
    private readonly dialect: Dialect,
  ) {}

  async insert(
    refund: BarcodeRefund,
    events: readonly PreparedEvent[],
  ): Promise<BarcodeRefundInsert> {
    let created: boolean;
    try {
      created = await this.db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto("barcode_refunds")
          .values(barcodeRefundRow(refund))
          .onConflict((conflict) => conflict.columns(["acquirer_id", "id"]).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) return false;
        // The guard is in the statement, so a concurrent refund that raised `refunded` first
        // is seen (PostgreSQL re-reads the locked row; SQLite runs writers one at a time).
        const raised = await trx
          .updateTable("barcode_payments")
          .set({ refunded: sql`refunded + ${refund.amountMinor}` })
          .where("payment_id", "=", refund.paymentId)
          .where("state", "=", "succeeded")
          .where(sql<boolean>`refunded + ${refund.amountMinor} <= amount`)
          .executeTakeFirst();
        if (Number(raised.numUpdatedRows) !== 1) throw new RefundExceedsPayment();
        await insertOutboxEvents(trx, events);
        return true;
      });
    } catch (error) {
      if (error instanceof RefundExceedsPayment) {
        return { ok: false, code: "refund_exceeds_payment" };
      }
      throw error;
    }
    if (created) return { ok: true, refund, created: true };
    const stored = await this.find(refund.acquirerId, refund.id);
    if (stored === undefined)
      throw new Error(`barcode refund ${refund.id} conflicted, then vanished`);
    return { ok: true, refund: stored, created: false };
  }

  async find(acquirerId: string, id: string): Promise<BarcodeRefund | undefined> {
    const row = await this.db
      .selectFrom("barcode_refunds")
      .selectAll()
      .where("acquirer_id", "=", acquirerId)
      .where("id", "=", id)
      .executeTakeFirst();
    return row === undefined ? undefined : barcodeRefundFromRow(row);
  }

  async findByRefundId(refundId: string): Promise<BarcodeRefund | undefined> {
    const row = await this.db
      .selectFrom("barcode_refunds")
      .selectAll()
      .where("refund_id", "=", refundId)
      .executeTakeFirst();
    return row === undefined ? undefined : barcodeRefundFromRow(row);
  }

  async update(
    next: BarcodeRefund,
    fromState: BarcodeRefund["state"],
    events: readonly PreparedEvent[] = [],
  ): Promise<OperationWriteResult<BarcodeRefund>> {
    const {
      acquirer_id: _acquirer,
      id: _id,
      created_at: _created,
      inquiries: _inquiries,
      ...changes
    } = barcodeRefundRow(next);
    const givesBack = next.state === "declined" && fromState !== "declined";
    const updated = await updateWithOutboxEvents(this.db, events, async (trx) => {
      const result = await trx
        .updateTable("barcode_refunds")
        .set(changes)
        .where("acquirer_id", "=", next.acquirerId)
        .where("id", "=", next.id)
        .where("state", "=", fromState)
        .executeTakeFirst();
      if (givesBack && Number(result.numUpdatedRows) === 1) {
        await trx
          .updateTable("barcode_payments")
          .set({ refunded: sql`refunded - ${next.amountMinor}` })
          .where("payment_id", "=", next.paymentId)
          .execute();
      }
      return result;
    });
    return updated
      ? ({ ok: true, operation: next } as const)
      : ({ ok: false, code: "barcode_refund_state_conflict" } as const);
  }

  /** Only consumer-presented refunds are asked about: a merchant-presented one has no callee. */
  async claimDueInquiries(now: number, limit: number, leaseMs: number): Promise<BarcodeRefund[]> {
    const lockClause = this.dialect === "postgres" ? sql`for update skip locked` : sql``;
    const { rows } = await sql<BarcodeRefundsTable>`
      update barcode_refunds
      set next_inquiry_at = ${BigInt(now + leaseMs)}, inquiries = inquiries + 1
      where (acquirer_id, id) in (
        select acquirer_id, id from barcode_refunds
        where state in (${sql.join([...unsettledBarcodeRefundStates])})
          and instrument in ('payment_code', 'prepaid_card')
          and next_inquiry_at <= ${BigInt(now)}
        order by next_inquiry_at
        limit ${limit}
        ${lockClause}
      )
      returning *`.execute(this.db);
    return rows.map(barcodeRefundFromRow);
  }
}
