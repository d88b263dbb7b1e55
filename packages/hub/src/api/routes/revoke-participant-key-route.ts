import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { operatorActor } from "../operator-auth.ts";
import { ParticipantKeyViewSchema, participantKeyView } from "../participant-key-view.ts";
import { sendProblem } from "../problem.ts";
import { operatorProblems } from "./operator-problems.ts";
import { ParticipantKeyParams } from "./participant-key-input.ts";
import type { RouteOptions } from "./route-options.ts";

export const revokeParticipantKeyRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.post(
    "/participants/:participantId/keys/:keyId/revoke",
    {
      schema: {
        summary: "Revoke a key at once",
        description:
          "Signatures by the key are refused from this moment. Allowed whatever the participant's status; revoking its last active key leaves the participant unable to sign requests.",
        tags: ["keys"],
        params: ParticipantKeyParams,
        response: {
          200: ParticipantKeyViewSchema,
          ...operatorProblems("participant_not_found", "key_not_found", "key_already_revoked"),
        },
      },
    },
    async (request, reply) => {
      const { participantId, keyId } = request.params;
      const revoked = await hub.participantKeys.revoke(
        participantId,
        keyId,
        operatorActor(request),
      );
      if (!revoked.ok) return sendProblem(reply, revoked.code);
      return participantKeyView(revoked.value);
    },
  );
};
