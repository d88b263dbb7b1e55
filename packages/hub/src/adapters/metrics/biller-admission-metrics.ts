import { Counter, Gauge, Registry } from "prom-client";
import { type AdmissionEvent, shedReasons } from "../../app/billers/admission-counters.ts";
import type { BillerCapacityView } from "../../app/billers/biller-admission-gate.ts";

const metricPrefix = "clearhub_";

/** The resources a biller declares, as the capacity gauges label them. */
const resources = ["inquiries_per_second", "postings_per_second", "calls_in_flight"] as const;

/**
 * The operator's view of biller protection, per channel, biller and class: requests, cache
 * hits, queued, admitted and shed (by reason) on this node; and per biller, its declared
 * capacity beside what is used of it now, counted across every node. The channel and biller
 * labels are registry ids, so their sets are bounded by the registries.
 */
export class BillerAdmissionMetrics {
  readonly registry = new Registry();
  private readCapacity: (() => Promise<BillerCapacityView[]>) | undefined;

  private readonly counters = {
    requested: this.counter("requests", "Calls to billers asked for by channels"),
    cache_hit: this.counter(
      "cache_hits",
      "Scheduled inquiries answered from the presentment cache",
    ),
    queued: this.counter("queued", "Calls that waited in the queue for the biller's capacity"),
    admitted: this.counter("admitted", "Calls admitted to the biller"),
  } as const;

  private readonly shed = new Counter({
    name: `${metricPrefix}biller_admission_shed_total`,
    help: `Calls turned away (429), by reason (${shedReasons.join(", ")})`,
    labelNames: ["biller", "channel", "class", "reason"] as const,
    registers: [this.registry],
  });

  private readonly declared = new Gauge({
    name: `${metricPrefix}biller_capacity_declared`,
    help: "What each biller declared it can take from the hub, by resource",
    labelNames: ["biller", "resource"] as const,
    registers: [this.registry],
    collect: () => this.collectCapacity(),
  });

  private readonly used = new Gauge({
    name: `${metricPrefix}biller_capacity_used`,
    help: "What every hub node together uses of each biller's capacity now: admitted in the current second, or calls in flight",
    labelNames: ["biller", "resource"] as const,
    registers: [this.registry],
    collect: () => this.collectCapacity(),
  });

  /** One read shared by both gauges' collects, which a scrape runs side by side. */
  private capacityReading: Promise<BillerCapacityView[]> | undefined;

  record(event: AdmissionEvent): void {
    const labels = {
      biller: event.subject.billerId,
      channel: event.subject.channelId,
      class: event.subject.trafficClass,
    };
    if (event.kind === "shed") this.shed.inc({ ...labels, reason: event.reason });
    else this.counters[event.kind].inc(labels);
  }

  /** Where the capacity gauges read the billers' use, at scrape time. */
  observeCapacity(read: () => Promise<BillerCapacityView[]>): void {
    this.readCapacity = read;
  }

  private counter(name: string, help: string) {
    return new Counter({
      name: `${metricPrefix}biller_admission_${name}_total`,
      help,
      labelNames: ["biller", "channel", "class"] as const,
      registers: [this.registry],
    });
  }

  /** Shared state that cannot be read drops the series rather than keep a stale figure. */
  private async collectCapacity(): Promise<void> {
    if (this.readCapacity === undefined) return;
    const read = this.readCapacity;
    this.capacityReading ??= read().finally(() => {
      this.capacityReading = undefined;
    });
    let views: BillerCapacityView[];
    try {
      views = await this.capacityReading;
    } catch {
      this.declared.reset();
      this.used.reset();
      return;
    }
    this.declared.reset();
    this.used.reset();
    for (const { billerId, split, usage } of views) {
      const inFlight = Object.values(usage.callsInFlight).reduce((sum, n) => sum + n, 0);
      const figures: Record<(typeof resources)[number], [number, number]> = {
        inquiries_per_second: [split.inquiriesPerWindow, usage.inquiriesAdmitted],
        postings_per_second: [split.postingsPerWindow, usage.postingsAdmitted],
        calls_in_flight: [split.slotsMax, inFlight],
      };
      for (const resource of resources) {
        const [declared, used] = figures[resource];
        this.declared.set({ biller: billerId, resource }, declared);
        this.used.set({ biller: billerId, resource }, used);
      }
    }
  }
}
