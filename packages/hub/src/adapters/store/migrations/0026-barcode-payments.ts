import { type Kysely, type Migration, sql } from "kysely";

/**
 * Barcode payments, both modes, one row per initiator's payment (the issuer's for
 * merchant-presented codes, the acquirer's for consumer-presented ones), and the claims of
 * dynamic merchant-presented codes: a dynamic code pays once, so its claim is taken before any
 * money moves, keyed by the acquirer, the merchant and the code's order reference.
 * `next_inquiry_at` is the inquiry job's claim lease and `inquiries` its count of take-ups, as
 * for bank operations and bill postings.
 */
export function barcodePaymentsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("barcode_payments")
        .addColumn("initiator_id", "text", (column) =>
          column.notNull().references("participants.id"),
        )
        .addColumn("id", "text", (column) => column.notNull())
        .addColumn("payment_id", "text", (column) => column.notNull().unique())
        .addColumn("instrument", "text", (column) =>
          column
            .notNull()
            .check(sql`instrument in ('static_qr', 'dynamic_qr', 'payment_code', 'prepaid_card')`),
        )
        .addColumn("issuer_id", "text", (column) => column.notNull().references("participants.id"))
        .addColumn("acquirer_id", "text", (column) =>
          column.notNull().references("participants.id"),
        )
        .addColumn("merchant_id", "text", (column) => column.notNull())
        .addColumn("amount", "bigint", (column) => column.notNull().check(sql`amount > 0`))
        .addColumn("currency", "text", (column) => column.notNull())
        .addColumn("order_reference", "text")
        .addColumn("sealed_number", "text")
        .addColumn("masked_number", "text")
        .addColumn("customer_key", "text")
        .addColumn("verification_level", "text", (column) =>
          column.check(sql`verification_level in ('A', 'B', 'C', 'D')`),
        )
        .addColumn("request_hash", "text", (column) => column.notNull())
        .addColumn("state", "text", (column) =>
          column
            .notNull()
            .check(
              sql`state in ('authorising', 'unknown', 'pending', 'reversing', 'succeeded', 'declined', 'reversed')`,
            ),
        )
        .addColumn("authorization_code", "text")
        .addColumn("failure_code", "text")
        .addColumn("failure_text", "text")
        .addColumn("refunded", "bigint", (column) =>
          column.notNull().defaultTo(0).check(sql`refunded >= 0 and refunded <= amount`),
        )
        .addColumn("next_inquiry_at", "bigint", (column) => column.notNull())
        .addColumn("inquiries", "integer", (column) => column.notNull().defaultTo(0))
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .addColumn("updated_at", "bigint", (column) => column.notNull())
        .addColumn("settled_at", "bigint")
        .addPrimaryKeyConstraint("barcode_payments_pk", ["initiator_id", "id"])
        .execute();
      // The inquiry job's claim: unsettled consumer-presented payments, oldest due first.
      await db.schema
        .createIndex("barcode_payments_due")
        .on("barcode_payments")
        .columns(["state", "next_inquiry_at"])
        .execute();
      // The acquirer's order lookup and its merchant's payments.
      await db.schema
        .createIndex("barcode_payments_merchant")
        .on("barcode_payments")
        .columns(["acquirer_id", "merchant_id", "order_reference"])
        .execute();
      await db.schema
        .createTable("dynamic_code_claims")
        .addColumn("acquirer_id", "text", (column) => column.notNull())
        .addColumn("merchant_id", "text", (column) => column.notNull())
        .addColumn("order_reference", "text", (column) => column.notNull())
        .addColumn("payment_id", "text", (column) => column.notNull())
        .addColumn("claimed_at", "bigint", (column) => column.notNull())
        .addPrimaryKeyConstraint("dynamic_code_claims_pk", [
          "acquirer_id",
          "merchant_id",
          "order_reference",
        ])
        .execute();
    },
  };
}
