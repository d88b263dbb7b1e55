/**
 * The gate every call to a biller passes before it leaves the hub: the channel's quota, the
 * presentment cache for machine-made inquiries, the biller's capacity shared by every node
 * (the admission rule, atomically in the `BillerAdmission` port), a short bounded queue, and
 * shedding with a `retryAfterMs` the HTTP layer answers as 429 and Retry-After.
 *
 * Order for one request:
 * 1. `scheduled` inquiry with a fresh cached copy: answered from the cache; the biller is not
 *    asked and no quota is spent.
 * 2. The channel's own quota for this biller and class: past it, shed at once (`channel_quota`);
 *    queueing cannot help a channel that asks faster than it may.
 * 3. The biller's capacity: admitted with a lease on a slot, or refused with the time it frees.
 *    A `scheduled` inquiry is shed at once (machines retry later on their own). Other calls
 *    wait, at most `queueWaitMaxMs` and only while fewer than `queueLengthMax` wait for the
 *    same biller on this node, and try again when the window turns or a slot frees; a refusal
 *    that waiting cannot cure in time is shed straight away.
 *
 * The caller makes the call only with a ticket, under the endpoint guard (timeout, breaker:
 * admission first, so a refused call never counts against the biller's health and a call the
 * breaker refuses returns its slot at once), and releases the ticket when the call ends,
 * whatever its outcome. A node that dies mid-call frees its slots when their leases expire.
 */
import { setTimeout as sleepFor } from "node:timers/promises";
import type {
  AdmissionAttempt,
  CapacityRefusal,
  TrafficClass,
} from "../../domain/billers/admission-rule.ts";
import {
  type BillerCapacity,
  type CapacitySplit,
  capacityWindowMs,
  type ScheduledPolicy,
  scheduledPolicyDefaults,
  splitCapacity,
} from "../../domain/billers/biller-capacity.ts";
import type {
  BillerAdmission,
  BillerUsage,
  CapacityLease,
  ClaimResult,
} from "../ports/biller-admission.ts";
import type { ChannelQuota } from "../ports/channel-quota.ts";
import type {
  CachedPresentment,
  PresentmentCache,
  PresentmentKey,
} from "../ports/presentment-cache.ts";
import {
  AdmissionCounters,
  type AdmissionEvent,
  type ChannelCounters,
  type ShedReason,
} from "./admission-counters.ts";
import {
  type ChannelTerms,
  type ConfiguredChannelTerms,
  checkWeight,
  defaultChannelQuota,
  type SettledTerms,
  settleTerms,
} from "./channel-terms.ts";

/** The channel terms' types, where callers of the gate have always found them. */
export type { ChannelTerms, ConfiguredChannelTerms };
export { defaultChannelQuota };

type SettledRequest = AdmissionRequest & { readonly channel: SettledTerms };

export interface AdmissionRequest {
  readonly billerId: string;
  readonly capacity: BillerCapacity;
  readonly channel: ChannelTerms;
  readonly trafficClass: TrafficClass;
  /** The call's own timeout; its lease lasts this plus the gate's margin. */
  readonly callTimeoutMs: number;
}

export interface GateSettings {
  /** The longest a request waits for capacity before it is shed: one window, so a request turned away late in a second gets the next. */
  readonly queueWaitMaxMs: number;
  /** Requests waiting for one biller on this node; beyond, shed at once (`queue_full`). */
  readonly queueLengthMax: number;
  /** While waiting for a slot another node may free, how often to try again. */
  readonly slotPollMs: number;
  /** A lease outlives its call's timeout by this much, so a slow answer never loses its slot. */
  readonly leaseMarginMs: number;
  /** A channel's default `scheduled` quota, in percent of the biller's inquiry rate (at least 1 a second). */
  readonly scheduledQuotaPercent: number;
  readonly scheduled: ScheduledPolicy;
  /** Per channel: its weight and quotas (`CLEARHUB_CHANNEL_TERMS`); none by default. */
  readonly channels: ConfiguredChannelTerms;
}

export const gateDefaults: GateSettings = {
  queueWaitMaxMs: capacityWindowMs,
  queueLengthMax: 200,
  slotPollMs: 50,
  leaseMarginMs: 5_000,
  scheduledQuotaPercent: 10,
  scheduled: scheduledPolicyDefaults,
  channels: {},
};

