import {
  type AuditHead,
  type AuditLinkProblem,
  auditGenesisHead,
  checkAuditLink,
} from "../../domain/audit/audit-entry.ts";
import type { AuditLogStore } from "../ports/audit-log-store.ts";

/** Entries read at a time: memory stays bounded however long the log grows. */
const chainPageSize = 500;

export interface AuditBrokenLink {
  /** The first entry that does not link, or the head's seq when only the head disagrees. */
  readonly seq: number;
  readonly problem: AuditLinkProblem;
}

export interface AuditVerifyReport {
  readonly ok: boolean;
  /** Entries whose links held, from the first one on. */
  readonly entries: number;
  readonly firstBroken: AuditBrokenLink | null;
}

/**
 * Re-walks the audit chain from its first entry: each one must follow the one before it (no
 * gap in seq), name its hash, and hash to what it says; the head must name the last entry. One
 * broken link makes every later one meaningless, so the walk stops at the first.
 */
export async function verifyAuditLog(store: AuditLogStore): Promise<AuditVerifyReport> {
  const head = await store.readHead();
  let previous: AuditHead = auditGenesisHead;
  for (;;) {
    const entries = await store.readChain(previous.seq, chainPageSize);
    for (const entry of entries) {
      const problem = checkAuditLink(previous, entry);
      if (problem !== undefined) return broken(previous.seq, entry.seq, problem);
      previous = { seq: entry.seq, hash: entry.hash };
    }
    if (entries.length < chainPageSize) break;
  }
  if (head.seq !== previous.seq || head.hash !== previous.hash) {
    return broken(previous.seq, head.seq, "head_mismatch");
  }
  return { ok: true, entries: previous.seq, firstBroken: null };
}

function broken(verified: number, seq: number, problem: AuditLinkProblem): AuditVerifyReport {
  return { ok: false, entries: verified, firstBroken: { seq, problem } };
}
