import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { BankEndpointViewSchema, bankEndpointView } from "../bank-endpoint-view.ts";
import { sendProblem } from "../problem.ts";
import { BankParams } from "./bank-endpoint-input.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

export const listBankEndpointsRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/banks/:bankId/endpoints",
    {
      schema: {
        summary: "List a bank's interface endpoints, oldest first",
        tags: ["banks"],
        params: BankParams,
        response: {
          200: Type.Object({
            items: Type.Array(BankEndpointViewSchema),
            primaryEndpointId: Type.Union([Type.String(), Type.Null()], {
              description: "Where new signings go; null while the bank has no endpoint",
            }),
          }),
          ...operatorProblems("participant_not_found", "participant_not_bank"),
        },
      },
    },
    async (request, reply) => {
      const listed = await hub.bankEndpoints.list(request.params.bankId);
      if (!listed.ok) return sendProblem(reply, listed.code);
      const { endpoints, primaryEndpointId } = listed.value;
      return {
        items: endpoints.map((endpoint) =>
          bankEndpointView(endpoint, endpoint.id === primaryEndpointId),
        ),
        primaryEndpointId,
      };
    },
  );
};
