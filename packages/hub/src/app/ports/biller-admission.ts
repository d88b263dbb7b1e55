import type {
  AdmissionAttempt,
  CapacityRefusal,
  TrafficClass,
} from "../../domain/billers/admission-rule.ts";
import type { CapacitySplit } from "../../domain/billers/biller-capacity.ts";

/**
 * A slot held by one call to a biller. Released when the call ends; if the node holding it
 * dies, the slot frees itself at `expiresAtMs` (of the shared state's clock), so a lease must
 * outlast the call it covers: its timeout plus a margin.
 */
export interface CapacityLease {
  readonly billerId: string;
  /** Opaque to callers: the name the shared state holds the lease under. */
  readonly token: string;
  readonly expiresAtMs: number;
}

export interface CapacityClaim {
  readonly billerId: string;
  readonly split: CapacitySplit;
  readonly attempt: AdmissionAttempt;
  readonly leaseMs: number;
}

/** `nowMs` and `windowStartMs` are the shared state's, so every node names windows alike. */
export type ClaimResult =
  | {
      readonly admitted: true;
      readonly lease: CapacityLease;
      readonly nowMs: number;
      readonly windowStartMs: number;
    }
  | {
      readonly admitted: false;
      readonly refusal: CapacityRefusal;
      readonly retryAfterMs: number;
      readonly nowMs: number;
      readonly windowStartMs: number;
    };

/** One biller's use of its capacity now, counted across every hub node. */
export interface BillerUsage {
  readonly windowStartMs: number;
  readonly postingsAdmitted: number;
  readonly inquiriesAdmitted: number;
  readonly scheduledAdmitted: number;
  readonly callsInFlight: Readonly<Record<TrafficClass, number>>;
}

/**
 * The biller's capacity as every hub node shares it: one atomic step decides a call with the
 * admission rule (`domain/billers/admission-rule.ts`) and, when admitted, counts it and leases
 * it a slot. It never waits: queueing is the gate's business (`app/billers/`).
 */
export interface BillerAdmission {
  claim(claim: CapacityClaim): Promise<ClaimResult>;
  /** Frees the lease's slot. Releasing twice, or after it expired, does nothing. */
  release(lease: CapacityLease): Promise<void>;
  usage(billerId: string): Promise<BillerUsage>;
}
