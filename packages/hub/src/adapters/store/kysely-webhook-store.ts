import type { Kysely, Transaction } from "kysely";
import {
  type AttemptRef,
  type AttemptResult,
  type ClaimedDelivery,
  type DeliveryBacklog,
  type DeliveryFilter,
  deliveryPageSizeMax,
  type EndpointWrite,
  type Redelivery,
  type WebhookStore,
} from "../../app/ports/webhook-store.ts";
import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import { encodeEventTypes } from "../../domain/notifications/event-type.ts";
import type { OutboxDelivery } from "../../domain/notifications/outbox-delivery.ts";
import {
  sameSubscription,
  type WebhookEndpoint,
} from "../../domain/notifications/webhook-endpoint.ts";
import { appendAuditEntry } from "./audit-log-append.ts";
import type { Dialect } from "./database.ts";
import type { ClearhubSchema } from "./schema.ts";
import { deliveryFromRow, endpointFromRow } from "./webhook-rows.ts";

/** Bounds one claim: a pass sends at most this many deliveries. */
export const claimSizeMax = 1000;

/**
 * Webhook endpoints and the delivery outbox with plain Kysely. A claim is one statement that
 * picks the due rows and moves them out of reach: on PostgreSQL its subquery locks them `FOR
 * UPDATE SKIP LOCKED`, so concurrent claims on other nodes pass over them instead of waiting;
 * on SQLite the statement runs under the database's single write lock.
 */
export class KyselyWebhookStore implements WebhookStore {
  constructor(
    private readonly db: Kysely<ClearhubSchema>,
    private readonly dialect: Dialect,
  ) {}

  createEndpoint(endpoint: WebhookEndpoint, endpointsMax: number): Promise<EndpointWrite> {
    return this.db.transaction().execute(async (trx) => {
      if (!(await this.lockParticipant(trx, endpoint.participantId))) {
        return { ok: false, code: "participant_not_found" };
      }
      const existing = await findEndpointIn(trx, endpoint.participantId, endpoint.id);
      if (existing !== undefined) {
        return sameSubscription(existing, endpoint)
          ? { ok: true, endpoint: existing, created: false }
          : { ok: false, code: "webhook_endpoint_conflict" };
      }
      if ((await countEndpoints(trx, endpoint.participantId)) >= endpointsMax) {
        return { ok: false, code: "webhook_endpoints_exhausted" };
      }
      await trx
        .insertInto("webhook_endpoints")
        .values({
          participant_id: endpoint.participantId,
          id: endpoint.id,
          url: endpoint.url,
          event_types: encodeEventTypes(endpoint.eventTypes),
          created_at: BigInt(endpoint.createdAt),
        })
        .execute();
      return { ok: true, endpoint, created: true };
    });
  }

  async listEndpoints(participantId: string): Promise<WebhookEndpoint[]> {
    const rows = await this.db
      .selectFrom("webhook_endpoints")
      .selectAll()
      .where("participant_id", "=", participantId)
      .orderBy("id")
      .execute();
    return rows.map(endpointFromRow);
  }

  findEndpoint(participantId: string, endpointId: string): Promise<WebhookEndpoint | undefined> {
    return findEndpointIn(this.db, participantId, endpointId);
  }

