import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Participant } from "../../domain/participant/participant.ts";
import { sendProblem } from "../problem.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { participantProblems } from "./participant-problems.ts";
import { WebhookEndpointParams } from "./webhook-endpoint-view.ts";

export const deleteWebhookEndpointRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.delete(
    "/webhook-endpoints/:endpointId",
    {
      config: { operation: "webhooks.manage" },
      schema: {
        summary: "Stop sending events to an endpoint",
        description:
          "Deliveries already due to the endpoint are not sent; the operator sees them dead, with the reason. Deleting again answers 404.",
        tags: ["webhooks"],
        params: WebhookEndpointParams,
        response: { 204: Type.Null(), ...participantProblems("webhook_endpoint_not_found") },
      },
    },
    async (request, reply) => {
      const participant = request.participant as Participant;
      const removed = await hub.webhookEndpoints.remove(participant.id, request.params.endpointId);
      if (!removed.ok) return sendProblem(reply, removed.code);
      return reply.code(204).send(null);
    },
  );
};
