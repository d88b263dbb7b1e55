/**
 * The BillerAdmission contract, declared once and run against the memory and Redis adapters.
 * Time is a manual clock injected into both (the Redis script is passed its time), so windows
 * and lease expiries move when the test says so.
 */
import { expect, it } from "vitest";
import type {
  BillerAdmission,
  CapacityClaim,
  ClaimResult,
} from "../../src/app/ports/biller-admission.ts";
import type { TrafficClass } from "../../src/domain/billers/admission-rule.ts";
import {
  type BillerCapacity,
  capacityWindowMs,
  splitCapacity,
} from "../../src/domain/billers/biller-capacity.ts";
import { ManualClock } from "../support/manual-clock.ts";

export type OpenAdmission = (clock: () => number) => Promise<BillerAdmission>;

const leaseMs = 30_000;

export function capacityOf(over: Partial<BillerCapacity> = {}): BillerCapacity {
  return {
    inquiriesPerSecond: 20,
    postingsPerSecond: 10,
    concurrentCallsMax: 1_000,
    postingReservedPercent: 0,
    ...over,
  };
}

export function claimOf(
  capacity: BillerCapacity,
  channelId: string,
  trafficClass: TrafficClass,
  weight = 1,
  billerId = "water-co",
): CapacityClaim {
  return {
    billerId,
    split: splitCapacity(capacity),
    attempt: { channelId, weight, trafficClass, countDemand: true },
    leaseMs,
  };
}

/** Claims one after another, in the order given (the order matters to fairness). */
export async function claimInOrder(
  admission: BillerAdmission,
  claims: readonly CapacityClaim[],
): Promise<ClaimResult[]> {
  const results: ClaimResult[] = [];
  for (const claim of claims) results.push(await admission.claim(claim));
  return results;
}

function admittedOf(results: readonly ClaimResult[], claims: readonly CapacityClaim[]) {
  const byKey = new Map<string, number>();
  results.forEach((result, i) => {
    if (!result.admitted) return;
    const claim = claims[i] as CapacityClaim;
    const key = `${claim.attempt.channelId} ${claim.attempt.trafficClass}`;
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
  });
  return (channelId: string, trafficClass: TrafficClass) =>
    byKey.get(`${channelId} ${trafficClass}`) ?? 0;
}

function repeat<T>(times: number, make: () => T): T[] {
  return Array.from({ length: times }, make);
}

