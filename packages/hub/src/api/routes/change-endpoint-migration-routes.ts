import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { EndpointMigrationViewSchema, endpointMigrationView } from "../endpoint-migration-view.ts";
import { operatorActor } from "../operator-auth.ts";
import { sendProblem } from "../problem.ts";
import { EndpointMigrationParams } from "./bank-endpoint-input.ts";
import { migrationLookupProblems } from "./endpoint-migration-routes.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

const WeightBody = Type.Object(
  { weightPercent: Type.Integer({ description: "0-100" }) },
  { additionalProperties: false },
);

/** The three ways an operator moves a migration on: weight, rollback, completion. */
export const changeEndpointMigrationRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.put(
    "/banks/:bankId/endpoint-migrations/:migrationId/weight",
    {
      schema: {
        summary: "Set the share of agreements the target endpoint serves",
        description:
          "Takes effect from the next call on every hub node. Raising it moves more agreements to the target and none back; lowering it moves the last ones moved back first. Recorded in the audit log.",
        tags: ["banks"],
        params: EndpointMigrationParams,
        body: WeightBody,
        response: {
          200: EndpointMigrationViewSchema,
          ...operatorProblems(
            ...migrationLookupProblems,
            "endpoint_migration_weight_invalid",
            "endpoint_migration_not_active",
            "endpoint_migration_history_full",
          ),
        },
      },
    },
    async (request, reply) => {
      const { bankId, migrationId } = request.params;
      const { weightPercent } = request.body;
      const actor = operatorActor(request);
      const set = await hub.endpointMigrations.setWeight(bankId, migrationId, weightPercent, actor);
      if (!set.ok) return sendProblem(reply, set.code);
      return endpointMigrationView(set.value);
    },
  );

  app.post(
    "/banks/:bankId/endpoint-migrations/:migrationId/rollback",
    {
      schema: {
        summary: "Send every agreement of the migration back to its pinned endpoint, at once",
        description: "Final: start a new migration to try again. Recorded in the audit log.",
        tags: ["banks"],
        params: EndpointMigrationParams,
        response: {
          200: EndpointMigrationViewSchema,
          ...operatorProblems(
            ...migrationLookupProblems,
            "endpoint_migration_not_active",
            "endpoint_migration_history_full",
          ),
        },
      },
    },
    async (request, reply) => {
      const { bankId, migrationId } = request.params;
      const rolledBack = await hub.endpointMigrations.rollback(
        bankId,
        migrationId,
        operatorActor(request),
      );
      if (!rolledBack.ok) return sendProblem(reply, rolledBack.code);
      return endpointMigrationView(rolledBack.value);
    },
  );

  app.post(
    "/banks/:bankId/endpoint-migrations/:migrationId/complete",
    {
      schema: {
        summary: "At weight 100, re-pin the agreements to the target for good",
        description:
          "The migration becomes `completing` (no rollback from here), the agreements pinned to the source are re-pinned to the target, and it becomes `completed`. Asking again finishes an interrupted completion. The source must no longer be the bank's primary endpoint. Recorded in the audit log.",
        tags: ["banks"],
        params: EndpointMigrationParams,
        response: {
          200: EndpointMigrationViewSchema,
          ...operatorProblems(
            ...migrationLookupProblems,
            "endpoint_migration_not_active",
            "endpoint_migration_weight_not_full",
            "endpoint_migration_source_is_primary",
            "endpoint_migration_history_full",
          ),
        },
      },
    },
    async (request, reply) => {
      const { bankId, migrationId } = request.params;
      const completed = await hub.endpointMigrations.complete(
        bankId,
        migrationId,
        operatorActor(request),
      );
      if (!completed.ok) return sendProblem(reply, completed.code);
      return endpointMigrationView(completed.value);
    },
  );
};
