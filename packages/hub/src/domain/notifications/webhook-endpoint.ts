import { type EventType, isEventType } from "./event-type.ts";

/**
 * Where a participant wants some of its events sent. The participant picks the id, so that
 * registering the same endpoint twice (a retried request) finds the first one.
 */
export interface WebhookEndpoint {
  readonly participantId: string;
  readonly id: string;
  readonly url: string;
  /** Sorted, without duplicates, never empty. */
  readonly eventTypes: readonly EventType[];
  readonly createdAt: number;
}

/** Each endpoint multiplies the deliveries of every event the participant receives. */
export const endpointsPerParticipantMax = 10;
export const endpointUrlLengthMax = 2048;
export const endpointIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Why an endpoint cannot be registered as given, in order of precedence. */
export type EndpointInputError =
  | "webhook_endpoint_id_invalid"
  | "webhook_url_invalid"
  | "webhook_event_types_invalid";

export interface EndpointInput {
  readonly id: string;
  readonly url: string;
  readonly eventTypes: readonly string[];
}

export type EndpointCheck =
  | { readonly ok: true; readonly url: string; readonly eventTypes: EventType[] }
  | { readonly ok: false; readonly code: EndpointInputError };

/**
 * An absolute http(s) URL without credentials or fragment. Credentials would sit in the store
 * and in operator listings in plain text; a fragment is never sent, so it can only mislead.
 * The URL is kept as the WHATWG parser writes it, the form the request is signed over.
 */
export function normalizeEndpointUrl(text: string): string | undefined {
  if (text.length > endpointUrlLengthMax || !URL.canParse(text)) return undefined;
  const url = new URL(text);
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  if (url.username !== "" || url.password !== "" || url.hash !== "") return undefined;
  return url.href.length > endpointUrlLengthMax ? undefined : url.href;
}

/** The event types sorted and without duplicates; undefined when empty or one is unknown. */
export function normalizeEventTypes(types: readonly string[]): EventType[] | undefined {
  if (types.length === 0 || !types.every(isEventType)) return undefined;
  return [...new Set(types)].sort();
}

export function checkEndpointInput(input: EndpointInput): EndpointCheck {
  if (!endpointIdPattern.test(input.id)) return { ok: false, code: "webhook_endpoint_id_invalid" };
  const url = normalizeEndpointUrl(input.url);
  if (url === undefined) return { ok: false, code: "webhook_url_invalid" };
  const eventTypes = normalizeEventTypes(input.eventTypes);
  if (eventTypes === undefined) return { ok: false, code: "webhook_event_types_invalid" };
  return { ok: true, url, eventTypes };
}

/** Whether two registrations of one endpoint id ask for the same thing. */
export function sameSubscription(a: WebhookEndpoint, b: WebhookEndpoint): boolean {
  return (
    a.url === b.url &&
    a.eventTypes.length === b.eventTypes.length &&
    a.eventTypes.every((type, index) => b.eventTypes[index] === type)
  );
}
