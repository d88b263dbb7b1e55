import { type Static, Type } from "@sinclair/typebox";
import { type Approval, approvalStateAt, approvalStates } from "../domain/operators/approval.ts";
import { literalUnion } from "./literal-union.ts";

const ApprovalOperatorSchema = Type.Object({ id: Type.String(), name: Type.String() });

export const ApprovalViewSchema = Type.Object(
  {
    id: Type.String(),
    action: Type.String({
      description:
        "participant.terminate, participant.net_debit_cap_raise, participant.reserve_cap_set, bank.primary_endpoint_set, biller.capacity_raise, channel.terminate or settlement.confirm",
    }),
    subject: Type.String({ examples: ["participant:acme-bank"] }),
    payload: Type.Record(Type.String(), Type.Unknown(), {
      description: "What the action will be carried out with once approved",
    }),
    proposedBy: ApprovalOperatorSchema,
    proposedAt: Type.String({ format: "date-time" }),
    expiresAt: Type.String({
      format: "date-time",
      description: "A proposal nobody approved by then is expired and cannot be approved",
    }),
    state: literalUnion(approvalStates),
    decidedBy: Type.Union([ApprovalOperatorSchema, Type.Null()]),
    decidedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
    outcome: Type.Union([Type.String(), Type.Null()], {
      description:
        "Once approved: `ok`, or the problem code the action answered (the state of the world had changed)",
    }),
  },
  { title: "Approval" },
);
export type ApprovalView = Static<typeof ApprovalViewSchema>;

export function approvalView(approval: Approval, now: number): ApprovalView {
  return {
    id: approval.id,
    action: approval.action,
    subject: approval.subject,
    payload: { ...approval.payload },
    proposedBy: { ...approval.proposedBy },
    proposedAt: new Date(approval.proposedAt).toISOString(),
    expiresAt: new Date(approval.expiresAt).toISOString(),
    state: approvalStateAt(approval, now),
    decidedBy: approval.decidedBy === null ? null : { ...approval.decidedBy },
    decidedAt: approval.decidedAt === null ? null : new Date(approval.decidedAt).toISOString(),
    outcome: approval.outcome,
  };
}

/** What a route that needs four eyes answers instead of acting: 202 and the proposal. */
export const ProposalSchema = Type.Object(
  { approval: ApprovalViewSchema },
  {
    title: "Proposal",
    description:
      "Accepted as a proposal: nothing changed yet. Another operator account approves it with POST /operator/v1/approvals/{approvalId}/approve",
  },
);
