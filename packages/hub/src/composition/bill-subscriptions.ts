import type { Database } from "../adapters/store/database.ts";
import { KyselyBillSubscriptionStore } from "../adapters/store/kysely-bill-subscription-store.ts";
import { BillNoticeService } from "../app/billers/bill-notice-service.ts";
import {
  type BillSubscriptionLimits,
  BillSubscriptionService,
  billSubscriptionLimitsDefaults,
} from "../app/billers/bill-subscription-service.ts";
import type { BillerRegistry } from "../app/billers/biller-registry.ts";
import type { FieldSealer } from "../app/ports/field-sealer.ts";
import type { LookupHasher } from "../app/ports/lookup-hasher.ts";
import type { ParticipantStore } from "../app/ports/participant-store.ts";

export interface BillSubscriptionParts {
  /** Channels' subscriptions to their users' bills at billers. */
  readonly billSubscriptions: BillSubscriptionService;
  /** Billers' pushed bills, told to the subscribed channels by webhook. */
  readonly billNotices: BillNoticeService;
}

/**
 * Bills pushed, not polled: the subscriptions, the notices that fan out to them, and the keyed
 * lookup hash both use, derived from the same key ring that seals the customer parameters.
 */
export function composeBillSubscriptions(
  database: Database,
  deps: {
    readonly participantStore: ParticipantStore;
    readonly billerRegistry: BillerRegistry;
    readonly fieldSealer: FieldSealer;
    readonly lookupHasher: LookupHasher;
    readonly limits?: Partial<BillSubscriptionLimits> | undefined;
  },
): BillSubscriptionParts {
  const store = new KyselyBillSubscriptionStore(database.kysely, database.dialect);
  const hasher = deps.lookupHasher;
  return {
    billSubscriptions: new BillSubscriptionService(
      deps.participantStore,
      deps.billerRegistry,
      store,
      deps.fieldSealer,
      hasher,
      { ...billSubscriptionLimitsDefaults, ...deps.limits },
    ),
    billNotices: new BillNoticeService(store, hasher),
  };
}
