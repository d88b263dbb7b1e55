import { randomUUID } from "node:crypto";
import type { AuditActor } from "../../domain/audit/audit-actor.ts";
import type { AuditDetails } from "../../domain/audit/audit-entry.ts";
import type { Approval, ApprovalState } from "../../domain/operators/approval.ts";
import {
  type ApprovalStore,
  approvalPageSizeMax,
  type DecisionRefusal,
} from "../ports/approval-store.ts";

/** Types and limits of what this use-case answers, for the HTTP layer that shows them. */
export { approvalPageSizeMax, type DecisionRefusal } from "../ports/approval-store.ts";

export interface ApprovalLimits {
  /** A proposal nobody approved in this time lapses: yesterday's judgement is not today's. */
  readonly proposalTtlMs: number;
}

export const approvalLimitsDefaults: ApprovalLimits = { proposalTtlMs: 24 * 60 * 60_000 };

export interface ApprovalPage {
  readonly items: Approval[];
  readonly nextCursor: { readonly proposedAt: number; readonly id: string } | null;
}

function operatorOf(actor: AuditActor): { id: string; name: string } {
  if (actor.operator === undefined) throw new Error("only an operator account proposes or decides");
  return actor.operator;
}

/**
 * Four-eyes approval: a proposal records an action and its payload and changes nothing else; a
 * different operator account approves it (then the caller carries the action out, once) or
 * anyone rejects it. Proposals, approvals and rejections are all in the audit log.
 */
export class ApprovalService {
  constructor(
    private readonly store: ApprovalStore,
    private readonly clock: () => number = Date.now,
    private readonly limits: ApprovalLimits = approvalLimitsDefaults,
  ) {}

  async propose(
    action: string,
    subject: string,
    payload: AuditDetails,
    actor: AuditActor,
  ): Promise<Approval> {
    const at = this.clock();
    const approval: Approval = {
      id: randomUUID(),
      action,
      subject,
      payload,
      proposedBy: operatorOf(actor),
      proposedAt: at,
      expiresAt: at + this.limits.proposalTtlMs,
      state: "pending",
      decidedBy: null,
      decidedAt: null,
      outcome: null,
    };
    await this.store.create(approval, {
      at,
      actor,
      action: "approval.propose",
      subject: `approval:${approval.id}`,
      details: { action, subject, payload },
    });
    return approval;
  }

  find(id: string): Promise<Approval | undefined> {
    return this.store.find(id);
  }

  async list(
    state: ApprovalState | undefined,
    limit: number,
    cursor?: { proposedAt: number; id: string },
  ): Promise<ApprovalPage> {
    const bounded = Math.min(Math.max(limit, 1), approvalPageSizeMax);
    const items = await this.store.list({
      state,
      now: this.clock(),
      before: cursor,
      limit: bounded,
    });
    const last = items.at(-1);
    return {
      items,
      nextCursor:
        items.length === bounded && last !== undefined
          ? { proposedAt: last.proposedAt, id: last.id }
          : null,
    };
  }

  /** Claims the approval; the caller then carries the action out and records its outcome. */
  approve(
    id: string,
    actor: AuditActor,
  ): Promise<{ ok: true; approval: Approval } | { ok: false; code: DecisionRefusal }> {
    return this.decide(id, "approved", actor);
  }

  reject(
    id: string,
    actor: AuditActor,
  ): Promise<{ ok: true; approval: Approval } | { ok: false; code: DecisionRefusal }> {
    return this.decide(id, "rejected", actor);
  }

  recordOutcome(id: string, outcome: string): Promise<void> {
    return this.store.recordOutcome(id, outcome);
  }

  now(): number {
    return this.clock();
  }

  private decide(id: string, state: "approved" | "rejected", actor: AuditActor) {
    const at = this.clock();
    return this.store.decide(id, { state, by: operatorOf(actor), at }, (approval) => ({
      at,
      actor,
      action: state === "approved" ? "approval.approve" : "approval.reject",
      subject: `approval:${approval.id}`,
      details: {
        action: approval.action,
        subject: approval.subject,
        proposedBy: approval.proposedBy.name,
      },
    }));
  }
}
