import type { BillSubscription } from "../../domain/billers/bill-subscription.ts";
import type { PreparedEvent } from "../../domain/notifications/webhook-delivery.ts";

/** A subscription as it is written: the clear parameters sealed, the lookup hash beside them. */
export interface NewBillSubscription {
  readonly subscription: BillSubscription;
  /** The customer parameters sealed for this row (`sealedFieldContext` of the row). */
  readonly sealedCustomer: string;
  /** The keyed hash of the canonical customer under the current key. */
  readonly lookupHash: string;
  /** Every hash an existing subscription to the same customer may be stored under. */
  readonly lookupCandidates: readonly string[];
}

export type BillSubscriptionWrite =
  | { readonly ok: true; readonly subscription: BillSubscription; readonly created: boolean }
  | { readonly ok: false; readonly code: "bill_subscriptions_full" };

/** Where the previous page ended: newest first, by creation time then id. */
export interface BillSubscriptionCursor {
  readonly createdAt: number;
  readonly id: string;
}

export const billSubscriptionPageSizeMax = 500;
/**
 * The most channels told of one customer's bill: every channel of the network may hold a
 * subscription to the same customer, and no network has this many channels.
 */
export const subscribersPerCustomerMax = 1_000;

/**
 * Channels' bill subscriptions. A channel holds at most one per customer of a biller: the
 * customer is found by its lookup hash, never by the clear parameters, which are sealed.
 */
export interface BillSubscriptionStore {
  /**
   * Writes the subscription, or answers the channel's existing one to the same customer
   * (`created: false`). Refused when the channel already holds `perChannelMax`. Concurrent
   * subscriptions of one channel are serialised, so neither the bound nor the one-per-customer
   * rule can be passed by racing.
   */
  subscribe(entry: NewBillSubscription, perChannelMax: number): Promise<BillSubscriptionWrite>;
  find(channelId: string, id: string): Promise<BillSubscription | undefined>;
  /** Newest first, at most `limit`, only the biller's when `billerId` is given. */
  list(
    channelId: string,
    filter: { readonly billerId?: string | undefined; readonly limit: number },
    after?: BillSubscriptionCursor | undefined,
  ): Promise<BillSubscription[]>;
  /** False when the channel held no such subscription. */
  remove(channelId: string, id: string): Promise<boolean>;
  /** Every subscription to the customer the hashes name, at most `subscribersPerCustomerMax`. */
  subscribersOf(billerId: string, lookupCandidates: readonly string[]): Promise<BillSubscription[]>;
  /**
   * Records the biller's notice and puts `events` in the webhook outbox, in one transaction:
   * false, with nothing written, when the notice was recorded before. A crash loses neither
   * half without the other, and a repeated notice tells nobody twice.
   */
  recordBillNotice(
    notice: { readonly billerId: string; readonly noticeId: string; readonly receivedAt: number },
    events: readonly PreparedEvent[],
  ): Promise<boolean>;
}
