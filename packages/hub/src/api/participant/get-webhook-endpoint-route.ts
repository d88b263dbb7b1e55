import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Participant } from "../../domain/participant/participant.ts";
import { sendProblem } from "../problem.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { participantProblems } from "./participant-problems.ts";
import {
  WebhookEndpointParams,
  WebhookEndpointSchema,
  webhookEndpointView,
} from "./webhook-endpoint-view.ts";

export const getWebhookEndpointRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/webhook-endpoints/:endpointId",
    {
      config: { operation: "webhooks.manage" },
      schema: {
        summary: "One of the caller's webhook endpoints",
        tags: ["webhooks"],
        params: WebhookEndpointParams,
        response: {
          200: WebhookEndpointSchema,
          ...participantProblems("webhook_endpoint_not_found"),
        },
      },
    },
    async (request, reply) => {
      const participant = request.participant as Participant;
      const found = await hub.webhookEndpoints.find(participant.id, request.params.endpointId);
      if (!found.ok) return sendProblem(reply, found.code);
      return webhookEndpointView(found.value);
    },
  );
};
