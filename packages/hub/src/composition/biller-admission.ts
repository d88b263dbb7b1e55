/**
 * Biller protection, assembled for the composition root: the admission gate on the shared
 * state (Redis when the hub has one, memory otherwise), its events counted in Prometheus, and
 * its metrics added to the hub's. The channel API takes the gate; nothing else needs the parts.
 */
import type { Redis } from "ioredis";
import { billerAdmissionStores } from "../adapters/limits/biller-admission-stores.ts";
import { BillerAdmissionMetrics } from "../adapters/metrics/biller-admission-metrics.ts";
import type { HubMetrics } from "../adapters/metrics/hub-metrics.ts";
import {
  BillerAdmissionGate,
  type GateSettings,
  gateDefaults,
  realSleep,
} from "../app/billers/biller-admission-gate.ts";

/** Under the hub's Redis prefix: `<prefix>admission:`, `<prefix>quota:`, `<prefix>presentment:`. */
export const billerAdmissionKeyPrefixDefault = "clearhub:";

export interface BillerAdmissionOptions {
  readonly redis?: Redis | undefined;
  readonly keyPrefix?: string | undefined;
  readonly settings?: Partial<GateSettings> | undefined;
  readonly clock?: (() => number) | undefined;
}

export function assembleBillerAdmission<TBills>(
  metrics: HubMetrics,
  options: BillerAdmissionOptions = {},
): BillerAdmissionGate<TBills> {
  const clock = options.clock ?? Date.now;
  const stores = billerAdmissionStores<TBills>(
    options.redis,
    options.keyPrefix ?? billerAdmissionKeyPrefixDefault,
    clock,
  );
  const admissionMetrics = new BillerAdmissionMetrics();
  const gate = new BillerAdmissionGate<TBills>(
    { ...stores, clock, sleep: realSleep, onEvent: (event) => admissionMetrics.record(event) },
    { ...gateDefaults, ...options.settings },
  );
  admissionMetrics.observeCapacity(async () => (await gate.snapshot()).billers);
  metrics.register(admissionMetrics.registry);
  return gate;
}
