/** Why a webhook URL may not be registered: it points where the hub must not send. */
export type DestinationRefusal = "webhook_destination_forbidden";

/**
 * Whether a webhook URL points at an address the hub may send to. Checked when an endpoint is
 * registered; the sender checks again, on the address it connects to, at every delivery.
 */
export interface WebhookDestinationCheck {
  check(url: string): Promise<DestinationRefusal | undefined>;
}
