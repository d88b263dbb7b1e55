import type { Transaction } from "kysely";
import type { Dialect } from "./dialect.ts";
import type { ClearhubSchema } from "./schema.ts";

type Trx = Transaction<ClearhubSchema>;

/**
 * Every step that writes a window's legs takes the window's row first, as beginning
 * settlement does: two confirmations locking legs and window in opposite orders would
 * deadlock on PostgreSQL.
 */
export async function lockWindow(trx: Trx, dialect: Dialect, windowId: string): Promise<void> {
  if (dialect !== "postgres") return;
  await trx
    .selectFrom("settlement_windows")
    .select("id")
    .where("id", "=", windowId)
    .forUpdate()
    .execute();
}

/** A window's row, locked for the transaction (SQLite's one connection runs one at a time). */
export function lockedWindow(trx: Trx, dialect: Dialect, by: "id" | "open_in", key: string) {
  return trx
    .selectFrom("settlement_windows")
    .selectAll()
    .$if(by === "id", (q) => q.where("id", "=", key))
    .$if(by === "open_in", (q) => q.where("currency", "=", key).where("state", "=", "open"))
    .$if(dialect === "postgres", (q) => q.forUpdate())
    .executeTakeFirst();
}
