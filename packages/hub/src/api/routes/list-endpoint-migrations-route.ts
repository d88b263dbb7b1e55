import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { migrationStates } from "../../domain/banks/endpoint-migration.ts";
import { EndpointMigrationViewSchema, endpointMigrationView } from "../endpoint-migration-view.ts";
import { literalUnion } from "../literal-union.ts";
import { sendProblem } from "../problem.ts";
import { BankParams } from "./bank-endpoint-input.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

const Query = Type.Object({
  state: Type.Optional(literalUnion(migrationStates, { description: "Only this state" })),
});

export const listEndpointMigrationsRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/banks/:bankId/endpoint-migrations",
    {
      schema: {
        summary: "List a bank's endpoint migrations, newest first (at most 500)",
        tags: ["banks"],
        params: BankParams,
        querystring: Query,
        response: {
          200: Type.Object({ items: Type.Array(EndpointMigrationViewSchema) }),
          ...operatorProblems("participant_not_found", "participant_not_bank"),
        },
      },
    },
    async (request, reply) => {
      const listed = await hub.endpointMigrations.list(request.params.bankId, request.query.state);
      if (!listed.ok) return sendProblem(reply, listed.code);
      return { items: listed.value.map(endpointMigrationView) };
    },
  );
};
