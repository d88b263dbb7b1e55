import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MemoryBillerAdmission } from "../../src/adapters/limits/memory-biller-admission.ts";
import type { CapacityLease } from "../../src/app/ports/biller-admission.ts";
import {
  operationOf,
  type TrafficClass,
  trafficClasses,
} from "../../src/domain/billers/admission-rule.ts";
import { capacityWindowMs, splitCapacity } from "../../src/domain/billers/biller-capacity.ts";
import { ManualClock } from "../support/manual-clock.ts";
import { billerAdmissionContract } from "./biller-admission-contract.ts";

const capacityArbitrary = fc.record({
  inquiriesPerSecond: fc.integer({ min: 0, max: 40 }),
  postingsPerSecond: fc.integer({ min: 0, max: 20 }),
  concurrentCallsMax: fc.integer({ min: 1, max: 12 }),
  postingReservedPercent: fc.integer({ min: 0, max: 100 }),
});

describe("MemoryBillerAdmission", () => {
  describe("contract", () => {
    billerAdmissionContract(async (clock) => new MemoryBillerAdmission(clock));
  });

  it("never exceeds any limit, whatever the traffic (model check)", async () => {
    const callArbitrary = fc.record({
      channel: fc.constantFrom("pi-a", "pi-b", "pi-c", "pi-d"),
      weight: fc.integer({ min: 1, max: 5 }),
      trafficClass: fc.constantFrom(...trafficClasses),
      leaseMs: fc.integer({ min: 50, max: 4_000 }),
      releaseOne: fc.boolean(),
      advanceMs: fc.constantFrom(0, 0, 0, 0, 7, 130, 999),
    });
    await fc.assert(
      fc.asyncProperty(
        capacityArbitrary,
        fc.array(callArbitrary, { maxLength: 300 }),
        async (capacity, calls) => {
          const clock = new ManualClock();
          const admission = new MemoryBillerAdmission(clock.now);
          const split = splitCapacity(capacity);
          // The model: what was admitted per window, and which leases are live.
          const perWindow = new Map<string, number>();
          let live: { lease: CapacityLease; trafficClass: TrafficClass }[] = [];
          for (const call of calls) {
            const result = await admission.claim({
              billerId: "water-co",
              split,
              attempt: {
                channelId: call.channel,
                weight: call.weight,
                trafficClass: call.trafficClass,
                countDemand: true,
              },
              leaseMs: call.leaseMs,
            });
            live = live.filter((entry) => entry.lease.expiresAtMs > clock.now());
            if (result.admitted) {
              live.push({ lease: result.lease, trafficClass: call.trafficClass });
              const op = operationOf(call.trafficClass);
              for (const key of [
                `${result.windowStartMs} ${op}`,
                `${result.windowStartMs} class ${call.trafficClass}`,
              ]) {
                perWindow.set(key, (perWindow.get(key) ?? 0) + 1);
              }
              const window = (key: string) => perWindow.get(`${result.windowStartMs} ${key}`) ?? 0;
              expect(window("posting")).toBeLessThanOrEqual(split.postingsPerWindow);
              expect(window("inquiry")).toBeLessThanOrEqual(split.inquiriesPerWindow);
              expect(window("class scheduled_inquiry")).toBeLessThanOrEqual(
                split.scheduledPerWindowMax,
              );
              const inFlight = (classes: TrafficClass[]) =>
                live.filter((entry) => classes.includes(entry.trafficClass)).length;
              expect(live.length).toBeLessThanOrEqual(split.slotsMax);
              expect(inFlight(["user_inquiry", "scheduled_inquiry"])).toBeLessThanOrEqual(
                split.inquirySlotsMax,
              );
              expect(inFlight(["scheduled_inquiry"])).toBeLessThanOrEqual(split.scheduledSlotsMax);
            } else {
              expect(result.retryAfterMs).toBeGreaterThan(0);
              expect(result.retryAfterMs).toBeLessThanOrEqual(capacityWindowMs);
            }
            if (call.releaseOne && live.length > 0) {
              const [first, ...rest] = live;
              await admission.release((first as (typeof live)[number]).lease);
              live = rest;
            }
            clock.advance(call.advanceMs);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("gives every steady channel at least the lesser of its demand and its fair share by weight", async () => {
    const channelArbitrary = fc.record({
      weight: fc.integer({ min: 1, max: 5 }),
      demand: fc.integer({ min: 0, max: 80 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 60 }),
        fc.array(channelArbitrary, { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer(), { minLength: 3, maxLength: 3 }),
        async (budget, channels, seeds) => {
          const clock = new ManualClock();
          const admission = new MemoryBillerAdmission(clock.now);
          const split = splitCapacity({
            inquiriesPerSecond: budget,
            postingsPerSecond: 0,
            concurrentCallsMax: 1,
            postingReservedPercent: 0,
          });
          const weightTotal = channels.reduce((sum, c) => (c.demand > 0 ? sum + c.weight : sum), 0);
          for (const [window, seed] of seeds.entries()) {
            const requests = channels.flatMap((channel, i) =>
              Array.from({ length: channel.demand }, () => i),
            );
            shuffle(requests, seed);
            const admitted = channels.map(() => 0);
            for (const i of requests) {
              const channel = channels[i] as (typeof channels)[number];
              const result = await admission.claim({
                billerId: "water-co",
                split: { ...split, slotsMax: 1_000, inquirySlotsMax: 1_000 },
                attempt: {
                  channelId: `pi-${i}`,
                  weight: channel.weight,
                  trafficClass: "user_inquiry",
                  countDemand: true,
                },
                leaseMs: 1,
              });
              if (result.admitted) admitted[i] = (admitted[i] ?? 0) + 1;
            }
            expect(admitted.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(budget);
            if (window > 0) {
              channels.forEach((channel, i) => {
                const fairShare = Math.floor((budget * channel.weight) / weightTotal);
                expect(admitted[i]).toBeGreaterThanOrEqual(Math.min(channel.demand, fairShare));
              });
            }
            clock.advanceToNextWindow(capacityWindowMs);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** A seeded Fisher-Yates shuffle: each window's arrival order is random but reproducible. */
function shuffle<T>(items: T[], seed: number): void {
  let state = seed | 0;
  for (let i = items.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) | 0;
    const j = (state >>> 0) % (i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}
