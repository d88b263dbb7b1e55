import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { operatorActor } from "../operator-auth.ts";
import { ParticipantKeyViewSchema, participantKeyView } from "../participant-key-view.ts";
import { sendProblem } from "../problem.ts";
import { operatorProblems } from "./operator-problems.ts";
import { ParticipantKeyParams, PublicKeyBody } from "./participant-key-input.ts";
import type { RouteOptions } from "./route-options.ts";

export const rotateParticipantKeyRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.post(
    "/participants/:participantId/keys/:keyId/rotate",
    {
      schema: {
        summary: "Replace a key: register a new one and revoke the named one in one step",
        description:
          "Both happen or neither does. Signatures by the old key are refused from this moment; the answer is the new key. Allowed at the active-key limit, since the count does not change.",
        tags: ["keys"],
        params: ParticipantKeyParams,
        body: PublicKeyBody,
        response: {
          201: ParticipantKeyViewSchema,
          ...operatorProblems(
            "participant_not_found",
            "participant_terminated",
            "key_not_found",
            "key_already_revoked",
            "public_key_invalid",
          ),
        },
      },
    },
    async (request, reply) => {
      const { participantId, keyId } = request.params;
      const rotated = await hub.participantKeys.rotate(
        participantId,
        keyId,
        request.body.publicKey,
        operatorActor(request),
      );
      if (!rotated.ok) return sendProblem(reply, rotated.code);
      return reply.code(201).send(participantKeyView(rotated.value));
    },
  );
};
