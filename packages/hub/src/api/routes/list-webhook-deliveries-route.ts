import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { deliveryPageSizeMax } from "../../app/notifications/webhook-delivery-service.ts";
import { deliveryStatuses } from "../../domain/notifications/outbox-delivery.ts";
import { literalUnion } from "../literal-union.ts";
import { WebhookDeliveryViewSchema, webhookDeliveryView } from "../webhook-delivery-view.ts";
import { operatorProblems } from "./operator-problems.ts";
import { participantIdLengthMax } from "./participant-params.ts";
import type { RouteOptions } from "./route-options.ts";

export const deliveryPageSizeDefault = 100;

const Query = Type.Object({
  status: Type.Optional(literalUnion(deliveryStatuses, { description: "Only this status" })),
  participant: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: participantIdLengthMax,
      description: "Only deliveries to this participant",
    }),
  ),
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: deliveryPageSizeMax,
      default: deliveryPageSizeDefault,
      description: `Page size, default ${deliveryPageSizeDefault}`,
    }),
  ),
  cursor: Type.Optional(
    Type.String({
      pattern: "^[1-9][0-9]{0,14}$",
      description: "The `nextCursor` of the previous page",
    }),
  ),
});

const Page = Type.Object({
  items: Type.Array(WebhookDeliveryViewSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()], {
    description: "Pass as `cursor` for the next page; null on the last page",
  }),
});

/** Newest first, keyset-paginated by id: stable while new deliveries arrive. */
export const listWebhookDeliveriesRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/webhook-deliveries",
    {
      schema: {
        summary: "List webhook deliveries, newest first",
        description:
          "The outbox: every event on its way to a participant's endpoint, with its status, attempts and last error. Filter by `status` (`dead` lists what needs attention) and by participant.",
        tags: ["webhooks"],
        querystring: Query,
        response: { 200: Page, ...operatorProblems() },
      },
    },
    async (request) => {
      const { status, participant, cursor } = request.query;
      const limit = request.query.limit ?? deliveryPageSizeDefault;
      const page = await hub.webhookDeliveries.list({
        status,
        participantId: participant,
        cursor: cursor === undefined ? undefined : Number(cursor),
        limit,
      });
      return {
        items: page.items.map(webhookDeliveryView),
        nextCursor: page.nextCursor === null ? null : String(page.nextCursor),
      };
    },
  );
};
