import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { operatorActor } from "../operator-auth.ts";
import { sendProblem } from "../problem.ts";
import { WebhookDeliveryViewSchema, webhookDeliveryView } from "../webhook-delivery-view.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

const Params = Type.Object({
  deliveryId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
});

export const redeliverWebhookRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.post(
    "/webhook-deliveries/:deliveryId/redeliver",
    {
      schema: {
        summary: "Send a dead or delivered webhook again",
        description:
          "Makes the delivery pending, due at once, with its attempts counted afresh; the dispatcher sends it on its next pass, with the same `webhook-id`. A delivery still pending is refused: it is already on its way.",
        tags: ["webhooks"],
        params: Params,
        response: {
          200: WebhookDeliveryViewSchema,
          ...operatorProblems("webhook_delivery_not_found", "webhook_delivery_pending"),
        },
      },
    },
    async (request, reply) => {
      const redelivered = await hub.webhookDeliveries.redeliver(
        request.params.deliveryId,
        operatorActor(request),
      );
      if (!redelivered.ok) return sendProblem(reply, redelivered.code);
      request.log.info({ deliveryId: request.params.deliveryId }, "webhook redelivery requested");
      return webhookDeliveryView(redelivered.delivery);
    },
  );
};
