/**
 * One event on its way to one endpoint, as the outbox keeps it. A delivery is `pending` until
 * the endpoint answers 2xx (`delivered`) or the attempts run out (`dead`); an operator can send
 * a delivered or dead one again, which makes it pending with a fresh count of attempts.
 */
export type DeliveryStatus = "pending" | "delivered" | "dead";
export const deliveryStatuses: readonly DeliveryStatus[] = ["pending", "delivered", "dead"];

export interface OutboxDelivery {
  readonly id: number;
  readonly participantId: string;
  readonly endpointId: string;
  /** Shared by every delivery of the event; receivers deduplicate on it. */
  readonly eventId: string;
  readonly eventType: string;
  /** The JSON body, exactly as it is sent and signed. */
  readonly payload: string;
  readonly status: DeliveryStatus;
  /** Attempts started since the delivery was created or last redelivered. */
  readonly attempts: number;
  /** When a pending delivery is next due; while one is being sent, the end of its lease. */
  readonly nextAttemptAt: number;
  readonly lastAttemptAt: number | null;
  readonly lastStatusCode: number | null;
  readonly lastError: string | null;
  readonly createdAt: number;
  readonly deliveredAt: number | null;
}

/** Bounds what one failed attempt stores about itself. */
export const deliveryErrorLengthMax = 500;

export function truncateDeliveryError(message: string): string {
  return message.length <= deliveryErrorLengthMax
    ? message
    : `${message.slice(0, deliveryErrorLengthMax - 1)}…`;
}