  async deleteEndpoint(participantId: string, endpointId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom("webhook_endpoints")
      .where("participant_id", "=", participantId)
      .where("id", "=", endpointId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async claimDue(now: number, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    assertClaim(now, limit, leaseMs);
    const rows = await this.db
      .updateTable("webhook_deliveries")
      .set((eb) => ({
        attempts: eb("attempts", "+", 1),
        last_attempt_at: BigInt(now),
        next_attempt_at: BigInt(now + leaseMs),
      }))
      .where("id", "in", (eb) =>
        eb
          .selectFrom("webhook_deliveries")
          .select("id")
          .where("status", "=", "pending")
          .where("next_attempt_at", "<=", BigInt(now))
          .orderBy("next_attempt_at")
          .orderBy("id")
          .limit(limit)
          .$if(this.dialect === "postgres", (query) => query.forUpdate().skipLocked()),
      )
      .returningAll()
      .execute();
    const deliveries = rows.map(deliveryFromRow).sort((a, b) => a.id - b.id);
    return this.withEndpointUrls(deliveries);
  }

  async recordDelivered(attempt: AttemptRef, result: AttemptResult): Promise<boolean> {
    const updated = await this.db
      .updateTable("webhook_deliveries")
      .set({
        status: "delivered",
        delivered_at: BigInt(result.at),
        last_status_code: result.statusCode,
        last_error: null,
      })
      .where("id", "=", attempt.id)
      .where("status", "=", "pending")
      .where("attempts", "=", attempt.attempts)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  async recordFailed(
    attempt: AttemptRef,
    result: AttemptResult,
    retryAt: number | null,
  ): Promise<boolean> {
    const updated = await this.db
      .updateTable("webhook_deliveries")
      .set({
        status: retryAt === null ? "dead" : "pending",
        next_attempt_at: BigInt(retryAt ?? result.at),
        last_status_code: result.statusCode,
        last_error: result.error,
      })
      .where("id", "=", attempt.id)
      .where("status", "=", "pending")
      .where("attempts", "=", attempt.attempts)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  async findDelivery(id: number): Promise<OutboxDelivery | undefined> {
    const row = await this.db
      .selectFrom("webhook_deliveries")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row === undefined ? undefined : deliveryFromRow(row);
  }

  async listDeliveries(filter: DeliveryFilter): Promise<OutboxDelivery[]> {
    if (
      !Number.isSafeInteger(filter.limit) ||
      filter.limit < 1 ||
      filter.limit > deliveryPageSizeMax
    ) {
      throw new Error(`page size must be 1..${deliveryPageSizeMax}, not ${filter.limit}`);
    }
    let query = this.db.selectFrom("webhook_deliveries").selectAll();
    if (filter.status !== undefined) query = query.where("status", "=", filter.status);
    if (filter.participantId !== undefined) {
      query = query.where("participant_id", "=", filter.participantId);
    }
    if (filter.beforeId !== undefined) query = query.where("id", "<", filter.beforeId);
    const rows = await query.orderBy("id", "desc").limit(filter.limit).execute();
    return rows.map(deliveryFromRow);
  }

  async redeliver(id: number, now: number, audit?: AuditRecord): Promise<Redelivery> {
    const row = await this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable("webhook_deliveries")
        .set({ status: "pending", attempts: 0, next_attempt_at: BigInt(now), delivered_at: null })
        .where("id", "=", id)
        .where("status", "in", ["delivered", "dead"])
        .returningAll()
        .executeTakeFirst();
      if (updated !== undefined && audit !== undefined) await appendAuditEntry(trx, audit);
      return updated;
    });
    if (row !== undefined) return { ok: true, delivery: deliveryFromRow(row) };
    const found = await this.findDelivery(id);
    return {
      ok: false,
      code: found === undefined ? "webhook_delivery_not_found" : "webhook_delivery_pending",
    };
  }

  async countBacklog(): Promise<DeliveryBacklog> {
    const rows = await this.db
      .selectFrom("webhook_deliveries")
      .select((eb) => ["status", eb.fn.countAll().as("count")])
      .where("status", "in", ["pending", "dead"])
      .groupBy("status")
      .execute();
    const count = (status: string) => Number(rows.find((row) => row.status === status)?.count ?? 0);
    return { pending: count("pending"), dead: count("dead") };
  }

  /** The claimed deliveries with their endpoints' URLs, read after the claim committed. */
  private async withEndpointUrls(deliveries: OutboxDelivery[]): Promise<ClaimedDelivery[]> {
    if (deliveries.length === 0) return [];
    const participantIds = [...new Set(deliveries.map((delivery) => delivery.participantId))];
    const endpoints = await this.db
      .selectFrom("webhook_endpoints")
      .select(["participant_id", "id", "url"])
      .where("participant_id", "in", participantIds)
      .execute();
    const urls = new Map(
      endpoints.map((row) => [endpointKey(row.participant_id, row.id), row.url]),
    );
    return deliveries.map((delivery) => ({
      delivery,
      url: urls.get(endpointKey(delivery.participantId, delivery.endpointId)) ?? null,
    }));
  }

  /** Serialises endpoint writes per participant: `FOR UPDATE` on PostgreSQL; SQLite has one writer. */
  private async lockParticipant(trx: Transaction<ClearhubSchema>, participantId: string) {
    const participant = await trx
      .selectFrom("participants")
      .select("id")
      .where("id", "=", participantId)
      .$if(this.dialect === "postgres", (query) => query.forUpdate())
      .executeTakeFirst();
    return participant !== undefined;
  }
}

function endpointKey(participantId: string, endpointId: string): string {
  // Participant ids cannot hold a space, so the pair has one spelling.
  return `${participantId} ${endpointId}`;
}

function assertClaim(now: number, limit: number, leaseMs: number): void {
  if (!Number.isSafeInteger(now) || !Number.isSafeInteger(leaseMs) || leaseMs <= 0) {
    throw new Error(`claim needs integer times and a positive lease, not ${now} and ${leaseMs}`);
  }
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > claimSizeMax) {
    throw new Error(`claim size must be 1..${claimSizeMax}, not ${limit}`);
  }
}

async function findEndpointIn(
  db: Kysely<ClearhubSchema>,
  participantId: string,
  endpointId: string,
): Promise<WebhookEndpoint | undefined> {
  const row = await db
    .selectFrom("webhook_endpoints")
    .selectAll()
    .where("participant_id", "=", participantId)
    .where("id", "=", endpointId)
    .executeTakeFirst();
  return row === undefined ? undefined : endpointFromRow(row);
}

async function countEndpoints(
  trx: Transaction<ClearhubSchema>,
  participantId: string,
): Promise<number> {
  const row = await trx
    .selectFrom("webhook_endpoints")
    .select((eb) => eb.fn.countAll().as("count"))
    .where("participant_id", "=", participantId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