export interface GateDependencies<TBills> {
  readonly admission: BillerAdmission;
  readonly quota: ChannelQuota;
  readonly cache: PresentmentCache<TBills>;
  readonly clock: () => number;
  /** Resolves after `ms`, or early (without error) when the signal aborts. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly onEvent?: ((event: AdmissionEvent) => void) | undefined;
}

export async function realSleep(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await sleepFor(ms, undefined, { signal });
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}

/** Held while the call runs; `release` when it ends. Releasing twice does nothing. */
export interface AdmissionTicket {
  readonly lease: CapacityLease;
  /** How long the request waited in the queue. */
  readonly queuedMs: number;
  /** The capacity window it was counted in, by the shared state's clock. */
  readonly windowStartMs: number;
  release(): Promise<void>;
}

export type GateResult =
  | { readonly outcome: "admitted"; readonly ticket: AdmissionTicket }
  | { readonly outcome: "shed"; readonly reason: ShedReason; readonly retryAfterMs: number };

export type InquiryResult<TBills> =
  | GateResult
  | { readonly outcome: "cached"; readonly presentment: CachedPresentment<TBills> };

/** A biller's capacity as declared and as used now, across every node. */
export interface BillerCapacityView {
  readonly billerId: string;
  readonly split: CapacitySplit;
  readonly usage: BillerUsage;
}

export interface AdmissionSnapshot {
  /** When it was read, by the gate's clock: two snapshots' counts over their times are rates. */
  readonly atMs: number;
  /** This node's counts per channel, biller and class. */
  readonly channels: ChannelCounters[];
  /** Each biller this node has admitted calls to, with its use counted across every node. */
  readonly billers: BillerCapacityView[];
}

/** A request in the queue: what it waits for, and how to wake it early. */
interface Waiter {
  forSlot: boolean;
  wake: AbortController;
}

/** Billers remembered for the snapshot; a hub has far fewer. */
const billersRememberedMax = 10_000;

export class BillerAdmissionGate<TBills> {
  private readonly counters = new AdmissionCounters();
  private readonly splits = new Map<string, CapacitySplit>();
  /** Per biller, the requests waiting on this node, oldest first. */
  private readonly waiting = new Map<string, Set<Waiter>>();

  constructor(
    private readonly dependencies: GateDependencies<TBills>,
    private readonly settings: GateSettings = gateDefaults,
  ) {}

  /** An inquiry: a `scheduled` one is answered from a fresh cached copy when there is one. */
  async admitInquiry(
    request: AdmissionRequest,
    key: PresentmentKey,
  ): Promise<InquiryResult<TBills>> {
    if (request.trafficClass === "posting") throw new Error("a posting is not an inquiry");
    if (request.trafficClass === "scheduled_inquiry") {
      const cached = await this.dependencies.cache.get(key);
      if (cached !== null) {
        this.emit({ kind: "requested", subject: subjectOf(request) });
        this.emit({ kind: "cache_hit", subject: subjectOf(request) });
        return { outcome: "cached", presentment: cached };
      }
    }
    return this.admit(request);
  }

  /**
   * Keeps a biller's fresh answer so that `scheduled` inquiries are served from it for `ttlMs`
   * (the biller profile's cache time). Every answer is put, whoever asked.
   */
  putPresentment(
    key: PresentmentKey,
    presentment: CachedPresentment<TBills>,
    ttlMs: number,
  ): Promise<void> {
    return this.dependencies.cache.put(key, presentment, ttlMs);
  }

  async admit(asked: AdmissionRequest): Promise<GateResult> {
    const request: SettledRequest = {
      ...asked,
      channel: settleTerms(asked.channel, this.settings.channels),
    };
    checkWeight(request.channel.weight);
    const subject = subjectOf(request);
    this.emit({ kind: "requested", subject });
    const split = splitCapacity(request.capacity, this.settings.scheduled);
    this.remember(request.billerId, split);
    const quota = await this.dependencies.quota.take(
      subject,
      this.quotaOf(request),
      this.dependencies.clock(),
    );
    if (!quota.ok) return this.shed(request, "channel_quota", quota.retryAfterMs);
    return this.claimOrWait(request, split);
  }

  async snapshot(): Promise<AdmissionSnapshot> {
    const atMs = this.dependencies.clock();
    const billers = await Promise.all(
      [...this.splits].map(async ([billerId, split]) => ({
        billerId,
        split,
        usage: await this.dependencies.admission.usage(billerId),
      })),
    );
    return { atMs, channels: this.counters.snapshot(), billers };
  }

