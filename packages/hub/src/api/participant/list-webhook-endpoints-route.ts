import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Participant } from "../../domain/participant/participant.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { participantProblems } from "./participant-problems.ts";
import {
  endpointsLimitNote,
  WebhookEndpointSchema,
  webhookEndpointView,
} from "./webhook-endpoint-view.ts";

export const listWebhookEndpointsRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/webhook-endpoints",
    {
      config: { operation: "webhooks.manage" },
      schema: {
        summary: "The caller's webhook endpoints",
        description: endpointsLimitNote,
        tags: ["webhooks"],
        response: {
          200: Type.Object({ endpoints: Type.Array(WebhookEndpointSchema) }),
          ...participantProblems(),
        },
      },
    },
    async (request) => {
      const participant = request.participant as Participant;
      const endpoints = await hub.webhookEndpoints.list(participant.id);
      return { endpoints: endpoints.map(webhookEndpointView) };
    },
  );
};
