import { randomUUID } from "node:crypto";
import canonicalize from "canonicalize";
import {
  type BillSubscription,
  billSubscriptionsPerChannelDefault,
} from "../../domain/billers/bill-subscription.ts";
import {
  type CustomerParameters,
  canonicalCustomer,
  maskCustomerParameters,
} from "../../domain/billers/customer-parameters.ts";
import { isParticipantIdValid, type Participant } from "../../domain/participant/participant.ts";
import {
  type BillSubscriptionCursor,
  type BillSubscriptionStore,
  billSubscriptionPageSizeMax,
} from "../ports/bill-subscription-store.ts";
import { type FieldSealer, sealedFieldContext } from "../ports/field-sealer.ts";
import type { LookupHasher } from "../ports/lookup-hasher.ts";
import type { ParticipantStore } from "../ports/participant-store.ts";

/** The most subscriptions one page lists, as the store bounds it. */
export { billSubscriptionPageSizeMax };

export type BillSubscriptionRefusal =
  | "biller_not_found"
  | "participant_not_biller"
  | "bill_subscriptions_full"
  | "bill_subscription_not_found";

export type BillSubscriptionOutcome =
  | { readonly ok: true; readonly subscription: BillSubscription; readonly created: boolean }
  | { readonly ok: false; readonly code: BillSubscriptionRefusal };

export interface NewBillSubscriptionRequest {
  readonly billerId: string;
  readonly parameters: CustomerParameters;
  readonly reference: string | null;
}

export interface BillSubscriptionLimits {
  /** The most subscriptions one channel holds; one more is refused `bill_subscriptions_full`. */
  readonly perChannelMax: number;
}

export const billSubscriptionLimitsDefaults: BillSubscriptionLimits = {
  perChannelMax: billSubscriptionsPerChannelDefault,
};

/** The lookup hash's purpose: a customer at a biller, as subscriptions and notices name it. */
export const billCustomerLookupPurpose = "bill_subscriptions.customer";

/** The keyed hashes a customer at a biller may be stored under, the current key's first. */
export function billCustomerLookup(
  hasher: LookupHasher,
  billerId: string,
  parameters: CustomerParameters,
): readonly string[] {
  return hasher.candidates(canonicalCustomer(billerId, parameters), billCustomerLookupPurpose);
}

/**
 * A channel's subscriptions to its users' bills. Subscribing is idempotent by customer: the
 * same biller and parameters again answer the subscription the channel holds, whatever
 * `reference` comes with them, so a channel may retry blindly and never holds two. The clear
 * parameters are sealed into the row and leave it only masked.
 */
export class BillSubscriptionService {
  constructor(
    private readonly participants: Pick<ParticipantStore, "findParticipant">,
    private readonly store: BillSubscriptionStore,
    private readonly sealer: FieldSealer,
    private readonly hasher: LookupHasher,
    private readonly limits: BillSubscriptionLimits = billSubscriptionLimitsDefaults,
    private readonly clock: () => number = Date.now,
    private readonly newId: () => string = () => `bs-${randomUUID()}`,
  ) {}

  async subscribe(
    channel: Participant,
    request: NewBillSubscriptionRequest,
  ): Promise<BillSubscriptionOutcome> {
    // Not looked up unless it can be an id: PostgreSQL refuses some text (NUL) outright.
    if (!isParticipantIdValid(request.billerId)) return refused("biller_not_found");
    const biller = await this.participants.findParticipant(request.billerId);
    if (biller === undefined || biller.status === "terminated") return refused("biller_not_found");
    if (biller.kind !== "biller") return refused("participant_not_biller");
    const subscription: BillSubscription = {
      channelId: channel.id,
      id: this.newId(),
      billerId: biller.id,
      reference: request.reference,
      customerMasked: maskCustomerParameters(request.parameters),
      createdAt: this.clock(),
    };
    const candidates = billCustomerLookup(this.hasher, biller.id, request.parameters);
    const [lookupHash] = candidates;
    if (lookupHash === undefined) throw new Error("the lookup hasher gave no hash");
    const sealedCustomer = this.sealer.seal(
      canonicalize(request.parameters) ?? "",
      customerContext(subscription),
    );
    return this.store.subscribe(
      { subscription, sealedCustomer, lookupHash, lookupCandidates: candidates },
      this.limits.perChannelMax,
    );
  }

  list(
    channel: Participant,
    filter: { readonly billerId?: string | undefined; readonly limit: number },
    after?: BillSubscriptionCursor,
  ): Promise<BillSubscription[]> {
    const limit = Math.min(Math.max(filter.limit, 1), billSubscriptionPageSizeMax);
    const { billerId } = filter;
    // No biller has an id that is not one: its page is empty.
    if (billerId !== undefined && !isParticipantIdValid(billerId)) return Promise.resolve([]);
    return this.store.list(channel.id, { billerId, limit }, after);
  }

  async remove(
    channel: Participant,
    id: string,
  ): Promise<
    { readonly ok: true } | { readonly ok: false; readonly code: BillSubscriptionRefusal }
  > {
    return (await this.store.remove(channel.id, id))
      ? { ok: true }
      : refused("bill_subscription_not_found");
  }
}

function refused(code: BillSubscriptionRefusal) {
  return { ok: false, code } as const;
}

function customerContext(key: { channelId: string; id: string }): string {
  return sealedFieldContext("bill_subscriptions", "customer", `${key.channelId}:${key.id}`);
}