export function billerAdmissionContract(open: OpenAdmission): void {
  it("never admits more than the declared rates in any window, under concurrent demand from several channels", async () => {
    const clock = new ManualClock();
    const admission = await open(clock.now);
    const capacity = capacityOf({ inquiriesPerSecond: 20, postingsPerSecond: 10 });
    const perWindow = new Map<number, { inquiries: number; postings: number }>();
    for (let window = 0; window < 3; window++) {
      const claims = ["pi-a", "pi-b", "pi-c"].flatMap((channel) => [
        ...repeat(40, () => claimOf(capacity, channel, "user_inquiry")),
        ...repeat(20, () => claimOf(capacity, channel, "posting")),
      ]);
      const results = await Promise.all(claims.map((claim) => admission.claim(claim)));
      results.forEach((result, i) => {
        if (!result.admitted) return;
        const counts = perWindow.get(result.windowStartMs) ?? { inquiries: 0, postings: 0 };
        if (claims[i]?.attempt.trafficClass === "posting") counts.postings++;
        else counts.inquiries++;
        perWindow.set(result.windowStartMs, counts);
      });
      clock.advanceToNextWindow(capacityWindowMs, 250);
    }
    expect(perWindow.size).toBe(3);
    for (const counts of perWindow.values()) {
      // Never above the declaration; and demand far above it uses all of it.
      expect(counts).toEqual({ inquiries: 20, postings: 10 });
    }
  });

  it("keeps the posting share of the calls in flight from inquiries, and lets postings use idle inquiry slots", async () => {
    const clock = new ManualClock();
    const admission = await open(clock.now);
    // 10 calls in flight, 30 % for postings: inquiries may hold 7.
    const capacity = capacityOf({
      inquiriesPerSecond: 1_000,
      postingsPerSecond: 1_000,
      concurrentCallsMax: 10,
      postingReservedPercent: 30,
    });
    const inquiries = await Promise.all(
      ["pi-a", "pi-b", "pi-c"].flatMap((channel) =>
        repeat(10, () => admission.claim(claimOf(capacity, channel, "user_inquiry"))),
      ),
    );
    const held = inquiries.filter((result) => result.admitted);
    expect(held).toHaveLength(7);
    expect(inquiries.filter((r) => !r.admitted && r.refusal === "concurrency")).toHaveLength(23);

    const postings = await claimInOrder(
      admission,
      repeat(5, () => claimOf(capacity, "pi-a", "posting")),
    );
    expect(postings.map((result) => result.admitted)).toEqual([true, true, true, false, false]);
    expect((await admission.usage("water-co")).callsInFlight).toEqual({
      posting: 3,
      user_inquiry: 7,
      scheduled_inquiry: 0,
    });

    for (const result of held) if (result.admitted) await admission.release(result.lease);
    const more = await claimInOrder(
      admission,
      repeat(8, () => claimOf(capacity, "pi-a", "posting")),
    );
    expect(more.filter((result) => result.admitted)).toHaveLength(7);
    const inquiry = await admission.claim(claimOf(capacity, "pi-b", "user_inquiry"));
    expect(inquiry).toMatchObject({ admitted: false, refusal: "concurrency" });
  });

  it("gives scheduled inquiries only their ceiling on an idle biller", async () => {
    const clock = new ManualClock();
    const admission = await open(clock.now);
    const capacity = capacityOf({ inquiriesPerSecond: 20 });
    const results = await claimInOrder(
      admission,
      repeat(30, () => claimOf(capacity, "pi-flood", "scheduled_inquiry")),
    );
    expect(results.filter((result) => result.admitted)).toHaveLength(10);
    expect(results.at(-1)).toMatchObject({ admitted: false, refusal: "no_spare_capacity" });
  });

  it("gives scheduled inquiries only what people left, even when the machines ask first", async () => {
    const clock = new ManualClock();
    const admission = await open(clock.now);
    const capacity = capacityOf({ inquiriesPerSecond: 20 });
    const people = () => repeat(15, () => claimOf(capacity, "pi-a", "user_inquiry"));
    await claimInOrder(admission, people());
    clock.advanceToNextWindow(capacityWindowMs);

    const claims = [
      ...repeat(30, () => claimOf(capacity, "pi-flood", "scheduled_inquiry")),
      ...people(),
    ];
    const admitted = admittedOf(await claimInOrder(admission, claims), claims);
    expect(admitted("pi-flood", "scheduled_inquiry")).toBe(5);
    expect(admitted("pi-a", "user_inquiry")).toBe(15);
  });

  it("never lets a flooding channel take another's fair share, from the second window on", async () => {
    const clock = new ManualClock();
    const admission = await open(clock.now);
    const capacity = capacityOf({ inquiriesPerSecond: 30 });
    for (let window = 0; window < 3; window++) {
      // The flood comes first in each window: the worst order for the others.
      const claims = [
        ...repeat(200, () => claimOf(capacity, "pi-flood", "user_inquiry")),
        ...repeat(10, () => claimOf(capacity, "pi-a", "user_inquiry")),
        ...repeat(10, () => claimOf(capacity, "pi-b", "user_inquiry")),
      ];
      const admitted = admittedOf(await claimInOrder(admission, claims), claims);
      if (window > 0) {
        expect(admitted("pi-a", "user_inquiry")).toBe(10);
        expect(admitted("pi-b", "user_inquiry")).toBe(10);
        expect(admitted("pi-flood", "user_inquiry")).toBe(10);
      }
      clock.advanceToNextWindow(capacityWindowMs);
    }
  });

  it("shares by weight: a channel of weight 2 is owed twice the share of one of weight 1", async () => {
    const clock = new ManualClock();
    const admission = await open(clock.now);
    const capacity = capacityOf({ postingsPerSecond: 40 });
    for (let window = 0; window < 2; window++) {
      const claims = [
        ...repeat(100, () => claimOf(capacity, "pi-flood", "posting", 1)),
        ...repeat(30, () => claimOf(capacity, "pi-heavy", "posting", 2)),
        ...repeat(30, () => claimOf(capacity, "pi-light", "posting", 1)),
      ];
      const admitted = admittedOf(await claimInOrder(admission, claims), claims);
      if (window > 0) {
        // Fair shares of 40 by weights 1, 2, 1: 10, 20, 10.
        expect(admitted("pi-heavy", "posting")).toBe(20);
        expect(admitted("pi-light", "posting")).toBe(10);
        expect(admitted("pi-flood", "posting")).toBe(10);
      }
      clock.advanceToNextWindow(capacityWindowMs);
    }
  });

  it("lends a quiet channel's unused share to the others", async () => {
    const clock = new ManualClock();
    const admission = await open(clock.now);
    const capacity = capacityOf({ inquiriesPerSecond: 30 });
    for (let window = 0; window < 2; window++) {
      const claims = [
        ...repeat(2, () => claimOf(capacity, "pi-quiet", "user_inquiry")),
        ...repeat(100, () => claimOf(capacity, "pi-busy", "user_inquiry")),
      ];
      const admitted = admittedOf(await claimInOrder(admission, claims), claims);
      expect(admitted("pi-quiet", "user_inquiry")).toBe(2);
      expect(admitted("pi-busy", "user_inquiry")).toBe(28);
      clock.advanceToNextWindow(capacityWindowMs);
    }
  });

  it("tells a refused caller to come back when the window ends, or when a lease would expire", async () => {
    const clock = new ManualClock();
    const admission = await open(clock.now);
    clock.advance(300);
    const rate = capacityOf({ postingsPerSecond: 1 });
    expect((await admission.claim(claimOf(rate, "pi-a", "posting"))).admitted).toBe(true);
    expect(await admission.claim(claimOf(rate, "pi-a", "posting"))).toMatchObject({
      admitted: false,
      refusal: "biller_capacity",
      retryAfterMs: 700,
    });

    const slots = capacityOf({ concurrentCallsMax: 1 });
    const held = await admission.claim({
      ...claimOf(slots, "pi-a", "posting"),
      billerId: "gas-co",
      leaseMs: 400,
    });
    expect(held.admitted).toBe(true);
    clock.advance(100);
    expect(
      await admission.claim({ ...claimOf(slots, "pi-b", "posting"), billerId: "gas-co" }),
    ).toMatchObject({ admitted: false, refusal: "concurrency", retryAfterMs: 300 });
  });

  it("frees a slot when its lease is released, and a second release does nothing", async () => {
    const clock = new ManualClock();
    const admission = await open(clock.now);
    const capacity = capacityOf({ concurrentCallsMax: 1 });
    const first = await admission.claim(claimOf(capacity, "pi-a", "posting"));
    if (!first.admitted) throw new Error("the first call must be admitted");
    expect((await admission.claim(claimOf(capacity, "pi-a", "posting"))).admitted).toBe(false);
    await admission.release(first.lease);
    await admission.release(first.lease);
    const second = await admission.claim(claimOf(capacity, "pi-a", "posting"));
    expect(second.admitted).toBe(true);
    expect((await admission.claim(claimOf(capacity, "pi-a", "posting"))).admitted).toBe(false);
  });

  it("frees the slots of a lease nobody released once it expires", async () => {
    const clock = new ManualClock();
    const admission = await open(clock.now);
    const capacity = capacityOf({ concurrentCallsMax: 2, postingsPerSecond: 100 });
    const claim = { ...claimOf(capacity, "pi-a", "posting"), leaseMs: 5_000 };
    expect((await claimInOrder(admission, [claim, claim])).every((r) => r.admitted)).toBe(true);
    clock.advance(4_999);
    expect(await admission.claim(claim)).toMatchObject({ admitted: false, refusal: "concurrency" });
    clock.advance(1);
    expect((await admission.claim(claim)).admitted).toBe(true);
    expect((await admission.usage("water-co")).callsInFlight.posting).toBe(1);
  });

  it("reports the window's use and the calls in flight", async () => {
    const clock = new ManualClock();
    const admission = await open(clock.now);
    const capacity = capacityOf();
    await claimInOrder(admission, [
      claimOf(capacity, "pi-a", "posting"),
      claimOf(capacity, "pi-a", "user_inquiry"),
      claimOf(capacity, "pi-b", "user_inquiry"),
      claimOf(capacity, "pi-b", "scheduled_inquiry"),
    ]);
    expect(await admission.usage("water-co")).toEqual({
      windowStartMs: clock.now(),
      postingsAdmitted: 1,
      inquiriesAdmitted: 3,
      scheduledAdmitted: 1,
      callsInFlight: { posting: 1, user_inquiry: 2, scheduled_inquiry: 1 },
    });
    clock.advanceToNextWindow(capacityWindowMs);
    expect(await admission.usage("water-co")).toMatchObject({
      postingsAdmitted: 0,
      inquiriesAdmitted: 0,
    });
    expect(await admission.usage("unknown-co")).toMatchObject({ inquiriesAdmitted: 0 });
  });

  it("refuses ids that would break its keys", async () => {
    const admission = await open(new ManualClock().now);
    await expect(admission.claim(claimOf(capacityOf(), "pi|a", "posting"))).rejects.toThrow(
      /cannot name/,
    );
    await expect(
      admission.claim(claimOf(capacityOf(), "pi-a", "posting", 1, "water:co")),
    ).rejects.toThrow(/cannot name/);
  });
}
