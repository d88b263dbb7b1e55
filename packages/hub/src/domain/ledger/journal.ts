import { createHash } from "node:crypto";
import type { StoredTransfer } from "./transfer.ts";

/**
 * The journal chains every committed batch to the one before it, so any edit, insertion or
 * deletion of a stored transfer breaks every later hash.
 */
export interface JournalHead {
  readonly seq: number;
  readonly hash: string;
}

export interface JournalEntry {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
  readonly transferCount: number;
  readonly createdAt: number;
}

export const genesisHead: JournalHead = { seq: 0, hash: "0".repeat(64) };

/**
 * One transfer's canonical form: fields in a fixed order, separated by "|". The nullable and
 * free-text fields are JSON-encoded (null stays distinct from any string); ids, kinds and
 * currencies cannot contain "|".
 */
export function canonicalTransfer(t: StoredTransfer): string {
  const pendingId = JSON.stringify(t.pendingId);
  const reference = JSON.stringify(t.reference);
  return `${t.id}|${t.kind}|${t.debitAccountId}|${t.creditAccountId}|${t.amount}|${t.currency}|${pendingId}|${t.timeoutMs}|${t.expiresAt}|${reference}|${t.linked ? 1 : 0}|${t.batchSeq}|${t.batchIndex}|${t.createdAt}`;
}

export function hashBatch(
  prevHash: string,
  seq: number,
  transfers: readonly StoredTransfer[],
): string {
  // One update per batch: hashing is cheaper on one long string than on thousands of short ones.
  let text = `${prevHash}\n${seq}\n`;
  for (const transfer of transfers) text += `${canonicalTransfer(transfer)}\n`;
  return createHash("sha256").update(text).digest("hex");
}

export function nextJournalEntry(
  head: JournalHead,
  transfers: readonly StoredTransfer[],
  createdAt: number,
): JournalEntry {
  const seq = head.seq + 1;
  return {
    seq,
    prevHash: head.hash,
    hash: hashBatch(head.hash, seq, transfers),
    transferCount: transfers.length,
    createdAt,
  };
}