  private async claimOrWait(request: SettledRequest, split: CapacitySplit): Promise<GateResult> {
    const { clock } = this.dependencies;
    const arrivedMs = clock();
    const deadlineMs = arrivedMs + this.settings.queueWaitMaxMs;
    let lastWindowStartMs: number | null = null;
    let waiter: Waiter | null = null;
    try {
      for (;;) {
        const countDemand =
          lastWindowStartMs === null ||
          Math.floor(clock() / capacityWindowMs) * capacityWindowMs !== lastWindowStartMs;
        const claimed = await this.claim(request, split, countDemand);
        if (claimed.admitted) {
          this.emit({ kind: "admitted", subject: subjectOf(request) });
          const ticket = this.ticket(claimed.lease, clock() - arrivedMs, claimed.windowStartMs);
          return { outcome: "admitted", ticket };
        }
        lastWindowStartMs = claimed.windowStartMs;
        const waitMs = this.waitFor(request, claimed.refusal, claimed.retryAfterMs, deadlineMs);
        if (waitMs === null) return this.shed(request, claimed.refusal, claimed.retryAfterMs);
        if (waiter === null) {
          waiter = this.enqueue(request);
          if (waiter === null) return this.shed(request, "queue_full", claimed.retryAfterMs);
        }
        waiter.forSlot = claimed.refusal === "concurrency";
        waiter.wake = new AbortController();
        await this.dependencies.sleep(waitMs, waiter.wake.signal);
      }
    } finally {
      if (waiter !== null) this.waiting.get(request.billerId)?.delete(waiter);
    }
  }

  private claim(
    request: SettledRequest,
    split: CapacitySplit,
    countDemand: boolean,
  ): Promise<ClaimResult> {
    const attempt: AdmissionAttempt = {
      channelId: request.channel.channelId,
      weight: request.channel.weight,
      trafficClass: request.trafficClass,
      countDemand,
    };
    return this.dependencies.admission.claim({
      billerId: request.billerId,
      split,
      attempt,
      leaseMs: request.callTimeoutMs + this.settings.leaseMarginMs,
    });
  }

  /**
   * How long to wait before trying again, or null to shed now: machines' inquiries never wait,
   * and a refusal that ends only after the deadline is not worth waiting for. A slot may be
   * freed by another node, which cannot wake this one, so slots are polled.
   */
  private waitFor(
    request: AdmissionRequest,
    refusal: CapacityRefusal,
    retryAfterMs: number,
    deadlineMs: number,
  ): number | null {
    if (request.trafficClass === "scheduled_inquiry") return null;
    const remainingMs = deadlineMs - this.dependencies.clock();
    if (refusal === "concurrency") {
      return remainingMs <= 0
        ? null
        : Math.min(remainingMs, retryAfterMs, this.settings.slotPollMs);
    }
    return retryAfterMs > remainingMs ? null : retryAfterMs;
  }

  /** A place in the biller's queue on this node, or null when it is full. */
  private enqueue(request: AdmissionRequest): Waiter | null {
    let queue = this.waiting.get(request.billerId);
    if (queue === undefined) {
      queue = new Set();
      this.waiting.set(request.billerId, queue);
    }
    if (queue.size >= this.settings.queueLengthMax) return null;
    const waiter: Waiter = { forSlot: false, wake: new AbortController() };
    queue.add(waiter);
    this.emit({ kind: "queued", subject: subjectOf(request) });
    return waiter;
  }

  private ticket(lease: CapacityLease, queuedMs: number, windowStartMs: number): AdmissionTicket {
    let released = false;
    return {
      lease,
      queuedMs,
      windowStartMs,
      release: async () => {
        if (released) return;
        released = true;
        try {
          await this.dependencies.admission.release(lease);
        } finally {
          this.wakeOneForSlot(lease.billerId);
        }
      },
    };
  }

  /**
   * A freed slot wakes the oldest request waiting for one, not every waiter: one slot admits
   * one call, and waking all would send a burst of claims for nothing.
   */
  private wakeOneForSlot(billerId: string): void {
    for (const waiter of this.waiting.get(billerId) ?? []) {
      if (waiter.forSlot && !waiter.wake.signal.aborted) {
        waiter.wake.abort();
        return;
      }
    }
  }

  private shed(request: AdmissionRequest, reason: ShedReason, retryAfterMs: number): GateResult {
    this.emit({ kind: "shed", subject: subjectOf(request), reason });
    return { outcome: "shed", reason, retryAfterMs };
  }

  private quotaOf(request: AdmissionRequest): number {
    const set = request.channel.quotas?.[request.trafficClass];
    if (set !== undefined) return set;
    return defaultChannelQuota(
      request.capacity,
      request.trafficClass,
      this.settings.scheduledQuotaPercent,
    );
  }

  private remember(billerId: string, split: CapacitySplit): void {
    if (!this.splits.has(billerId) && this.splits.size >= billersRememberedMax) return;
    this.splits.set(billerId, split);
  }

  private emit(event: AdmissionEvent): void {
    this.counters.record(event);
    this.dependencies.onEvent?.(event);
  }
}

function subjectOf(request: AdmissionRequest) {
  return {
    billerId: request.billerId,
    channelId: request.channel.channelId,
    trafficClass: request.trafficClass,
  };
}
