import canonicalize from "canonicalize";
import type { Transaction } from "kysely";
import type { AuditAction } from "../../domain/audit/audit-action.ts";
import type { AuditActorKind } from "../../domain/audit/audit-actor.ts";
import {
  type AuditDetails,
  type AuditEntry,
  type AuditRecord,
  nextAuditEntry,
} from "../../domain/audit/audit-entry.ts";
import type { AuditLogTable } from "./operator-tables.ts";
import type { ClearhubSchema } from "./schema.ts";

/**
 * Appends an audit entry inside the caller's transaction, so a change and its record commit
 * together or not at all. Call it last in the transaction: its first statement takes the head's
 * row lock (PostgreSQL) or the write lock (SQLite) until commit, and taking it after the
 * transaction's other locks keeps one lock order everywhere. The UPDATE both locks the head and
 * reads it: on PostgreSQL a waiting UPDATE re-reads the row the other node committed, so two
 * nodes can never chain onto the same entry.
 */
export async function appendAuditEntry(
  trx: Transaction<ClearhubSchema>,
  record: AuditRecord,
): Promise<AuditEntry> {
  const advanced = await trx
    .updateTable("audit_head")
    .set((eb) => ({ seq: eb("seq", "+", 1n) }))
    .where("id", "=", 1)
    .returning(["seq", "hash"])
    .executeTakeFirstOrThrow();
  const head = { seq: Number(advanced.seq) - 1, hash: advanced.hash };
  const entry = nextAuditEntry(head, record);
  await trx.insertInto("audit_log").values(auditRow(entry)).execute();
  await trx.updateTable("audit_head").set({ hash: entry.hash }).where("id", "=", 1).execute();
  return entry;
}

export function auditRow(entry: AuditEntry): AuditLogTable {
  const details = canonicalize(entry.details);
  if (details === undefined) throw new Error(`audit entry ${entry.seq} has no JSON details`);
  return {
    seq: BigInt(entry.seq),
    at: BigInt(entry.at),
    actor_kind: entry.actor.kind,
    actor_id: entry.actor.id,
    actor_name: entry.actor.name,
    operator_id: entry.actor.operator?.id ?? null,
    operator_name: entry.actor.operator?.name ?? null,
    action: entry.action,
    subject: entry.subject,
    details,
    prev_hash: entry.prevHash,
    hash: entry.hash,
  };
}

export function auditEntryFromRow(row: AuditLogTable): AuditEntry {
  return {
    seq: Number(row.seq),
    at: Number(row.at),
    actor: {
      kind: row.actor_kind as AuditActorKind,
      id: row.actor_id,
      name: row.actor_name,
      ...(row.operator_id === null
        ? {}
        : { operator: { id: row.operator_id, name: row.operator_name ?? "" } }),
    },
    action: row.action as AuditAction,
    subject: row.subject,
    details: JSON.parse(row.details) as AuditDetails,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
