import { describe, expect, it } from "vitest";
import {
  type BillerCapacity,
  capacityProblem,
  splitCapacity,
} from "../../src/domain/billers/biller-capacity.ts";

const declared: BillerCapacity = {
  inquiriesPerSecond: 40,
  postingsPerSecond: 10,
  concurrentCallsMax: 10,
  postingReservedPercent: 25,
};

describe("splitCapacity", () => {
  it("keeps the two rates apart and reserves a share of the calls in flight for postings", () => {
    expect(splitCapacity(declared)).toEqual({
      postingsPerWindow: 10,
      inquiriesPerWindow: 40,
      scheduledPerWindowMax: 20,
      slotsMax: 10,
      postingSlotsReserved: 3,
      inquirySlotsMax: 7,
      scheduledSlotsMax: 3,
    });
  });

  it("rounds a small reserved share up to one slot, but leaves inquiries one slot below 100 %", () => {
    expect(
      splitCapacity({ ...declared, concurrentCallsMax: 4, postingReservedPercent: 1 }),
    ).toMatchObject({
      postingSlotsReserved: 1,
      inquirySlotsMax: 3,
    });
    expect(
      splitCapacity({ ...declared, concurrentCallsMax: 4, postingReservedPercent: 99 }),
    ).toMatchObject({
      postingSlotsReserved: 3,
      inquirySlotsMax: 1,
    });
    expect(
      splitCapacity({ ...declared, concurrentCallsMax: 1, postingReservedPercent: 50 }),
    ).toMatchObject({
      postingSlotsReserved: 0,
      inquirySlotsMax: 1,
      scheduledSlotsMax: 0,
    });
  });

  it("gives inquiries nothing when everything is reserved, and reserves nothing at 0 %", () => {
    expect(splitCapacity({ ...declared, postingReservedPercent: 100 })).toMatchObject({
      postingSlotsReserved: 10,
      inquirySlotsMax: 0,
    });
    expect(splitCapacity({ ...declared, postingReservedPercent: 0 })).toMatchObject({
      postingSlotsReserved: 0,
      inquirySlotsMax: 10,
    });
  });

  it("takes the scheduled ceiling from the hub's policy", () => {
    expect(splitCapacity(declared, { sharePercentMax: 10 }).scheduledPerWindowMax).toBe(4);
    expect(splitCapacity({ ...declared, inquiriesPerSecond: 1 }).scheduledPerWindowMax).toBe(0);
  });

  it("refuses a declaration it cannot hold to", () => {
    for (const bad of [
      { inquiriesPerSecond: 2.5 },
      { postingsPerSecond: -1 },
      { concurrentCallsMax: 0 },
      { postingReservedPercent: 101 },
    ]) {
      const capacity = { ...declared, ...bad };
      expect(capacityProblem(capacity)).not.toBeNull();
      expect(() => splitCapacity(capacity)).toThrow(/unusable biller capacity/);
    }
    expect(capacityProblem(declared)).toBeNull();
  });
});
