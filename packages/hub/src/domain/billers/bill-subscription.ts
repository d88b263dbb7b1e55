import type { CustomerParameters } from "./customer-parameters.ts";

/**
 * A channel's standing request to be told of a customer's new and changed bills at one
 * biller, so that it never has to ask: the seed's "tell me when a bill arrives", done by the
 * biller's push instead of a channel's polling. One per (channel, biller, customer).
 */
export interface BillSubscription {
  readonly channelId: string;
  /** The hub's id, `bs-<uuid>`. */
  readonly id: string;
  readonly billerId: string;
  /** The channel's own name for its user or the subscription, echoed in every event. */
  readonly reference: string | null;
  /** For answers and events: the parameters masked. The clear ones stay sealed in the store. */
  readonly customerMasked: CustomerParameters;
  readonly createdAt: number;
}

/** The most subscriptions one channel holds unless the hub is configured otherwise. */
export const billSubscriptionsPerChannelDefault = 100_000;

/** A channel's reference: its own id for its user, shown back to it; no customer data. */
export const billSubscriptionReferenceLengthMax = 64;
