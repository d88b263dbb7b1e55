import { type Static, Type } from "@sinclair/typebox";
import { eventTypeNames, eventTypes } from "../../domain/notifications/event-type.ts";
import {
  endpointIdPattern,
  endpointsPerParticipantMax,
  endpointUrlLengthMax,
  type WebhookEndpoint,
} from "../../domain/notifications/webhook-endpoint.ts";
import { literalUnion } from "../literal-union.ts";

const eventTypeList = Object.entries(eventTypes)
  .map(([type, meaning]) => `- \`${type}\`: ${meaning}`)
  .join("\n");

const EndpointId = Type.String({
  minLength: 1,
  maxLength: 64,
  description: "Chosen by the participant; registering the same id again is a harmless retry",
});

export const WebhookEndpointParams = Type.Object({ endpointId: EndpointId });

/**
 * The event types are plain strings here, not an enumeration, so that an unknown one is
 * refused with `webhook_event_types_invalid` rather than a schema error.
 */
export const NewWebhookEndpointInput = Type.Object(
  {
    id: EndpointId,
    url: Type.String({
      minLength: 1,
      maxLength: endpointUrlLengthMax,
      description: "An absolute http or https URL, without credentials or fragment",
    }),
    eventTypes: Type.Array(Type.String({ maxLength: 64 }), {
      minItems: 1,
      maxItems: eventTypeNames.length,
      description: `The events to send to this endpoint:\n\n${eventTypeList}`,
    }),
  },
  { additionalProperties: false, title: "NewWebhookEndpoint" },
);

export const WebhookEndpointSchema = Type.Object(
  {
    id: Type.String({ pattern: endpointIdPattern.source }),
    url: Type.String({ description: "The URL as the hub sends to it, normalised" }),
    eventTypes: Type.Array(literalUnion(eventTypeNames), {
      description: "Sorted, without duplicates",
    }),
    createdAt: Type.String({ format: "date-time" }),
  },
  { title: "WebhookEndpoint" },
);
export type WebhookEndpointView = Static<typeof WebhookEndpointSchema>;

export const endpointsLimitNote = `A participant has at most ${endpointsPerParticipantMax} endpoints.`;

export function webhookEndpointView(endpoint: WebhookEndpoint): WebhookEndpointView {
  return {
    id: endpoint.id,
    url: endpoint.url,
    eventTypes: [...endpoint.eventTypes],
    createdAt: new Date(endpoint.createdAt).toISOString(),
  };
}
