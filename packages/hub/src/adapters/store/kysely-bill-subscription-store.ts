import type { Kysely, Selectable, Transaction } from "kysely";
import type {
  BillSubscriptionCursor,
  BillSubscriptionStore,
  BillSubscriptionWrite,
  NewBillSubscription,
} from "../../app/ports/bill-subscription-store.ts";
import { subscribersPerCustomerMax } from "../../app/ports/bill-subscription-store.ts";
import type { BillSubscription } from "../../domain/billers/bill-subscription.ts";
import type { PreparedEvent } from "../../domain/notifications/webhook-delivery.ts";
import type { BillSubscriptionsTable } from "./biller-tables.ts";
import type { Dialect } from "./database.ts";
import { recordNoticeOnce } from "./notice-record.ts";
import { insertOutboxEvents } from "./outbox-insert.ts";
import type { ClearhubSchema } from "./schema.ts";

/**
 * Bill subscriptions with plain Kysely. A channel's subscribing runs under its row of
 * `bill_subscription_counts`, locked `FOR UPDATE` on PostgreSQL (SQLite has one writer): the
 * count bounds the channel without counting its rows, and two racing subscriptions to one
 * customer see each other.
 */
export class KyselyBillSubscriptionStore implements BillSubscriptionStore {
  constructor(
    private readonly db: Kysely<ClearhubSchema>,
    private readonly dialect: Dialect,
  ) {}

  subscribe(entry: NewBillSubscription, perChannelMax: number): Promise<BillSubscriptionWrite> {
    const { subscription } = entry;
    return this.db.transaction().execute(async (trx) => {
      const held = await this.lockCount(trx, subscription.channelId);
      const existing = await trx
        .selectFrom("bill_subscriptions")
        .selectAll()
        .where("channel_id", "=", subscription.channelId)
        .where("biller_id", "=", subscription.billerId)
        .where("lookup_hash", "in", entry.lookupCandidates)
        .executeTakeFirst();
      if (existing !== undefined) {
        return { ok: true, subscription: subscriptionFromRow(existing), created: false };
      }
      if (held >= perChannelMax) return { ok: false, code: "bill_subscriptions_full" };
      await trx
        .insertInto("bill_subscriptions")
        .values({
          channel_id: subscription.channelId,
          id: subscription.id,
          biller_id: subscription.billerId,
          lookup_hash: entry.lookupHash,
          customer: entry.sealedCustomer,
          customer_masked: JSON.stringify(subscription.customerMasked),
          reference: subscription.reference,
          created_at: BigInt(subscription.createdAt),
        })
        .execute();
      await trx
        .updateTable("bill_subscription_counts")
        .set({ held: held + 1 })
        .where("channel_id", "=", subscription.channelId)
        .execute();
      return { ok: true, subscription, created: true };
    });
  }

  async find(channelId: string, id: string): Promise<BillSubscription | undefined> {
    const row = await this.db
      .selectFrom("bill_subscriptions")
      .selectAll()
      .where("channel_id", "=", channelId)
      .where("id", "=", id)
      .executeTakeFirst();
    return row === undefined ? undefined : subscriptionFromRow(row);
  }

  async list(
    channelId: string,
    filter: { readonly billerId?: string | undefined; readonly limit: number },
    after?: BillSubscriptionCursor,
  ): Promise<BillSubscription[]> {
    const rows = await this.db
      .selectFrom("bill_subscriptions")
      .selectAll()
      .where("channel_id", "=", channelId)
      .$if(filter.billerId !== undefined, (query) =>
        query.where("biller_id", "=", filter.billerId ?? ""),
      )
      .$if(after !== undefined, (query) =>
        query.where((eb) =>
          eb.or([
            eb("created_at", "<", BigInt(after?.createdAt ?? 0)),
            eb.and([
              eb("created_at", "=", BigInt(after?.createdAt ?? 0)),
              eb("id", "<", after?.id ?? ""),
            ]),
          ]),
        ),
      )
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(filter.limit)
      .execute();
    return rows.map(subscriptionFromRow);
  }

  remove(channelId: string, id: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const held = await this.lockCount(trx, channelId);
      const deleted = await trx
        .deleteFrom("bill_subscriptions")
        .where("channel_id", "=", channelId)
        .where("id", "=", id)
        .executeTakeFirst();
      if (Number(deleted.numDeletedRows) === 0) return false;
      await trx
        .updateTable("bill_subscription_counts")
        .set({ held: held - 1 })
        .where("channel_id", "=", channelId)
        .execute();
      return true;
    });
  }

  async subscribersOf(
    billerId: string,
    lookupCandidates: readonly string[],
  ): Promise<BillSubscription[]> {
    if (lookupCandidates.length === 0) return [];
    const rows = await this.db
      .selectFrom("bill_subscriptions")
      .selectAll()
      .where("biller_id", "=", billerId)
      .where("lookup_hash", "in", lookupCandidates)
      .orderBy("channel_id")
      .limit(subscribersPerCustomerMax)
      .execute();
    return rows.map(subscriptionFromRow);
  }

  recordBillNotice(
    notice: { readonly billerId: string; readonly noticeId: string; readonly receivedAt: number },
    events: readonly PreparedEvent[],
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const first = await recordNoticeOnce(trx, {
        senderId: notice.billerId,
        noticeId: notice.noticeId,
        kind: "bill",
        receivedAt: notice.receivedAt,
      });
      if (first) await insertOutboxEvents(trx, events);
      return first;
    });
  }

  /** The channel's count, its row created at 0 on first use and locked for the transaction. */
  private async lockCount(trx: Transaction<ClearhubSchema>, channelId: string): Promise<number> {
    await trx
      .insertInto("bill_subscription_counts")
      .values({ channel_id: channelId, held: 0 })
      .onConflict((conflict) => conflict.column("channel_id").doNothing())
      .execute();
    const row = await trx
      .selectFrom("bill_subscription_counts")
      .select("held")
      .where("channel_id", "=", channelId)
      .$if(this.dialect === "postgres", (query) => query.forUpdate())
      .executeTakeFirstOrThrow();
    return Number(row.held);
  }
}

function subscriptionFromRow(row: Selectable<BillSubscriptionsTable>): BillSubscription {
  return {
    channelId: row.channel_id,
    id: row.id,
    billerId: row.biller_id,
    reference: row.reference,
    customerMasked: JSON.parse(row.customer_masked) as Record<string, string>,
    createdAt: Number(row.created_at),
  };
}
