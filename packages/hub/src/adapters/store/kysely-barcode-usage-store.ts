import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type {
  BarcodeHoldOutcome,
  BarcodeHoldRequest,
  BarcodeUsageKey,
  BarcodeUsageStore,
} from "../../app/ports/barcode-usage-store.ts";
import type { ClearhubSchema } from "./schema.ts";

/**
 * The key a customer's usage is stored under: the hub does not keep payers' customer references
 * in clear, only their SHA-256 (hex).
 */
export function customerKeyOf(customerRef: string): string {
  return createHash("sha256").update(customerRef, "utf8").digest("hex");
}

/** Thrown inside the hold's transaction to roll the hold back when the limit refuses it. */
class LimitRefused extends Error {
  constructor(readonly usedMinor: bigint) {
    super("limit exceeded");
  }
}

const usageKeyColumns = ["payer_id", "customer_key", "day", "currency", "level"] as const;

/**
 * The day's use of barcode limits with plain Kysely, the same statements on both dialects. A
 * hold is one transaction: the payment's hold row first (a retry finds it and is answered
 * again), then the day's sum raised by `INSERT ... ON CONFLICT DO UPDATE ... WHERE used + amount
 * <= limit`. PostgreSQL locks the conflicting row and evaluates the condition against its latest
 * committed sum, and SQLite runs one writer at a time, so two payments that only fit one at a
 * time can never both be added.
 */
export class KyselyBarcodeUsageStore implements BarcodeUsageStore {
  constructor(private readonly db: Kysely<ClearhubSchema>) {}

  async hold(request: BarcodeHoldRequest): Promise<BarcodeHoldOutcome> {
    try {
      return await this.db.transaction().execute((trx) => this.holdIn(trx, request));
    } catch (error) {
      if (error instanceof LimitRefused) {
        return { ok: false, code: "limit_exceeded", usedMinor: error.usedMinor };
      }
      throw error;
    }
  }

  private async holdIn(
    trx: Transaction<ClearhubSchema>,
    request: BarcodeHoldRequest,
  ): Promise<BarcodeHoldOutcome> {
    const key = {
      payer_id: request.payerId,
      customer_key: customerKeyOf(request.customerRef),
      day: request.day,
      currency: request.currency,
      level: request.level,
    };
    const inserted = await trx
      .insertInto("barcode_limit_holds")
      .values({
        payment_id: request.paymentId,
        ...key,
        amount_minor: request.amountMinor,
        held_at: BigInt(request.heldAt),
      })
      .onConflict((conflict) => conflict.column("payment_id").doNothing())
      .returning("payment_id")
      .executeTakeFirst();
    if (inserted === undefined) return { ok: true, replayed: true };
    const limit = request.limitMinor;
    // A first payment of the day is inserted, not updated: the condition below cannot see it.
    if (limit !== null && request.amountMinor > limit) {
      throw new LimitRefused(await usedIn(trx, key));
    }
    const raised = await trx
      .insertInto("barcode_daily_usage")
      .values({ ...key, used_minor: request.amountMinor })
      .onConflict((conflict) => {
        const update = conflict.columns(usageKeyColumns).doUpdateSet((eb) => ({
          used_minor: eb("barcode_daily_usage.used_minor", "+", eb.ref("excluded.used_minor")),
        }));
        return limit === null
          ? update
          : update.where(
              (eb) => eb("barcode_daily_usage.used_minor", "+", eb.ref("excluded.used_minor")),
              "<=",
              limit,
            );
      })
      .returning("used_minor")
      .executeTakeFirst();
    if (raised === undefined) throw new LimitRefused(await usedIn(trx, key));
    return { ok: true, replayed: false };
  }

  release(paymentId: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const hold = await trx
        .deleteFrom("barcode_limit_holds")
        .where("payment_id", "=", paymentId)
        .returningAll()
        .executeTakeFirst();
      if (hold === undefined) return false;
      await trx
        .updateTable("barcode_daily_usage")
        .set((eb) => ({ used_minor: eb("used_minor", "-", BigInt(hold.amount_minor)) }))
        .where("payer_id", "=", hold.payer_id)
        .where("customer_key", "=", hold.customer_key)
        .where("day", "=", hold.day)
        .where("currency", "=", hold.currency)
        .where("level", "=", hold.level)
        .execute();
      return true;
    });
  }

  used(key: BarcodeUsageKey): Promise<bigint> {
    return usedIn(this.db, {
      payer_id: key.payerId,
      customer_key: customerKeyOf(key.customerRef),
      day: key.day,
      currency: key.currency,
      level: key.level,
    });
  }
}

async function usedIn(
  db: Kysely<ClearhubSchema>,
  key: Record<(typeof usageKeyColumns)[number], string>,
): Promise<bigint> {
  const row = await db
    .selectFrom("barcode_daily_usage")
    .select("used_minor")
    .where("payer_id", "=", key.payer_id)
    .where("customer_key", "=", key.customer_key)
    .where("day", "=", key.day)
    .where("currency", "=", key.currency)
    .where("level", "=", key.level)
    .executeTakeFirst();
  return row === undefined ? 0n : BigInt(row.used_minor);
}
