import { randomUUID } from "node:crypto";
import type {
  BillerAdmission,
  BillerUsage,
  CapacityClaim,
  CapacityLease,
  ClaimResult,
} from "../../app/ports/biller-admission.ts";
import {
  assertAdmissionIds,
  judgeAdmission,
  type LeaseTag,
  recordAdmission,
  recordDemand,
  retryAfterMs,
  type TrafficClass,
  tallyFields,
  type WindowTally,
} from "../../domain/billers/admission-rule.ts";
import { capacityWindowMs } from "../../domain/billers/biller-capacity.ts";

interface Lease extends LeaseTag {
  readonly expiresAtMs: number;
}

interface BillerState {
  /** The current window and the one before it: the rule reads no further back. */
  windows: Map<number, WindowTally>;
  readonly leases: Map<string, Lease>;
}

/**
 * The biller's capacity in this process's memory: right for a single hub node, where it is the
 * shared state. Each claim runs synchronously from start to end, so it is atomic like the Redis
 * script. Time is the injected clock, so tests move it instead of waiting.
 */
export class MemoryBillerAdmission implements BillerAdmission {
  private readonly billers = new Map<string, BillerState>();

  constructor(private readonly clock: () => number = Date.now) {}

  async claim(claim: CapacityClaim): Promise<ClaimResult> {
    assertAdmissionIds(claim.billerId, claim.attempt.channelId);
    const nowMs = this.clock();
    const windowIndex = Math.floor(nowMs / capacityWindowMs);
    const windowStartMs = windowIndex * capacityWindowMs;
    const state = this.stateOf(claim.billerId, nowMs, windowIndex);
    const current = windowOf(state, windowIndex);
    const previous = state.windows.get(windowIndex - 1) ?? new Map<string, number>();
    recordDemand(current, claim.attempt);
    const live = [...state.leases.values()];
    const refusal = judgeAdmission(claim.split, current, previous, live, claim.attempt);
    if (refusal !== null) {
      const earliest = live.length === 0 ? null : Math.min(...live.map((l) => l.expiresAtMs));
      return {
        admitted: false,
        refusal,
        retryAfterMs: retryAfterMs(refusal, nowMs, capacityWindowMs, earliest),
        nowMs,
        windowStartMs,
      };
    }
    recordAdmission(current, claim.attempt);
    const expiresAtMs = nowMs + claim.leaseMs;
    const token = randomUUID();
    state.leases.set(token, {
      trafficClass: claim.attempt.trafficClass,
      channelId: claim.attempt.channelId,
      expiresAtMs,
    });
    return {
      admitted: true,
      lease: { billerId: claim.billerId, token, expiresAtMs },
      nowMs,
      windowStartMs,
    };
  }

  async release(lease: CapacityLease): Promise<void> {
    this.billers.get(lease.billerId)?.leases.delete(lease.token);
  }

  async usage(billerId: string): Promise<BillerUsage> {
    const nowMs = this.clock();
    const windowIndex = Math.floor(nowMs / capacityWindowMs);
    const state = this.stateOf(billerId, nowMs, windowIndex);
    const current = state.windows.get(windowIndex) ?? new Map<string, number>();
    const callsInFlight: Record<TrafficClass, number> = {
      posting: 0,
      user_inquiry: 0,
      scheduled_inquiry: 0,
    };
    for (const lease of state.leases.values()) callsInFlight[lease.trafficClass]++;
    return {
      windowStartMs: windowIndex * capacityWindowMs,
      postingsAdmitted: current.get(tallyFields.admittedTotal("posting")) ?? 0,
      inquiriesAdmitted: current.get(tallyFields.admittedTotal("inquiry")) ?? 0,
      scheduledAdmitted: current.get(tallyFields.scheduledAdmitted) ?? 0,
      callsInFlight,
    };
  }

  /** The biller's state with expired leases and windows older than the previous one dropped. */
  private stateOf(billerId: string, nowMs: number, windowIndex: number): BillerState {
    let state = this.billers.get(billerId);
    if (state === undefined) {
      state = { windows: new Map(), leases: new Map() };
      this.billers.set(billerId, state);
    }
    for (const [token, lease] of state.leases) {
      if (lease.expiresAtMs <= nowMs) state.leases.delete(token);
    }
    for (const index of state.windows.keys()) {
      if (index < windowIndex - 1) state.windows.delete(index);
    }
    return state;
  }
}

function windowOf(state: BillerState, windowIndex: number): WindowTally {
  let tally = state.windows.get(windowIndex);
  if (tally === undefined) {
    tally = new Map();
    state.windows.set(windowIndex, tally);
  }
  return tally;
}
