import { decodeEventTypes, type EventType } from "./event-type.ts";
import { type EventSubject, type TransferEvent, transferEventPayload } from "./transfer-event.ts";

/**
 * An event whose body is written when it is raised. Agreements and bank operations raise one
 * event per change, so nothing is saved by waiting; transfers raise thousands per batch, so
 * theirs is written only for subscribed endpoints.
 */
export interface PreparedEvent {
  readonly id: string;
  readonly type: EventType;
  readonly recipientId: string;
  readonly createdAt: number;
  readonly payload: string;
}

export type OutboxEvent = TransferEvent | PreparedEvent;

/** A participant's webhook endpoint, as the outbox needs it. */
export interface EndpointSubscription {
  readonly participantId: string;
  readonly endpointId: string;
  /** The stored, space-separated form. */
  readonly eventTypes: string;
}

/** One event on its way to one endpoint: a row of the outbox. */
export interface NewDelivery {
  readonly participantId: string;
  readonly endpointId: string;
  readonly eventId: string;
  readonly eventType: EventType;
  readonly payload: string;
  readonly createdAt: number;
}

/** Every (event, endpoint) pair where the endpoint belongs to the recipient and wants the type. */
export function deliveriesFor(
  events: readonly OutboxEvent[],
  endpoints: readonly EndpointSubscription[],
): NewDelivery[] {
  const byParticipant = new Map<string, { endpointId: string; types: Set<EventType> }[]>();
  for (const endpoint of endpoints) {
    const list = byParticipant.get(endpoint.participantId) ?? [];
    list.push({
      endpointId: endpoint.endpointId,
      types: new Set(decodeEventTypes(endpoint.eventTypes)),
    });
    byParticipant.set(endpoint.participantId, list);
  }
  const deliveries: NewDelivery[] = [];
  // An event's recipients, and a recipient's endpoints, share one body.
  const payloads = new Map<EventSubject, string>();
  for (const event of events) {
    for (const endpoint of byParticipant.get(event.recipientId) ?? []) {
      if (!endpoint.types.has(event.type)) continue;
      const payload = "payload" in event ? event.payload : sharedPayload(event, payloads);
      deliveries.push({
        participantId: event.recipientId,
        endpointId: endpoint.endpointId,
        eventId: event.id,
        eventType: event.type,
        payload,
        createdAt: event.createdAt,
      });
    }
  }
  return deliveries;
}

function sharedPayload(event: TransferEvent, payloads: Map<EventSubject, string>): string {
  let payload = payloads.get(event.subject);
  if (payload === undefined) {
    payload = transferEventPayload(event);
    payloads.set(event.subject, payload);
  }
  return payload;
}
