import {
  checkEndpointInput,
  type EndpointInput,
  type EndpointInputError,
  endpointsPerParticipantMax,
  type WebhookEndpoint,
} from "../../domain/notifications/webhook-endpoint.ts";
import type {
  DestinationRefusal,
  WebhookDestinationCheck,
} from "../ports/webhook-destination-check.ts";
import type { EndpointWriteRefusal, WebhookEndpointStore } from "../ports/webhook-store.ts";

/** Why an endpoint operation was refused: the input first, then the store's checks. */
export type WebhookEndpointErrorCode =
  | EndpointInputError
  | EndpointWriteRefusal
  | DestinationRefusal
  | "webhook_endpoint_not_found";

export type EndpointOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: WebhookEndpointErrorCode };

export interface RegisteredEndpoint {
  readonly endpoint: WebhookEndpoint;
  /** False when the same registration existed: the request was a retry. */
  readonly created: boolean;
}

/** A participant's webhook endpoints: register (idempotent by id), read, delete. */
export class WebhookEndpointService {
  constructor(
    private readonly store: WebhookEndpointStore,
    private readonly destinations: WebhookDestinationCheck,
    private readonly clock: () => number = Date.now,
  ) {}

  async register(
    participantId: string,
    input: EndpointInput,
  ): Promise<EndpointOutcome<RegisteredEndpoint>> {
    const checked = checkEndpointInput(input);
    if (!checked.ok) return checked;
    const refusal = await this.destinations.check(checked.url);
    if (refusal !== undefined) return { ok: false, code: refusal };
    const endpoint: WebhookEndpoint = {
      participantId,
      id: input.id,
      url: checked.url,
      eventTypes: checked.eventTypes,
      createdAt: this.clock(),
    };
    const written = await this.store.createEndpoint(endpoint, endpointsPerParticipantMax);
    if (!written.ok) return written;
    return { ok: true, value: { endpoint: written.endpoint, created: written.created } };
  }

  list(participantId: string): Promise<WebhookEndpoint[]> {
    return this.store.listEndpoints(participantId);
  }

  async find(participantId: string, endpointId: string): Promise<EndpointOutcome<WebhookEndpoint>> {
    const endpoint = await this.store.findEndpoint(participantId, endpointId);
    return endpoint === undefined
      ? { ok: false, code: "webhook_endpoint_not_found" }
      : { ok: true, value: endpoint };
  }

  /** Deliveries already in the outbox for the endpoint die when they fall due. */
  async remove(participantId: string, endpointId: string): Promise<EndpointOutcome<undefined>> {
    return (await this.store.deleteEndpoint(participantId, endpointId))
      ? { ok: true, value: undefined }
      : { ok: false, code: "webhook_endpoint_not_found" };
  }
}
