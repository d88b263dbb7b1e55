import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { ApiServices } from "../api-services.ts";
import { problemResponses, sendProblem } from "../problem.ts";
import type { RouteOptions } from "./route-options.ts";

/** A probe that hangs is as bad as one that fails: a load balancer must hear back quickly. */
const readyCheckTimeoutMs = 2000;

async function databaseAnswers(hub: ApiServices): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), readyCheckTimeoutMs);
  });
  // Reading the journal head is a one-row query that also proves the schema is migrated.
  const query = hub.ledgerReader.checkReadable().then(() => true);
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Readiness: 200 only while the database answers, so traffic goes to nodes that can commit. */
export const readyRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.get(
    "/ready",
    {
      schema: {
        summary: "Readiness probe: checks the database",
        tags: ["operations"],
        security: [],
        response: {
          200: Type.Object({ status: Type.Literal("ready") }),
          ...problemResponses("database_unavailable"),
        },
      },
    },
    async (request, reply) => {
      const ready = await databaseAnswers(hub).catch((error: unknown) => {
        request.log.warn({ err: error }, "readiness check failed");
        return false;
      });
      if (!ready) return sendProblem(reply, "database_unavailable");
      return { status: "ready" as const };
    },
  );
};
