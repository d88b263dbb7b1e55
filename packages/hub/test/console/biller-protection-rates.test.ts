/**
 * The biller-protection page's rates: two readings of cumulative counters, by the hub's clock,
 * make counts per second; a counter that went down, or a reading from before the latest, makes
 * none rather than a wrong one.
 */
import { nextPair, noReadings, rateText, trafficRates } from "@clearhub/console";
import { describe, expect, it } from "vitest";

const zero = { requests: 0, cacheHits: 0, queued: 0, admitted: 0, shed: 0 };
const alpha = { billerId: "water-co", channelId: "wallet-alpha", trafficClass: "user_inquiry" };
const beta = { billerId: "water-co", channelId: "wallet-beta", trafficClass: "scheduled_inquiry" };

function reading(second: number, channels: (typeof alpha & typeof zero)[]) {
  return { at: new Date(Date.UTC(2026, 11, 6, 9, 0, second)).toISOString(), channels };
}

describe("traffic rates from two readings", () => {
  it("divides each counter's growth by the seconds between the readings", () => {
    const earlier = reading(0, [{ ...alpha, ...zero, requests: 10, admitted: 8, shed: 2 }]);
    const later = reading(4, [
      { ...alpha, ...zero, requests: 30, queued: 6, admitted: 20, shed: 10 },
    ]);
    const rates = trafficRates({ earlier, later });
    expect(rates.get("water-co wallet-alpha user_inquiry")).toEqual({
      requests: 5,
      cacheHits: 0,
      queued: 1.5,
      admitted: 3,
      shed: 2,
    });
  });

  it("counts a row first seen in the later reading from zero", () => {
    const earlier = reading(0, []);
    const later = reading(2, [{ ...beta, ...zero, requests: 3, cacheHits: 3 }]);
    expect(trafficRates({ earlier, later }).get("water-co wallet-beta scheduled_inquiry")).toEqual({
      ...zero,
      requests: 1.5,
      cacheHits: 1.5,
    });
  });

  it("gives no rate for a counter that went down, nor without two readings at different times", () => {
    const earlier = reading(0, [{ ...alpha, ...zero, requests: 50 }]);
    const restarted = reading(2, [{ ...alpha, ...zero, requests: 4 }]);
    expect(trafficRates({ earlier, later: restarted }).size).toBe(0);
    expect(trafficRates({ earlier: undefined, later: restarted }).size).toBe(0);
    expect(trafficRates({ earlier: restarted, later: restarted }).size).toBe(0);
  });

  it("shows a rate to one decimal", () => {
    expect(rateText(1.25)).toBe("1.3/s");
    expect(rateText(0)).toBe("0.0/s");
  });
});

describe("the pair of readings the page keeps", () => {
  const first = reading(0, [{ ...alpha, ...zero, requests: 1 }]);
  const second = reading(2, [{ ...alpha, ...zero, requests: 5 }]);

  it("moves on when the hub's time does", () => {
    const pair = nextPair(nextPair(noReadings, first), second);
    expect(pair).toEqual({ earlier: first, later: second });
  });

  it("keeps the earlier reading when a new one has the same time, so the rates stay", () => {
    const again = reading(2, [{ ...alpha, ...zero, requests: 7 }]);
    const pair = nextPair({ earlier: first, later: second }, again);
    expect(pair).toEqual({ earlier: first, later: again });
    expect(trafficRates(pair).get("water-co wallet-alpha user_inquiry")?.requests).toBe(3);
  });

  it("starts over on a reading from before the latest, which no interval spans", () => {
    const older = reading(1, [{ ...alpha, ...zero, requests: 3 }]);
    expect(nextPair({ earlier: first, later: second }, older)).toEqual({
      earlier: undefined,
      later: older,
    });
  });
});
