import { type Kysely, type Migration, sql } from "kysely";

/**
 * Bill payments: one row per channel's payment, cleared in the ledger when accepted, whose
 * posting to the biller the call, the inquiry job and the biller's reversal notices settle.
 * `next_inquiry_at` is also the claim's lease (a claimed row is moved past the lease), and
 * `inquiries` the count of take-ups; `fail_at` is the posting's deadline.
 */
export function billPaymentsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("bill_payments")
        .addColumn("channel_id", "text", (column) => column.notNull().references("participants.id"))
        .addColumn("id", "text", (column) => column.notNull())
        .addColumn("biller_id", "text", (column) => column.notNull().references("participants.id"))
        .addColumn("bill_ref", "text")
        .addColumn("customer_parameters", "text", (column) => column.notNull())
        .addColumn("parameters_hash", "text", (column) => column.notNull())
        .addColumn("bill_number", "text")
        .addColumn("amount", "bigint", (column) => column.notNull().check(sql`amount > 0`))
        .addColumn("currency", "text", (column) => column.notNull())
        .addColumn("request_hash", "text", (column) => column.notNull())
        .addColumn("state", "text", (column) =>
          column
            .notNull()
            .check(
              sql`state in ('accepted', 'posting', 'posted', 'rejected', 'reversed', 'posting_failed')`,
            ),
        )
        .addColumn("posting_id", "text", (column) => column.notNull().unique())
        .addColumn("receipt_number", "text")
        .addColumn("failure_code", "text")
        .addColumn("failure_text", "text")
        .addColumn("fail_at", "bigint", (column) => column.notNull())
        .addColumn("next_inquiry_at", "bigint", (column) => column.notNull())
        .addColumn("inquiries", "integer", (column) => column.notNull().defaultTo(0))
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .addColumn("updated_at", "bigint", (column) => column.notNull())
        .addColumn("posted_at", "bigint")
        .addColumn("reversed_at", "bigint")
        .addPrimaryKeyConstraint("bill_payments_pk", ["channel_id", "id"])
        .execute();
      // The inquiry job's claim: unsettled postings, oldest due first.
      await db.schema
        .createIndex("bill_payments_due")
        .on("bill_payments")
        .columns(["state", "next_inquiry_at"])
        .execute();
      // A presented bill's payments, for the payment-once rules of a bill.
      await db.schema
        .createIndex("bill_payments_bill_ref")
        .on("bill_payments")
        .columns(["channel_id", "bill_ref"])
        .execute();
    },
  };
}
