import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Participant } from "../../domain/participant/participant.ts";
import { sendProblem } from "../problem.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { replayedHeader } from "./create-transfer-route.ts";
import { participantProblems } from "./participant-problems.ts";
import {
  endpointsLimitNote,
  NewWebhookEndpointInput,
  WebhookEndpointSchema,
  webhookEndpointView,
} from "./webhook-endpoint-view.ts";

export const registerWebhookEndpointRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.post(
    "/webhook-endpoints",
    {
      config: { operation: "webhooks.manage" },
      schema: {
        summary: "Have some of the caller's events sent to a URL",
        description: `Each event of a subscribed type is sent to the URL as a signed POST (see the webhooks section of the API description). ${endpointsLimitNote}

The \`id\` is the idempotency key: the same registration again answers 200 with the \`${replayedHeader}: true\` header; another URL or other event types under an id in use answer 409 \`webhook_endpoint_conflict\`. To change an endpoint, delete it and register it again.`,
        tags: ["webhooks"],
        body: NewWebhookEndpointInput,
        response: {
          200: WebhookEndpointSchema,
          201: WebhookEndpointSchema,
          ...participantProblems(
            "webhook_endpoint_id_invalid",
            "webhook_url_invalid",
            "webhook_event_types_invalid",
            "webhook_endpoint_conflict",
            "webhook_endpoints_exhausted",
            "webhook_destination_forbidden",
          ),
        },
      },
    },
    async (request, reply) => {
      const participant = request.participant as Participant;
      const registered = await hub.webhookEndpoints.register(participant.id, request.body);
      if (!registered.ok) return sendProblem(reply, registered.code);
      const { endpoint, created } = registered.value;
      if (!created) reply.header(replayedHeader, "true");
      return reply.code(created ? 201 : 200).send(webhookEndpointView(endpoint));
    },
  );
};
