import type { FastifyReply, FastifyRequest } from "fastify";
import type { ApiServices } from "./api-services.ts";
import {
  type ApprovalAction,
  type ApprovalActionName,
  type ApprovalPayload,
  approvalActions,
} from "./approval-actions.ts";
import { approvalView } from "./approval-view.ts";
import { operatorActor } from "./operator-auth.ts";
import { sendProblem } from "./problem.ts";

/**
 * Answers a dangerous request with a proposal instead of the change: refused at once if the
 * direct route would refuse it, else recorded (with its audit entry) and answered 202.
 */
export async function proposeAction<Name extends ApprovalActionName>(
  hub: ApiServices,
  request: FastifyRequest,
  reply: FastifyReply,
  name: Name,
  payload: ApprovalPayload<Name>,
): Promise<FastifyReply> {
  const action: ApprovalAction<ApprovalPayload<Name>> = approvalActions[name];
  const refusal = await action.check(hub, payload);
  if (refusal !== undefined) return sendProblem(reply, refusal);
  const approval = await hub.approvals.propose(
    name,
    action.subject(payload),
    payload,
    operatorActor(request),
  );
  return reply.code(202).send({ approval: approvalView(approval, hub.approvals.now()) });
}
