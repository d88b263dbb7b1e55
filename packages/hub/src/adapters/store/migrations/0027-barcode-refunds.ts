import { type Kysely, type Migration, sql } from "kysely";

/**
 * Refunds of barcode payments, one row per acquirer's refund id. A refund row is written in the
 * same transaction as the conditional raise of its payment's `refunded` (whose CHECK keeps it
 * at most the amount), so concurrent refunds never pass the payment together. `next_inquiry_at`
 * and `inquiries` are the status inquiry's, as for the other operations.
 */
export function barcodeRefundsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("barcode_refunds")
        .addColumn("acquirer_id", "text", (column) =>
          column.notNull().references("participants.id"),
        )
        .addColumn("id", "text", (column) => column.notNull())
        .addColumn("refund_id", "text", (column) => column.notNull().unique())
        .addColumn("payment_id", "text", (column) =>
          column.notNull().references("barcode_payments.payment_id"),
        )
        .addColumn("instrument", "text", (column) => column.notNull())
        .addColumn("issuer_id", "text", (column) => column.notNull().references("participants.id"))
        .addColumn("amount", "bigint", (column) => column.notNull().check(sql`amount > 0`))
        .addColumn("currency", "text", (column) => column.notNull())
        .addColumn("reason", "text")
        .addColumn("state", "text", (column) =>
          column.notNull().check(sql`state in ('processing', 'unknown', 'succeeded', 'declined')`),
        )
        .addColumn("failure_code", "text")
        .addColumn("failure_text", "text")
        .addColumn("request_hash", "text", (column) => column.notNull())
        .addColumn("next_inquiry_at", "bigint", (column) => column.notNull())
        .addColumn("inquiries", "integer", (column) => column.notNull().defaultTo(0))
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .addColumn("updated_at", "bigint", (column) => column.notNull())
        .addColumn("settled_at", "bigint")
        .addPrimaryKeyConstraint("barcode_refunds_pk", ["acquirer_id", "id"])
        .execute();
      // The inquiry job's claim: unsettled refunds, oldest due first.
      await db.schema
        .createIndex("barcode_refunds_due")
        .on("barcode_refunds")
        .columns(["state", "next_inquiry_at"])
        .execute();
      await db.schema
        .createIndex("barcode_refunds_payment")
        .on("barcode_refunds")
        .columns(["payment_id"])
        .execute();
    },
  };
}
