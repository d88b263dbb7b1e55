import type { Kysely } from "kysely";
import type { NonceCache } from "../../app/ports/nonce-cache.ts";
import type { ClearhubSchema } from "./schema.ts";

/**
 * The nonce cache in the shared database, for hubs without Redis. One statement decides: the
 * insert succeeds for a new nonce, replaces an expired one, and changes nothing while the nonce
 * is held; the primary key makes concurrent callers (on any node) agree on a single winner.
 */
export class StoreNonceCache implements NonceCache {
  constructor(
    private readonly db: Kysely<ClearhubSchema>,
    private readonly clock: () => number = Date.now,
  ) {}

  async remember(keyId: string, nonce: string, expiresAtMs: number): Promise<boolean> {
    const now = BigInt(this.clock());
    const result = await this.db
      .insertInto("seen_nonces")
      .values({ key_id: keyId, nonce, expires_at: BigInt(expiresAtMs) })
      .onConflict((conflict) =>
        conflict
          .columns(["key_id", "nonce"])
          .doUpdateSet({ expires_at: (eb) => eb.ref("excluded.expires_at") })
          .where("seen_nonces.expires_at", "<=", now),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async purgeExpired(now: number, limit: number): Promise<number> {
    const expired = this.db
      .selectFrom("seen_nonces")
      .select(["key_id", "nonce"])
      .where("expires_at", "<=", BigInt(now))
      .orderBy("expires_at")
      .limit(limit)
      .$asTuple("key_id", "nonce");
    const result = await this.db
      .deleteFrom("seen_nonces")
      .where(({ eb, refTuple }) => eb(refTuple("key_id", "nonce"), "in", expired))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
