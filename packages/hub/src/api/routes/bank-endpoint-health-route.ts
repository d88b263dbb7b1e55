import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { EndpointHealthViewSchema, endpointHealthView } from "../bank-endpoint-view.ts";
import { sendProblem } from "../problem.ts";
import { BankParams } from "./bank-endpoint-input.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

export const bankEndpointHealthRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/banks/:bankId/endpoint-health",
    {
      schema: {
        summary:
          "Each endpoint's circuit breaker, load and recent calls, as this hub node sees them",
        description:
          "Every hub node guards its own calls, so each answers for itself; the Prometheus metrics `clearhub_bank_endpoint_*` give every node's figures.",
        tags: ["banks"],
        params: BankParams,
        response: {
          200: Type.Object({ items: Type.Array(EndpointHealthViewSchema) }),
          ...operatorProblems("participant_not_found", "participant_not_bank"),
        },
      },
    },
    async (request, reply) => {
      const health = await hub.bankEndpoints.health(request.params.bankId);
      if (!health.ok) return sendProblem(reply, health.code);
      return { items: health.value.map(endpointHealthView) };
    },
  );
};
