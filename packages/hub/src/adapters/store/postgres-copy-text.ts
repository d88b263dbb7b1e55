import type { StoredTransfer } from "../../domain/ledger/transfer.ts";

/**
 * Transfers in PostgreSQL's COPY text format: one line per row, tab-separated, `\N` for null.
 * Only the reference is free text; it cannot hold control characters (the ledger refuses them),
 * but a backslash must still be doubled so COPY does not read it as an escape.
 */
const backslash = /\\/g;

function nullable(value: string | number | null): string {
  return value === null ? "\\N" : String(value);
}

export function transfersCopyText(transfers: readonly StoredTransfer[]): string {
  let text = "";
  for (const t of transfers) {
    const reference = t.reference === null ? "\\N" : t.reference.replace(backslash, "\\\\");
    text += `${t.id}\t${t.kind}\t${t.debitAccountId}\t${t.creditAccountId}\t${t.amount}\t${t.currency}\t${nullable(t.pendingId)}\t${nullable(t.timeoutMs)}\t${nullable(t.expiresAt)}\t${reference}\t${t.linked ? 1 : 0}\t${t.batchSeq}\t${t.batchIndex}\t${t.createdAt}\n`;
  }
  return text;
}
