import { type Kysely, type Migration, sql } from "kysely";

/**
 * Payment institutions' quick-pay agreements, pinned to the bank endpoint they were signed
 * through, and the bank notices the hub has applied (kept to answer repeats without acting).
 */
export function agreementsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("agreements")
        .addColumn("payment_institution_id", "text", (column) =>
          column.notNull().references("participants.id"),
        )
        .addColumn("id", "text", (column) => column.notNull())
        .addColumn("bank_id", "text", (column) => column.notNull().references("participants.id"))
        .addColumn("state", "text", (column) =>
          column
            .notNull()
            .check(sql`state in ('requested', 'otp_sent', 'active', 'failed', 'unsigned')`),
        )
        .addColumn("pinned_endpoint_id", "text", (column) => column.notNull())
        .addColumn("sign_request_id", "text", (column) => column.notNull().unique())
        .addColumn("bank_sign_request_id", "text")
        .addColumn("authentication_factors", "integer", (column) => column.notNull())
        .addColumn("digital_certificate", "integer", (column) =>
          column.notNull().check(sql`digital_certificate in (0, 1)`),
        )
        .addColumn("request_hash", "text", (column) => column.notNull())
        // Sealed JSON of the customer (numbers in clear inside), bound to this row.
        .addColumn("customer", "text", (column) => column.notNull())
        // The same customer with every number masked: answers and lists read it unsealed.
        .addColumn("customer_masked", "text", (column) => column.notNull())
        .addColumn("agreement_number", "text")
        .addColumn("otp_expires_at", "bigint")
        .addColumn("failure_code", "text")
        .addColumn("failure_text", "text")
        .addColumn("unsigned_by", "text")
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .addColumn("updated_at", "bigint", (column) => column.notNull())
        .addColumn("signed_at", "bigint")
        .addColumn("unsigned_at", "bigint")
        .addPrimaryKeyConstraint("agreements_pk", ["payment_institution_id", "id"])
        .addForeignKeyConstraint(
          "agreements_pinned_endpoint",
          ["bank_id", "pinned_endpoint_id"],
          "bank_endpoints",
          ["bank_id", "id"],
        )
        .execute();
      // Notices find agreements by the bank's number. Not unique: a bank keeps one agreement per
      // account and institution, so signing the same account again answers the same number.
      await db.schema
        .createIndex("agreements_bank_number")
        .on("agreements")
        .columns(["bank_id", "agreement_number"])
        .execute();
      // Completing an endpoint migration re-pins by endpoint.
      await db.schema
        .createIndex("agreements_pinned")
        .on("agreements")
        .columns(["bank_id", "pinned_endpoint_id"])
        .execute();
      await db.schema
        .createIndex("agreements_listing")
        .on("agreements")
        .columns(["payment_institution_id", "created_at", "id"])
        .execute();

      await db.schema
        .createTable("bank_notices")
        .addColumn("bank_id", "text", (column) => column.notNull().references("participants.id"))
        .addColumn("notice_id", "text", (column) => column.notNull())
        .addColumn("kind", "text", (column) => column.notNull())
        .addColumn("received_at", "bigint", (column) => column.notNull())
        .addPrimaryKeyConstraint("bank_notices_pk", ["bank_id", "notice_id"])
        .execute();
    },
  };
}
