import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import type { Approval, ApprovalOperator, ApprovalState } from "../../domain/operators/approval.ts";

export const approvalPageSizeMax = 200;

export interface ApprovalFilter {
  readonly state?: ApprovalState | undefined;
  /** Pending proposals whose time has passed count as expired, not pending. */
  readonly now: number;
  /** Proposals older than this one (`proposedAt`, then id): the previous page's last. */
  readonly before?: { readonly proposedAt: number; readonly id: string } | undefined;
  readonly limit: number;
}

export type DecisionRefusal =
  | "approval_not_found"
  | "approval_not_pending"
  | "approval_expired"
  | "approval_by_proposer";

export interface Decision {
  readonly state: "approved" | "rejected";
  readonly by: ApprovalOperator;
  readonly at: number;
}

/** Proposals awaiting a second operator, and their decisions, with their audit entries. */
export interface ApprovalStore {
  create(approval: Approval, audit: AuditRecord): Promise<void>;
  find(id: string): Promise<Approval | undefined>;
  /** Newest first. */
  list(filter: ApprovalFilter): Promise<Approval[]>;
  /**
   * Decides a pending, unexpired proposal by someone other than its proposer, in one conditional
   * update: of two racing decisions exactly one wins, on every node.
   */
  decide(
    id: string,
    decision: Decision,
    audit: (approval: Approval) => AuditRecord,
  ): Promise<{ ok: true; approval: Approval } | { ok: false; code: DecisionRefusal }>;
  recordOutcome(id: string, outcome: string): Promise<void>;
}
