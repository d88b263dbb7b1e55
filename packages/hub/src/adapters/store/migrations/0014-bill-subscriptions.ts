import type { Kysely, Migration } from "kysely";

/**
 * Channels' subscriptions to their users' bills at billers, and per channel how many it holds
 * (the row that serialises a channel's subscribing and bounds it without counting rows). The
 * customer is stored sealed, masked, and as a keyed lookup hash: a biller's notice finds its
 * subscribers by the hash alone.
 */
export function billSubscriptionsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("bill_subscriptions")
        .addColumn("channel_id", "text", (column) => column.notNull().references("participants.id"))
        .addColumn("id", "text", (column) => column.notNull())
        .addColumn("biller_id", "text", (column) => column.notNull().references("participants.id"))
        .addColumn("lookup_hash", "text", (column) => column.notNull())
        // Sealed JSON of the customer parameters, bound to this row.
        .addColumn("customer", "text", (column) => column.notNull())
        .addColumn("customer_masked", "text", (column) => column.notNull())
        .addColumn("reference", "text")
        .addColumn("created_at", "bigint", (column) => column.notNull())
        .addPrimaryKeyConstraint("bill_subscriptions_pk", ["channel_id", "id"])
        .addUniqueConstraint("bill_subscriptions_customer", [
          "channel_id",
          "biller_id",
          "lookup_hash",
        ])
        .execute();
      // A biller's notice finds every channel subscribed to its customer.
      await db.schema
        .createIndex("bill_subscriptions_subscribers")
        .on("bill_subscriptions")
        .columns(["biller_id", "lookup_hash"])
        .execute();
      await db.schema
        .createIndex("bill_subscriptions_listing")
        .on("bill_subscriptions")
        .columns(["channel_id", "created_at", "id"])
        .execute();
      await db.schema
        .createIndex("bill_subscriptions_biller_listing")
        .on("bill_subscriptions")
        .columns(["channel_id", "biller_id", "created_at", "id"])
        .execute();
      await db.schema
        .createTable("bill_subscription_counts")
        .addColumn("channel_id", "text", (column) =>
          column.primaryKey().references("participants.id"),
        )
        .addColumn("held", "integer", (column) => column.notNull())
        .execute();
    },
  };
}
