import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { approvalPageSizeMax } from "../../app/approvals/approval-service.ts";
import { approvalStates } from "../../domain/operators/approval.ts";
import {
  type ActionResult,
  type ApprovalAction,
  approvalActionProblems,
  approvalActions,
  isApprovalActionName,
} from "../approval-actions.ts";
import { ApprovalViewSchema, approvalView } from "../approval-view.ts";
import { literalUnion } from "../literal-union.ts";
import { operatorActor } from "../operator-auth.ts";
import { sendProblem } from "../problem.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

const approvalPageSizeDefault = 50;

const Query = Type.Object(
  {
    state: Type.Optional(literalUnion(approvalStates)),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: approvalPageSizeMax, default: approvalPageSizeDefault }),
    ),
    cursor: Type.Optional(
      Type.String({ maxLength: 100, description: "The `nextCursor` of the previous page" }),
    ),
  },
  { additionalProperties: false },
);

const ApprovalParams = Type.Object({ approvalId: Type.String({ maxLength: 64 }) });

/** `proposedAt.id` of the last item: stable while new proposals arrive. */
function readCursor(text: string): { proposedAt: number; id: string } | undefined {
  const match = /^(\d{1,16})\.([0-9a-f-]{36})$/.exec(text);
  if (match === null) return undefined;
  return { proposedAt: Number(match[1]), id: match[2] ?? "" };
}

const decisionProblems = [
  "approval_not_found",
  "approval_not_pending",
  "approval_expired",
] as const;

export const approvalRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.get(
    "/approvals",
    {
      schema: {
        summary: "Proposals of dangerous actions, newest first",
        description:
          "Filter by `state`: `pending` (awaiting a second operator), `approved`, `rejected`, or `expired` (pending past its time).",
        tags: ["operators"],
        querystring: Query,
        response: {
          200: Type.Object({
            items: Type.Array(ApprovalViewSchema),
            nextCursor: Type.Union([Type.String(), Type.Null()], {
              description: "Pass as `cursor` for the next page; null on the last page",
            }),
          }),
          ...operatorProblems("cursor_invalid"),
        },
      },
    },
    async (request, reply) => {
      const { state, limit = approvalPageSizeDefault, cursor } = request.query;
      const before = cursor === undefined ? undefined : readCursor(cursor);
      if (cursor !== undefined && before === undefined) return sendProblem(reply, "cursor_invalid");
      const page = await hub.approvals.list(state, limit, before);
      const now = hub.approvals.now();
      return {
        items: page.items.map((approval) => approvalView(approval, now)),
        nextCursor:
          page.nextCursor === null ? null : `${page.nextCursor.proposedAt}.${page.nextCursor.id}`,
      };
    },
  );

  app.get(
    "/approvals/:approvalId",
    {
      schema: {
        summary: "One proposal and its decision",
        tags: ["operators"],
        params: ApprovalParams,
        response: { 200: ApprovalViewSchema, ...operatorProblems("approval_not_found") },
      },
    },
    async (request, reply) => {
      const approval = await hub.approvals.find(request.params.approvalId);
      if (approval === undefined) return sendProblem(reply, "approval_not_found");
      return approvalView(approval, hub.approvals.now());
    },
  );

  app.post(
    "/approvals/:approvalId/approve",
    {
      schema: {
        summary: "Approve a proposal: the action is carried out, once",
        description:
          "By an operator account other than the proposer's (403 `approval_by_proposer`). The approval is claimed in one conditional update, so of two racing approvals one carries the action out and the other answers 409 `approval_not_pending`. The action then runs exactly as its direct route would: its answer is `result`, or its problem is answered (and kept as the approval's `outcome`). Both the approval and the action are in the audit log.",
        tags: ["operators"],
        params: ApprovalParams,
        response: {
          200: Type.Object({
            approval: ApprovalViewSchema,
            result: Type.Unknown({ description: "What the direct route answers" }),
          }),
          ...operatorProblems(
            ...decisionProblems,
            "approval_by_proposer",
            ...approvalActionProblems,
          ),
        },
      },
    },
    async (request, reply) => {
      const actor = operatorActor(request);
      const claimed = await hub.approvals.approve(request.params.approvalId, actor);
      if (!claimed.ok) return sendProblem(reply, claimed.code);
      const { approval } = claimed;
      // A claimed approval with no outcome means the node stopped here: the three actions are
      // idempotent, so proposing again is safe.
      const result = isApprovalActionName(approval.action)
        ? await (approvalActions[approval.action] as ApprovalAction<never>).run(
            hub,
            // The payload was written by proposeAction for this very action.
            approval.payload as never,
            actor,
          )
        : ({ ok: false, code: "internal_error" } satisfies ActionResult);
      const outcome = result.ok ? "ok" : result.code;
      await hub.approvals.recordOutcome(approval.id, outcome);
      if (!result.ok) return sendProblem(reply, result.code);
      return {
        approval: approvalView({ ...approval, outcome }, hub.approvals.now()),
        result: result.body,
      };
    },
  );

  app.post(
    "/approvals/:approvalId/reject",
    {
      schema: {
        summary: "Reject a proposal; its proposer may also withdraw it this way",
        tags: ["operators"],
        params: ApprovalParams,
        response: {
          200: Type.Object({ approval: ApprovalViewSchema }),
          ...operatorProblems(...decisionProblems),
        },
      },
    },
    async (request, reply) => {
      const decided = await hub.approvals.reject(request.params.approvalId, operatorActor(request));
      if (!decided.ok) return sendProblem(reply, decided.code);
      return { approval: approvalView(decided.approval, hub.approvals.now()) };
    },
  );
};
