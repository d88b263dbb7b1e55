import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { EndpointMigrationViewSchema, endpointMigrationView } from "../endpoint-migration-view.ts";
import { operatorActor } from "../operator-auth.ts";
import { sendProblem } from "../problem.ts";
import { BankParams, EndpointIdInput } from "./bank-endpoint-input.ts";
import { migrationUrl } from "./endpoint-migration-routes.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

const Body = Type.Object(
  {
    id: EndpointIdInput,
    fromEndpointId: Type.String({ minLength: 1, maxLength: 128 }),
    toEndpointId: Type.String({ minLength: 1, maxLength: 128 }),
    weightPercent: Type.Integer({
      description: "0-100: the share of the source's agreements the target serves from now on",
    }),
  },
  { additionalProperties: false },
);

export const createEndpointMigrationRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.post(
    "/banks/:bankId/endpoint-migrations",
    {
      schema: {
        summary: "Start moving the agreements pinned to one endpoint to another",
        description:
          "At weight w, each agreement pinned to `fromEndpointId` whose stable bucket (SHA-256 of its id, 0-99) is below w is served by `toEndpointId`; the others stay. Raise the weight to move more, roll back to move all back at once, complete at 100 to re-pin them. One migration at a time may leave an endpoint; the target must be enabled, and neither endpoint may be retired (`bank_endpoint_retired`). Recorded in the audit log.",
        tags: ["banks"],
        params: BankParams,
        body: Body,
        response: {
          201: EndpointMigrationViewSchema,
          ...operatorProblems(
            "participant_not_found",
            "participant_not_bank",
            "endpoint_migration_id_invalid",
            "endpoint_migration_same_endpoint",
            "endpoint_migration_weight_invalid",
            "bank_endpoint_not_found",
            "bank_endpoint_disabled",
            "bank_endpoint_retired",
            "endpoint_migration_exists",
            "endpoint_migration_conflict",
          ),
        },
      },
    },
    async (request, reply) => {
      const { bankId } = request.params;
      const created = await hub.endpointMigrations.create(
        bankId,
        request.body,
        operatorActor(request),
      );
      if (!created.ok) return sendProblem(reply, created.code);
      return reply
        .code(201)
        .header("location", migrationUrl(bankId, created.value.id))
        .send(endpointMigrationView(created.value));
    },
  );
};
