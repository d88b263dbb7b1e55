import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { EndpointMigrationViewSchema, endpointMigrationView } from "../endpoint-migration-view.ts";
import { sendProblem } from "../problem.ts";
import { EndpointMigrationParams } from "./bank-endpoint-input.ts";
import { migrationLookupProblems } from "./endpoint-migration-routes.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

export const getEndpointMigrationRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/banks/:bankId/endpoint-migrations/:migrationId",
    {
      schema: {
        summary: "Read an endpoint migration with its history",
        tags: ["banks"],
        params: EndpointMigrationParams,
        response: {
          200: EndpointMigrationViewSchema,
          ...operatorProblems(...migrationLookupProblems),
        },
      },
    },
    async (request, reply) => {
      const { bankId, migrationId } = request.params;
      const found = await hub.endpointMigrations.find(bankId, migrationId);
      if (!found.ok) return sendProblem(reply, found.code);
      return endpointMigrationView(found.value);
    },
  );
};
