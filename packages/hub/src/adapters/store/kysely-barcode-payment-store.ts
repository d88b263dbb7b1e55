import { type Kysely, sql } from "kysely";
import type {
  BarcodePaymentInsert,
  BarcodePaymentStore,
  DynamicCodeClaim,
  DynamicCodeRef,
} from "../../app/ports/barcode-payment-store.ts";
import type { OperationWriteResult } from "../../app/ports/operation-store.ts";
import {
  type BarcodePayment,
  unsettledBarcodePaymentStates,
} from "../../domain/barcode/barcode-payment.ts";
import type { PreparedEvent } from "../../domain/notifications/webhook-delivery.ts";
import { barcodePaymentFromRow, barcodePaymentRow } from "./barcode-payment-rows.ts";
import type { BarcodePaymentsTable } from "./barcode-tables.ts";
import type { Dialect } from "./database.ts";
import { insertOutboxEvents, updateWithOutboxEvents } from "./outbox-insert.ts";
import type { ClearhubSchema } from "./schema.ts";

/** Barcode payments with plain Kysely, on SQLite and PostgreSQL; see the port for the rules. */
export class KyselyBarcodePaymentStore implements BarcodePaymentStore {
  constructor(
    private readonly db: Kysely<ClearhubSchema>,
    private readonly dialect: Dialect,
  ) {}

  async insert(
    payment: BarcodePayment,
    events: readonly PreparedEvent[],
  ): Promise<BarcodePaymentInsert> {
    const created = await this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto("barcode_payments")
        .values(barcodePaymentRow(payment))
        .onConflict((conflict) => conflict.columns(["initiator_id", "id"]).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) return false;
      await insertOutboxEvents(trx, events);
      return true;
    });
    if (created) return { payment, created: true };
    const stored = await this.find(payment.initiatorId, payment.id);
    if (stored === undefined) {
      throw new Error(`barcode payment ${payment.id} conflicted, then vanished`);
    }
    return { payment: stored, created: false };
  }

  async find(initiatorId: string, id: string): Promise<BarcodePayment | undefined> {
    const row = await this.db
      .selectFrom("barcode_payments")
      .selectAll()
      .where("initiator_id", "=", initiatorId)
      .where("id", "=", id)
      .executeTakeFirst();
    return row === undefined ? undefined : barcodePaymentFromRow(row);
  }

  async findByPaymentId(paymentId: string): Promise<BarcodePayment | undefined> {
    const row = await this.db
      .selectFrom("barcode_payments")
      .selectAll()
      .where("payment_id", "=", paymentId)
      .executeTakeFirst();
    return row === undefined ? undefined : barcodePaymentFromRow(row);
  }

  async findOrder(code: DynamicCodeRef, limit: number): Promise<BarcodePayment[]> {
    const rows = await this.db
      .selectFrom("barcode_payments")
      .selectAll()
      .where("acquirer_id", "=", code.acquirerId)
      .where("merchant_id", "=", code.merchantId)
      .where("order_reference", "=", code.orderReference)
      .orderBy("created_at")
      .orderBy("payment_id")
      .limit(limit)
      .execute();
    return rows.map(barcodePaymentFromRow);
  }

  async claimDynamicCode(
    code: DynamicCodeRef,
    paymentId: string,
    at: number,
  ): Promise<DynamicCodeClaim> {
    // The common case costs one statement: the row comes back only when this payment inserted it.
    const inserted = await this.db
      .insertInto("dynamic_code_claims")
      .values({
        acquirer_id: code.acquirerId,
        merchant_id: code.merchantId,
        order_reference: code.orderReference,
        payment_id: paymentId,
        claimed_at: BigInt(at),
      })
      .onConflict((conflict) =>
        conflict.columns(["acquirer_id", "merchant_id", "order_reference"]).doNothing(),
      )
      .returning("payment_id")
      .executeTakeFirst();
    if (inserted !== undefined) return { claimed: true };
    const claim = await this.db
      .selectFrom("dynamic_code_claims")
      .select("payment_id")
      .where("acquirer_id", "=", code.acquirerId)
      .where("merchant_id", "=", code.merchantId)
      .where("order_reference", "=", code.orderReference)
      .executeTakeFirstOrThrow();
    return claim.payment_id === paymentId
      ? { claimed: true }
      : { claimed: false, paymentId: claim.payment_id };
  }

  async releaseDynamicCode(code: DynamicCodeRef, paymentId: string): Promise<void> {
    await this.db
      .deleteFrom("dynamic_code_claims")
      .where("acquirer_id", "=", code.acquirerId)
      .where("merchant_id", "=", code.merchantId)
      .where("order_reference", "=", code.orderReference)
      .where("payment_id", "=", paymentId)
      .execute();
  }

  async update(
    next: BarcodePayment,
    fromState: BarcodePayment["state"],
    events: readonly PreparedEvent[] = [],
  ): Promise<OperationWriteResult<BarcodePayment>> {
    const {
      initiator_id: _initiator,
      id: _id,
      created_at: _created,
      inquiries: _inquiries,
      // Refunds move `refunded` under their own guard (the refund store); never written back.
      refunded: _refunded,
      ...changes
    } = barcodePaymentRow(next);
    const updated = await updateWithOutboxEvents(this.db, events, (trx) =>
      trx
        .updateTable("barcode_payments")
        .set(changes)
        .where("initiator_id", "=", next.initiatorId)
        .where("id", "=", next.id)
        .where("state", "=", fromState)
        .executeTakeFirst(),
    );
    return updated
      ? ({ ok: true, operation: next } as const)
      : ({ ok: false, code: "barcode_payment_state_conflict" } as const);
  }

  async claimDueInquiries(now: number, limit: number, leaseMs: number): Promise<BarcodePayment[]> {
    const lockClause = this.dialect === "postgres" ? sql`for update skip locked` : sql``;
    const { rows } = await sql<BarcodePaymentsTable>`
      update barcode_payments
      set next_inquiry_at = ${BigInt(now + leaseMs)}, inquiries = inquiries + 1
      where (initiator_id, id) in (
        select initiator_id, id from barcode_payments
        where state in (${sql.join([...unsettledBarcodePaymentStates])})
          and next_inquiry_at <= ${BigInt(now)}
        order by next_inquiry_at
        limit ${limit}
        ${lockClause}
      )
      returning *`.execute(this.db);
    return rows.map(barcodePaymentFromRow);
  }
}
