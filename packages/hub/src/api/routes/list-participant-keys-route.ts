import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { ParticipantKeyViewSchema, participantKeyView } from "../participant-key-view.ts";
import { sendProblem } from "../problem.ts";
import { operatorProblems } from "./operator-problems.ts";
import { ParticipantParams } from "./participant-params.ts";
import type { RouteOptions } from "./route-options.ts";

export const listParticipantKeysRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/participants/:participantId/keys",
    {
      schema: {
        summary: "A participant's keys, active and revoked, oldest first",
        tags: ["keys"],
        params: ParticipantParams,
        response: {
          200: Type.Object({ items: Type.Array(ParticipantKeyViewSchema) }),
          ...operatorProblems("participant_not_found"),
        },
      },
    },
    async (request, reply) => {
      const listed = await hub.participantKeys.list(request.params.participantId);
      if (!listed.ok) return sendProblem(reply, listed.code);
      return { items: listed.value.map(participantKeyView) };
    },
  );
};
