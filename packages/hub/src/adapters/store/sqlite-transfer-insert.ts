import type BetterSqlite3 from "better-sqlite3";
import type { StoredTransfer } from "../../domain/ledger/transfer.ts";

/**
 * Stored transfers into SQLite's `transfers` table through prepared multi-row inserts: the
 * ledger's batch path and bulk loads write rows the same way. Call inside a transaction.
 */

const safeIntegerMax = BigInt(Number.MAX_SAFE_INTEGER);

/** better-sqlite3 binds a number much faster than a bigint; both are exact up to 2^53. */
function bindable(amount: bigint): number | bigint {
  return amount <= safeIntegerMax ? Number(amount) : amount;
}

/** Rows per multi-row insert: one statement per 64 rows binds faster than 64 statements. */
const transfersPerInsertMax = 64;
const transferPlaceholders = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
const insertTransfersSql = `insert into transfers (id, kind, debit_account_id, credit_account_id,
  amount, currency, pending_id, timeout_ms, expires_at, reference, linked, batch_seq, batch_index,
  created_at) values `;

function transferValues(t: StoredTransfer): unknown[] {
  return [
    t.id,
    t.kind,
    t.debitAccountId,
    t.creditAccountId,
    bindable(t.amount),
    t.currency,
    t.pendingId,
    t.timeoutMs,
    t.expiresAt,
    t.reference,
    t.linked ? 1 : 0,
    t.batchSeq,
    t.batchIndex,
    t.createdAt,
  ];
}

/** Prepares the statements once (the table must exist) and answers a function that inserts. */
export function sqliteTransferInsert(
  sqlite: BetterSqlite3.Database,
): (transfers: readonly StoredTransfer[]) => void {
  const one = sqlite.prepare(insertTransfersSql + transferPlaceholders);
  const many = sqlite.prepare(
    insertTransfersSql + Array(transfersPerInsertMax).fill(transferPlaceholders).join(", "),
  );
  return (transfers) => {
    let next = 0;
    for (; next + transfersPerInsertMax <= transfers.length; next += transfersPerInsertMax) {
      const values: unknown[] = [];
      for (let index = next; index < next + transfersPerInsertMax; index++) {
        values.push(...transferValues(transfers[index] as StoredTransfer));
      }
      many.run(values);
    }
    for (; next < transfers.length; next++) {
      one.run(transferValues(transfers[next] as StoredTransfer));
    }
  };
}
