import canonicalize from "canonicalize";
import type { Kysely, Selectable } from "kysely";
import type {
  ApprovalFilter,
  ApprovalStore,
  Decision,
  DecisionRefusal,
} from "../../app/ports/approval-store.ts";
import type { AuditDetails, AuditRecord } from "../../domain/audit/audit-entry.ts";
import {
  type Approval,
  approvalStateAt,
  type StoredApprovalState,
} from "../../domain/operators/approval.ts";
import { appendAuditEntry } from "./audit-log-append.ts";
import type { ApprovalsTable } from "./operator-tables.ts";
import type { ClearhubSchema } from "./schema.ts";

/** Approvals with plain Kysely: the same statements on both dialects. */
export class KyselyApprovalStore implements ApprovalStore {
  constructor(private readonly db: Kysely<ClearhubSchema>) {}

  async create(approval: Approval, audit: AuditRecord): Promise<void> {
    const payload = canonicalize(approval.payload);
    if (payload === undefined) throw new Error(`approval ${approval.id} has no JSON payload`);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("approvals")
        .values({
          id: approval.id,
          action: approval.action,
          subject: approval.subject,
          payload,
          proposed_by_id: approval.proposedBy.id,
          proposed_by_name: approval.proposedBy.name,
          proposed_at: BigInt(approval.proposedAt),
          expires_at: BigInt(approval.expiresAt),
          state: approval.state,
          decided_by_id: null,
          decided_by_name: null,
          decided_at: null,
          outcome: null,
        })
        .execute();
      await appendAuditEntry(trx, audit);
    });
  }

  async find(id: string): Promise<Approval | undefined> {
    const row = await this.db
      .selectFrom("approvals")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row === undefined ? undefined : approvalFromRow(row);
  }

  async list(filter: ApprovalFilter): Promise<Approval[]> {
    const now = BigInt(filter.now);
    let query = this.db.selectFrom("approvals").selectAll();
    if (filter.state === "pending") {
      query = query.where("state", "=", "pending").where("expires_at", ">", now);
    } else if (filter.state === "expired") {
      query = query.where("state", "=", "pending").where("expires_at", "<=", now);
    } else if (filter.state !== undefined) {
      query = query.where("state", "=", filter.state);
    }
    const before = filter.before;
    if (before !== undefined) {
      const at = BigInt(before.proposedAt);
      query = query.where((eb) =>
        eb.or([
          eb("proposed_at", "<", at),
          eb.and([eb("proposed_at", "=", at), eb("id", "<", before.id)]),
        ]),
      );
    }
    const rows = await query
      .orderBy("proposed_at", "desc")
      .orderBy("id", "desc")
      .limit(filter.limit)
      .execute();
    return rows.map(approvalFromRow);
  }

  async decide(
    id: string,
    decision: Decision,
    audit: (approval: Approval) => AuditRecord,
  ): Promise<{ ok: true; approval: Approval } | { ok: false; code: DecisionRefusal }> {
    return this.db.transaction().execute(async (trx) => {
      let update = trx
        .updateTable("approvals")
        .set({
          state: decision.state,
          decided_by_id: decision.by.id,
          decided_by_name: decision.by.name,
          decided_at: BigInt(decision.at),
        })
        .where("id", "=", id)
        .where("state", "=", "pending")
        .where("expires_at", ">", BigInt(decision.at));
      // Four eyes: the proposer may withdraw (reject) a proposal, never approve it.
      if (decision.state === "approved")
        update = update.where("proposed_by_id", "<>", decision.by.id);
      const updated = await update.returningAll().executeTakeFirst();
      if (updated === undefined) {
        const row = await trx
          .selectFrom("approvals")
          .selectAll()
          .where("id", "=", id)
          .executeTakeFirst();
        return { ok: false, code: refusalFor(row, decision) };
      }
      const approval = approvalFromRow(updated);
      await appendAuditEntry(trx, audit(approval));
      return { ok: true, approval };
    });
  }

  async recordOutcome(id: string, outcome: string): Promise<void> {
    await this.db.updateTable("approvals").set({ outcome }).where("id", "=", id).execute();
  }
}

/** Why the conditional update matched nothing, in the order a person would want to hear it. */
function refusalFor(
  row: Selectable<ApprovalsTable> | undefined,
  decision: Decision,
): DecisionRefusal {
  if (row === undefined) return "approval_not_found";
  const approval = approvalFromRow(row);
  const state = approvalStateAt(approval, decision.at);
  if (state === "expired") return "approval_expired";
  if (state !== "pending") return "approval_not_pending";
  return "approval_by_proposer";
}

function approvalFromRow(row: Selectable<ApprovalsTable>): Approval {
  const decidedBy =
    row.decided_by_id === null ? null : { id: row.decided_by_id, name: row.decided_by_name ?? "" };
  return {
    id: row.id,
    action: row.action,
    subject: row.subject,
    payload: JSON.parse(row.payload) as AuditDetails,
    proposedBy: { id: row.proposed_by_id, name: row.proposed_by_name },
    proposedAt: Number(row.proposed_at),
    expiresAt: Number(row.expires_at),
    state: row.state as StoredApprovalState,
    decidedBy,
    decidedAt: row.decided_at === null ? null : Number(row.decided_at),
    outcome: row.outcome,
  };
}
