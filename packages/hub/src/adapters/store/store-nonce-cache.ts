import type { Kysely } from "kysely";
import type { NonceCache } from "../../app/ports/nonce-cache.ts";
import type { ClearhubSchema } from "./schema.ts";

/** Nonces written by one statement: 3 parameters each, far below either database's limit. */
export const nonceBatchSizeMax = 1000;
/**
 * Statements writing nonces at once. A second lets the nonces that arrive while one commits
 * start at once instead of waiting for it; more would only split the batches.
 */
const nonceStatementsInFlightMax = 2;

interface Waiting {
  readonly keyId: string;
  readonly nonce: string;
  readonly expiresAtMs: number;
  readonly resolve: (remembered: boolean) => void;
  readonly reject: (error: unknown) => void;
}

/** Key ids hold no ':', so this names one (key, nonce) pair. */
const pairOf = (keyId: string, nonce: string) => `${keyId}:${nonce}`;

/**
 * The nonce cache in the shared database, for hubs without Redis. Nonces arriving together are
 * written by one statement (one commit, one log flush), as the ledger's group commit does: a
 * statement per request would cost a flush per request.
 *
 * Each row is decided by the statement alone: the insert succeeds for a new nonce, replaces an
 * expired one, and changes nothing while the nonce is held; `returning` names the rows it
 * wrote, and the primary key makes concurrent statements (on any node) agree on one winner.
 * A nonce twice in one batch is written once; its later copies answer false. Rows are written
 * in one order on every node, so two statements never wait on each other's rows in a cycle.
 * A caller is answered only once its statement committed.
 */
export class StoreNonceCache implements NonceCache {
  private queue: Waiting[] = [];
  private statementsInFlight = 0;
  private scheduled = false;

  constructor(
    private readonly db: Kysely<ClearhubSchema>,
    private readonly clock: () => number = Date.now,
  ) {}

  remember(keyId: string, nonce: string, expiresAtMs: number): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ keyId, nonce, expiresAtMs, resolve, reject });
      this.schedule();
    });
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

  /** Starts a statement at the next turn of the event loop, if one may start. */
  private schedule(): void {
    if (this.scheduled || this.queue.length === 0) return;
    if (this.statementsInFlight >= nonceStatementsInFlightMax) return;
    this.scheduled = true;
    // One turn of the event loop lets the requests parsed together join the same statement.
    setImmediate(() => {
      this.scheduled = false;
      const batch = this.queue.slice(0, nonceBatchSizeMax);
      this.queue = this.queue.slice(batch.length);
      this.statementsInFlight++;
      void this.write(batch).finally(() => {
        this.statementsInFlight--;
        this.schedule();
      });
      this.schedule();
    });
  }

  /** Answers every caller in the batch; never throws. */
  private async write(batch: readonly Waiting[]): Promise<void> {
    const first = new Map<string, Waiting>();
    for (const waiting of batch) {
      const pair = pairOf(waiting.keyId, waiting.nonce);
      if (!first.has(pair)) first.set(pair, waiting);
    }
    let written: Set<string>;
    try {
      written = await this.insert([...first.values()]);
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    for (const waiting of batch) {
      const pair = pairOf(waiting.keyId, waiting.nonce);
      waiting.resolve(first.get(pair) === waiting && written.has(pair));
    }
  }

  /** Writes the nonces new or expired at `now`; returns the pairs it wrote. */
  private async insert(unique: readonly Waiting[]): Promise<Set<string>> {
    const now = BigInt(this.clock());
    const rows = unique
      .map((waiting) => ({
        key_id: waiting.keyId,
        nonce: waiting.nonce,
        expires_at: BigInt(waiting.expiresAtMs),
      }))
      .sort((a, b) => compare(a.key_id, b.key_id) || compare(a.nonce, b.nonce));
    const wrote = await this.db
      .insertInto("seen_nonces")
      .values(rows)
      .onConflict((conflict) =>
        conflict
          .columns(["key_id", "nonce"])
          .doUpdateSet({ expires_at: (eb) => eb.ref("excluded.expires_at") })
          .where("seen_nonces.expires_at", "<=", now),
      )
      .returning(["key_id", "nonce"])
      .execute();
    return new Set(wrote.map((row) => pairOf(row.key_id, row.nonce)));
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
