import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { participantStatuses } from "../../domain/participant/participant.ts";
import { proposeAction } from "../approval-proposal.ts";
import { ProposalSchema } from "../approval-view.ts";
import { literalUnion } from "../literal-union.ts";
import { operatorActor } from "../operator-auth.ts";
import { ParticipantViewSchema, participantView } from "../participant-view.ts";
import { sendProblem } from "../problem.ts";
import { operatorProblems } from "./operator-problems.ts";
import { ParticipantParams } from "./participant-params.ts";
import type { RouteOptions } from "./route-options.ts";

const Body = Type.Object(
  {
    status: literalUnion(participantStatuses, {
      description:
        "suspended: no new transfers to or from the participant, open reservations may still resolve; terminated: final",
    }),
  },
  { additionalProperties: false },
);

export const changeParticipantStatusRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.post(
    "/participants/:participantId/status",
    {
      schema: {
        summary: "Activate, suspend or terminate a participant",
        description:
          "Suspending and activating take effect at once. Terminating is final and needs four eyes: it answers 202 with a proposal, and another operator account approves it (POST /operator/v1/approvals/{approvalId}/approve).",
        tags: ["participants"],
        params: ParticipantParams,
        body: Body,
        response: {
          200: ParticipantViewSchema,
          202: ProposalSchema,
          ...operatorProblems(
            "participant_not_found",
            "status_unchanged",
            "participant_terminated",
            "status_changed_concurrently",
            "operator_status_fixed",
          ),
        },
      },
    },
    async (request, reply) => {
      const { participantId } = request.params;
      if (request.body.status === "terminated") {
        return proposeAction(hub, request, reply, "participant.terminate", { participantId });
      }
      const changed = await hub.participants.changeStatus(
        participantId,
        request.body.status,
        operatorActor(request),
      );
      if (!changed.ok) return sendProblem(reply, changed.code);
      return participantView(changed.value);
    },
  );
};
