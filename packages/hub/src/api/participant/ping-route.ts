import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { RouteOptions } from "../routes/route-options.ts";
import { participantProblems } from "./participant-problems.ts";

export const pingRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (app) => {
  app.post(
    "/ping",
    {
      config: { operation: "connectivity.check" },
      schema: {
        summary: "A signed request that does nothing",
        description:
          "Answers 204 once the signature verified: a way to test keys and signing, and the measure of what authentication alone costs.",
        tags: ["connectivity"],
        body: Type.Optional(Type.Unknown()),
        response: { 204: Type.Null(), ...participantProblems() },
      },
    },
    async (_request, reply) => reply.code(204).send(null),
  );
};
