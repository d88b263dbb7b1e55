import type { AuditDetails } from "../audit/audit-entry.ts";

/**
 * A dangerous action one operator proposed and a different one must approve before it runs.
 * `expired` is never stored: a pending proposal past its time reads as expired and cannot be
 * approved, so no job is needed to expire it.
 */
export const approvalStates = ["pending", "approved", "rejected", "expired"] as const;
export type ApprovalState = (typeof approvalStates)[number];
export type StoredApprovalState = Exclude<ApprovalState, "expired">;

export interface ApprovalOperator {
  readonly id: string;
  readonly name: string;
}

export interface Approval {
  readonly id: string;
  /** What will run once approved, e.g. `participant.terminate`. */
  readonly action: string;
  readonly subject: string;
  readonly payload: AuditDetails;
  readonly proposedBy: ApprovalOperator;
  readonly proposedAt: number;
  readonly expiresAt: number;
  readonly state: StoredApprovalState;
  readonly decidedBy: ApprovalOperator | null;
  readonly decidedAt: number | null;
  /** Once approved: `ok`, or the problem code the action answered. */
  readonly outcome: string | null;
}

export function approvalStateAt(approval: Approval, now: number): ApprovalState {
  return approval.state === "pending" && now >= approval.expiresAt ? "expired" : approval.state;
}
