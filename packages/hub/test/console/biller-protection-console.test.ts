/**
 * The biller-protection page in Debian's Chromium: inquiries through the hub's admission gate
 * (cached, admitted, shed), the figures the page shows equal to the route's, and more traffic
 * shown without a reload when the page's clock runs on by its refresh, with rates over it.
 * The gate's clock is a manual one, so the capacity "in use this second" stands still while
 * the page and the route are compared.
 */
import { billerProtectionRefreshMs } from "@clearhub/console";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gateCapacityOf } from "../../src/app/billers/bill-inquiry-service.ts";
import type { AdmissionTicket } from "../../src/app/billers/biller-admission-gate.ts";
import type { TrafficClass } from "../../src/domain/billers/admission-rule.ts";
import { capacityWindowMs } from "../../src/domain/billers/biller-capacity.ts";
import { waterProfile } from "../support/biller-profiles.ts";
import { ManualClock } from "../support/manual-clock.ts";
import { chromiumAvailable, expectAccessible, screenshot } from "./console-browser.ts";
import { type ConsoleFixture, eventually, openConsoleFixture } from "./console-fixture.ts";

const enabled = chromiumAvailable();
const counted = ["requests", "cacheHits", "queued", "admitted", "shed"] as const;

interface Protection {
  at: string;
  channels: ({ billerId: string; channelId: string; trafficClass: string } & Record<
    (typeof counted)[number],
    number
  >)[];
  billers: {
    billerId: string;
    declared: { inquiriesPerSecond: number; scheduledPerSecondMax: number };
    used: { inquiries: number; scheduled: number; callsInFlight: Record<string, number> };
    endpoints: { endpointId: string; breaker: string }[];
  }[];
}

/** A small biller, so that a handful of inquiries fills it: 4 a second, 4 calls at once. */
const profile = {
  ...waterProfile,
  capacity: {
    inquiriesPerSecond: 4,
    concurrentCallsMax: 4,
    postingsPerSecond: 2,
    postingReserveBasisPoints: 2500,
  },
};

/** What the page shows for every channel row, as the route's figures are compared with it. */
async function shownRows(page: Page) {
  return page.locator("tr[data-channel]").evaluateAll((rows) =>
    rows.map((row) => {
      const count = (field: string) =>
        Number(row.querySelector(`[data-field="${field}"] .count`)?.textContent);
      return {
        channelId: row.getAttribute("data-channel"),
        trafficClass: row.getAttribute("data-class"),
        requests: count("requests"),
        cacheHits: count("cacheHits"),
        queued: count("queued"),
        admitted: count("admitted"),
        shed: count("shed"),
        highlighted: row.classList.contains("shed-row"),
      };
    }),
  );
}

const classOrder = ["user_inquiry", "scheduled_inquiry", "posting"];

/** The route's rows as the page lists them: by channel, then a person's, machines', postings. */
function expectedRows(protection: Protection) {
  return protection.channels
    .map(({ channelId, trafficClass, requests, cacheHits, queued, admitted, shed }) => ({
      channelId,
      trafficClass,
      requests,
      cacheHits,
      queued,
      admitted,
      shed,
      highlighted: shed > 0,
    }))
    .sort(
      (a, b) =>
        a.channelId.localeCompare(b.channelId) ||
        classOrder.indexOf(a.trafficClass) - classOrder.indexOf(b.trafficClass),
    );
}

