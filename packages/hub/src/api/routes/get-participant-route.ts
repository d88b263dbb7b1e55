import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { ParticipantDetailSchema, participantDetail } from "../participant-view.ts";
import { sendProblem } from "../problem.ts";
import { operatorProblems } from "./operator-problems.ts";
import { ParticipantParams } from "./participant-params.ts";
import type { RouteOptions } from "./route-options.ts";

export const getParticipantRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/participants/:participantId",
    {
      schema: {
        summary: "A participant with its accounts and balances",
        tags: ["participants"],
        params: ParticipantParams,
        response: { 200: ParticipantDetailSchema, ...operatorProblems("participant_not_found") },
      },
    },
    async (request, reply) => {
      const found = await hub.participants.find(request.params.participantId);
      if (!found.ok) return sendProblem(reply, found.code);
      const { participant, accounts } = found.value;
      const rules = await hub.funds.reserveCaps([participant.id]);
      return participantDetail(participant, accounts, rules.get(participant.id));
    },
  );
};
