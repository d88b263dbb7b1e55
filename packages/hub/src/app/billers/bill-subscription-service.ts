import { randomUUID } from "node:crypto";
import canonicalize from "canonicalize";
import {
  type BillSubscription,
  billSubscriptionsPerChannelDefault,
} from "../../domain/billers/bill-subscription.ts";
import {
  type CustomerParameterFailure,
  checkCustomerParameters,
} from "../../domain/billers/customer-parameter-check.ts";
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
import type { BillerRegistry } from "./biller-registry.ts";

/** The most subscriptions one page lists, as the store bounds it. */
export { billSubscriptionPageSizeMax };

export type BillSubscriptionRefusal =
  | "biller_not_found"
  | "participant_not_biller"
  | "bill_subscriptions_full"
  | "bill_subscription_not_found";

export type BillSubscriptionOutcome =
  | { readonly ok: true; readonly subscription: BillSubscription; readonly created: boolean }
  | { readonly ok: false; readonly code: BillSubscriptionRefusal }
  | {
      readonly ok: false;
      readonly code: "customer_parameters_invalid";
      readonly failures: readonly CustomerParameterFailure[];
    };

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
    private readonly registry: Pick<BillerRegistry, "find">,
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
    const checked = await this.checkedParameters(biller.id, request.parameters);
    if (!checked.ok) {
      return { ok: false, code: "customer_parameters_invalid", failures: checked.failures };
    }
    const parameters = checked.values;
    const subscription: BillSubscription = {
      channelId: channel.id,
      id: this.newId(),
      billerId: biller.id,
      reference: request.reference,
      customerMasked: maskCustomerParameters(parameters),
      createdAt: this.clock(),
    };
    const candidates = billCustomerLookup(this.hasher, biller.id, parameters);
    const [lookupHash] = candidates;
    if (lookupHash === undefined) throw new Error("the lookup hasher gave no hash");
    const sealedCustomer = this.sealer.seal(
      canonicalize(parameters) ?? "",
      customerContext(subscription),
    );
    return this.store.subscribe(
      { subscription, sealedCustomer, lookupHash, lookupCandidates: candidates },
      this.limits.perChannelMax,
    );
  }

  /**
   * The parameters held to the biller's registered rules, when it has a profile: a subscription
   * whose parameters the biller would never send in a notice (a misspelt name, a value failing
   * its pattern or check digit) could never be told of a bill, so it is refused now rather than
   * left to wait silently. A biller not yet in the registry has only the shape checked.
   */
  private async checkedParameters(
    billerId: string,
    parameters: CustomerParameters,
  ): Promise<
    | { readonly ok: true; readonly values: CustomerParameters }
    | { readonly ok: false; readonly failures: readonly CustomerParameterFailure[] }
  > {
    const found = await this.registry.find(billerId);
    if (!found.ok) return { ok: true, values: parameters };
    return checkCustomerParameters(found.value.profile.parameters, parameters);
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