describe.skipIf(!enabled)("the biller-protection page in Chromium [sqlite]", () => {
  const clock = new ManualClock(Date.UTC(2026, 11, 6, 9, 0, 0, 100));
  let fixture: ConsoleFixture;
  const held: AdmissionTicket[] = [];

  /** One inquiry through the gate as the inquiry service makes it; `hold` keeps its call open. */
  async function inquire(
    channelId: string,
    trafficClass: TrafficClass,
    customer: string,
    hold = false,
  ) {
    const { hub } = fixture.hub;
    const found = await hub.billers.find("water-co");
    if (!found.ok) throw new Error(`water-co: ${found.code}`);
    const result = await hub.billerAdmission.admitInquiry(
      {
        billerId: "water-co",
        capacity: gateCapacityOf(found.value.profile.capacity),
        channel: { channelId, weight: 1 },
        trafficClass,
        callTimeoutMs: 10_000,
      },
      { billerId: "water-co", customerParamsHash: customer },
    );
    if (result.outcome === "admitted") {
      if (hold) held.push(result.ticket);
      else await result.ticket.release();
    }
    return result.outcome;
  }

  /**
   * A burst in one window: a person's inquiries (the last one's call stays open), two scheduled
   * ones answered from the cache, and three scheduled ones past the channel's quota of one a
   * second. Calls end at once, so that a person's inquiry never waits for a slot: the gate's
   * clock stands still and the wait would not end.
   */
  async function burst(users: number) {
    for (const ticket of held.splice(0)) await ticket.release();
    const outcomes: string[] = [];
    for (let index = 0; index < users; index++) {
      const last = index === users - 1;
      outcomes.push(await inquire("wallet-alpha", "user_inquiry", `person-${index}`, last));
    }
    for (let index = 0; index < 2; index++) {
      outcomes.push(await inquire("wallet-beta", "scheduled_inquiry", "cached-customer"));
    }
    for (let index = 0; index < 3; index++) {
      outcomes.push(await inquire("wallet-beta", "scheduled_inquiry", `machine-${index}`));
    }
    return outcomes;
  }

  beforeAll(async () => {
    fixture = await openConsoleFixture("sqlite", { billerClock: clock.now });
    for (const [id, kind] of [
      ["water-co", "biller"],
      ["wallet-alpha", "payment_institution"],
      ["wallet-beta", "payment_institution"],
    ] as const) {
      await fixture.api("POST", "/participants", {
        id,
        name: id,
        kind,
        currencies: [{ currency: "CNY", netDebitCap: "1000.00" }],
      });
    }
    await fixture.api("PUT", "/billers/water-co", profile);
    await fixture.api("POST", "/billers/water-co/endpoints", {
      id: "main",
      url: "https://bills.water-co.example/hub",
    });
    await fixture.hub.hub.billerAdmission.putPresentment(
      { billerId: "water-co", customerParamsHash: "cached-customer" },
      { bills: { bills: [] }, fetchedAtMs: clock.now() },
      900_000,
    );
  }, 60_000);

  afterAll(async () => {
    for (const ticket of held) await ticket.release();
    await fixture?.dispose();
  });

  it("shows the route's figures per biller and channel, and more traffic without a reload", async () => {
    const outcomes = await burst(2);
    expect(outcomes).toContain("cached");
    expect(outcomes).toContain("shed");
    const first = await fixture.api<Protection>("GET", "/biller-protection");

    const tab = await fixture.openConsole("/biller-protection", "vera-viewer", {
      fakeTimers: true,
    });
    const { page } = tab;
    await eventually(() => shownRows(page)).toEqual(expectedRows(first));
    expect(await page.locator("tr.shed-row").count()).toBeGreaterThan(0);
    const [water] = first.billers;
    expect(water?.billerId).toBe("water-co");
    const capacity = page.locator('section[data-biller="water-co"]');
    const limitCell = (limit: string, field: string) =>
      capacity.locator(`tr[data-limit="${limit}"] [data-field="${field}"]`);
    expect(await limitCell("inquiries", "declared").textContent()).toBe(
      String(water?.declared.inquiriesPerSecond),
    );
    expect(await limitCell("inquiries", "used").textContent()).toBe(String(water?.used.inquiries));
    expect(await limitCell("calls", "used").textContent()).toBe("1 (user_inquiry 1)");
    const percent = Math.round(
      ((water?.used.inquiries ?? 0) / (water?.declared.inquiriesPerSecond ?? 1)) * 100,
    );
    const meterName = `water-co, inquiries this second: ${percent}% of the declared capacity used`;
    expect(await capacity.getByRole("meter", { name: meterName }).count()).toBe(1);
    expect(water?.endpoints.map((endpoint) => endpoint.breaker)).toEqual(["closed"]);
    expect(
      await capacity.locator('tr[data-endpoint="main"] [data-field="breaker"]').textContent(),
    ).toBe("closed");
    expect(await page.getByTestId("protection-at").locator("time").getAttribute("datetime")).toBe(
      first.at,
    );
    // One reading so far: no rate yet.
    expect(await page.locator("tr[data-channel] .rate").count()).toBe(0);
    await expectAccessible(page, "the biller-protection page");

    // From here the page's timers fire only when the test runs its clock on.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
    await eventually(() => page.getByTestId("protection-figures").getAttribute("aria-busy")).toBe(
      "false",
    );
    await page.evaluate(() => {
      (globalThis as { notReloaded?: boolean }).notReloaded = true;
    });
    clock.advanceToNextWindow(capacityWindowMs, 100);
    clock.advance(capacityWindowMs);
    await burst(3);
    const second = await fixture.api<Protection>("GET", "/biller-protection");
    expect(expectedRows(second)).not.toEqual(expectedRows(first));
    expect(await shownRows(page)).toEqual(expectedRows(first));

    await page.clock.runFor(billerProtectionRefreshMs);
    await eventually(() => shownRows(page)).toEqual(expectedRows(second));
    expect(await page.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    // Three more of a person's inquiries over the two seconds the hub's clock moved.
    expect(
      await page
        .locator(
          'tr[data-channel="wallet-alpha"][data-class="user_inquiry"] [data-field="requests"] .rate',
        )
        .textContent(),
    ).toBe("1.5/s");
    expect(await page.getByTestId("protection-at").locator("time").getAttribute("datetime")).toBe(
      second.at,
    );
    // Screenshots and the accessibility check wait on the page's timers: let time flow again.
    await page.clock.resume();
    await page.screenshot({ path: "/tmp/biller-protection.png", fullPage: true });
    await screenshot(page, "biller-protection");
    await expectAccessible(page, "the biller-protection page with rates");
    await fixture.closeClean(tab);
  });
});
