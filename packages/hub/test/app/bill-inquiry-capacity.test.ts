/**
 * The registry's declared capacity in the admission gate's terms: the rates and the pool as
 * declared, the postings' reserve from basis points to whole percent rounded up, so a reserve
 * is never smaller at the gate than the operator set it. And the billRef validity the hub is
 * configured with is held to its bounds when the use-case is made.
 */
import { describe, expect, it } from "vitest";
import {
  type BillInquiryDependencies,
  BillInquiryService,
  gateCapacityOf,
} from "../../src/app/billers/bill-inquiry-service.ts";

const declared = {
  inquiriesPerSecond: 20,
  concurrentCallsMax: 8,
  postingsPerSecond: 10,
  postingReserveBasisPoints: 3000,
};

describe("gateCapacityOf", () => {
  it("keeps the rates and the pool, and the reserve in percent", () => {
    expect(gateCapacityOf(declared)).toEqual({
      inquiriesPerSecond: 20,
      postingsPerSecond: 10,
      concurrentCallsMax: 8,
      postingReservedPercent: 30,
    });
  });

  it("rounds a reserve between two percents up, and never past 100", () => {
    const reserve = (basisPoints: number) =>
      gateCapacityOf({ ...declared, postingReserveBasisPoints: basisPoints })
        .postingReservedPercent;
    expect(reserve(2501)).toBe(26);
    expect(reserve(2599)).toBe(26);
    expect(reserve(500)).toBe(5);
    expect(reserve(10_000)).toBe(100);
  });
});

describe("the billRef validity", () => {
  // The settings are checked before any dependency is used.
  const unused = {} as BillInquiryDependencies;
  const serviceWith = (billRefValidityMs: number) =>
    new BillInquiryService(unused, { billRefValidityMs });

  it("takes a minute to a day, in whole milliseconds", () => {
    expect(() => serviceWith(60_000)).not.toThrow();
    expect(() => serviceWith(24 * 60 * 60_000)).not.toThrow();
  });

  it("refuses less than a minute, more than a day, or a fraction", () => {
    for (const validityMs of [0, 59_999, 24 * 60 * 60_000 + 1, 60_000.5, Number.NaN]) {
      expect(() => serviceWith(validityMs)).toThrow(/billRefValidityMs/);
    }
  });
});
