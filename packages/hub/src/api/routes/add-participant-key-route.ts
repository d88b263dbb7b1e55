import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { activeKeysPerParticipantMax } from "../../app/participants/participant-key-service.ts";
import { operatorActor } from "../operator-auth.ts";
import { ParticipantKeyViewSchema, participantKeyView } from "../participant-key-view.ts";
import { sendProblem } from "../problem.ts";
import { operatorProblems } from "./operator-problems.ts";
import { PublicKeyBody } from "./participant-key-input.ts";
import { ParticipantParams } from "./participant-params.ts";
import type { RouteOptions } from "./route-options.ts";

export const addParticipantKeyRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.post(
    "/participants/:participantId/keys",
    {
      schema: {
        summary: "Register an Ed25519 public key the participant signs its requests with",
        description: `The hub chooses the key id; the participant names it as \`keyid\` in its signatures. Up to ${activeKeysPerParticipantMax} keys may be active at once, so a new key can be deployed before the old one is revoked.`,
        tags: ["keys"],
        params: ParticipantParams,
        body: PublicKeyBody,
        response: {
          201: ParticipantKeyViewSchema,
          ...operatorProblems(
            "participant_not_found",
            "participant_terminated",
            "public_key_invalid",
            "active_keys_exhausted",
          ),
        },
      },
    },
    async (request, reply) => {
      const added = await hub.participantKeys.add(
        request.params.participantId,
        request.body.publicKey,
        operatorActor(request),
      );
      if (!added.ok) return sendProblem(reply, added.code);
      return reply.code(201).send(participantKeyView(added.value));
    },
  );
};
