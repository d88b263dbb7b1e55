import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import type { AuditAction } from "./audit-action.ts";
import type { AuditActor } from "./audit-actor.ts";

/**
 * A JSON value as the audit log stores it. No bigint (amounts are decimal strings) and no
 * floats in practice: RFC 8785 fixes how numbers are written, but integers read back exactly.
 */
export type AuditValue =
  | string
  | number
  | boolean
  | null
  | readonly AuditValue[]
  | { readonly [key: string]: AuditValue };

export type AuditDetails = { readonly [key: string]: AuditValue };

/**
 * What an action asks to have recorded. `details` must never hold card, account or ID numbers:
 * the log is read by every operator and kept for ever.
 */
export interface AuditRecord {
  readonly at: number;
  readonly actor: AuditActor;
  readonly action: AuditAction;
  /** What the action was done to, e.g. `participant:acme-bank` or `bank_endpoint:acme-bank/main`. */
  readonly subject: string;
  readonly details: AuditDetails;
}

/** A recorded action, chained to the one before it: editing, inserting or deleting one breaks every later hash. */
export interface AuditEntry extends AuditRecord {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

export const auditGenesisHead: AuditHead = { seq: 0, hash: "0".repeat(64) };
export const auditSubjectLengthMax = 200;

/**
 * SHA-256 over the RFC 8785 canonical JSON of every field but the hash itself, so the hash
 * does not depend on key order or number spelling, and any field's change is seen. The actor's
 * operator account is hashed only when there is one, so entries written before accounts existed
 * still verify.
 */
export function hashAuditEntry(entry: Omit<AuditEntry, "hash">): string {
  const { kind, id, name, operator } = entry.actor;
  const canonical = canonicalize({
    seq: entry.seq,
    prevHash: entry.prevHash,
    at: entry.at,
    actor:
      operator === undefined
        ? { kind, id, name }
        : { kind, id, name, operator: { id: operator.id, name: operator.name } },
    action: entry.action,
    subject: entry.subject,
    details: entry.details,
  });
  if (canonical === undefined) throw new Error(`audit entry ${entry.seq} cannot be canonicalised`);
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}

/** The entry that follows `head`; the record's fields are checked first, since they are kept for ever. */
export function nextAuditEntry(head: AuditHead, record: AuditRecord): AuditEntry {
  assertAuditRecord(record);
  const unhashed = { ...record, seq: head.seq + 1, prevHash: head.hash };
  return { ...unhashed, hash: hashAuditEntry(unhashed) };
}

export function assertAuditRecord(record: AuditRecord): void {
  if (!Number.isSafeInteger(record.at) || record.at < 0) {
    throw new Error(`audit record time must be a non-negative integer, not ${record.at}`);
  }
  if (record.subject.length === 0 || record.subject.length > auditSubjectLengthMax) {
    throw new Error(`audit subject must be 1..${auditSubjectLengthMax} characters`);
  }
  if (record.actor.id.length === 0) throw new Error("audit actor needs an id");
}

/** Why a chain does not verify, at the first entry where it breaks. */
export const auditLinkProblems = [
  "seq_gap",
  "prev_hash_mismatch",
  "hash_mismatch",
  "head_mismatch",
] as const;
export type AuditLinkProblem = (typeof auditLinkProblems)[number];

/** Checks one entry against the one before it; undefined when the link holds. */
export function checkAuditLink(
  previous: AuditHead,
  entry: AuditEntry,
): AuditLinkProblem | undefined {
  if (entry.seq !== previous.seq + 1) return "seq_gap";
  if (entry.prevHash !== previous.hash) return "prev_hash_mismatch";
  const { hash, ...unhashed } = entry;
  if (hashAuditEntry(unhashed) !== hash) return "hash_mismatch";
  return undefined;
}
