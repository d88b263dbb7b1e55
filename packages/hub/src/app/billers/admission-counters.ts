import type { TrafficClass } from "../../domain/billers/admission-rule.ts";

/** Why a call was turned away (the HTTP layer answers each with 429 and Retry-After). */
export type ShedReason =
  | "channel_quota"
  | "biller_capacity"
  | "no_spare_capacity"
  | "concurrency"
  | "queue_full";

export const shedReasons: readonly ShedReason[] = [
  "channel_quota",
  "biller_capacity",
  "no_spare_capacity",
  "concurrency",
  "queue_full",
];

/** What happened to one request at the gate, as the metrics and the snapshot count it. */
export type AdmissionEvent =
  | { readonly kind: "requested" | "cache_hit" | "queued" | "admitted"; readonly subject: Subject }
  | { readonly kind: "shed"; readonly subject: Subject; readonly reason: ShedReason };

interface Subject {
  readonly billerId: string;
  readonly channelId: string;
  readonly trafficClass: TrafficClass;
}

/** One channel's traffic to one biller, of one class, on this hub node since it started. */
export interface ChannelCounters extends Subject {
  readonly requests: number;
  readonly cacheHits: number;
  readonly queued: number;
  readonly admitted: number;
  readonly shed: number;
  readonly shedBy: Readonly<Record<ShedReason, number>>;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };

/** Bounds the pairs counted: billers × channels × classes stay far below it in practice. */
export const countedSubjectsMax = 100_000;

/**
 * The gate's counts per (biller, channel, class). The Prometheus counters say the same; this
 * is the form an operator's page reads without a scrape.
 */
export class AdmissionCounters {
  private readonly counters = new Map<string, Mutable<ChannelCounters>>();

  record(event: AdmissionEvent): void {
    const counters = this.countersOf(event.subject);
    if (counters === undefined) return;
    if (event.kind === "shed") {
      counters.shed++;
      counters.shedBy[event.reason]++;
    } else if (event.kind === "requested") counters.requests++;
    else if (event.kind === "cache_hit") counters.cacheHits++;
    else if (event.kind === "queued") counters.queued++;
    else counters.admitted++;
  }

  snapshot(): ChannelCounters[] {
    return [...this.counters.values()].map((c) => ({ ...c, shedBy: { ...c.shedBy } }));
  }

  private countersOf(subject: Subject): Mutable<ChannelCounters> | undefined {
    const key = `${subject.billerId} ${subject.channelId} ${subject.trafficClass}`;
    let counters = this.counters.get(key);
    if (counters === undefined) {
      if (this.counters.size >= countedSubjectsMax) return undefined;
      counters = {
        billerId: subject.billerId,
        channelId: subject.channelId,
        trafficClass: subject.trafficClass,
        requests: 0,
        cacheHits: 0,
        queued: 0,
        admitted: 0,
        shed: 0,
        shedBy: Object.fromEntries(shedReasons.map((r) => [r, 0])) as Record<ShedReason, number>,
      };
      this.counters.set(key, counters);
    }
    return counters;
  }
}
