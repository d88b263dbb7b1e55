/**
 * Windows closing by the schedule: a cut-off read in its own time zone closes each currency's
 * window opened before it, once, however many nodes look; nothing closes between cut-offs.
 */
import { afterEach, expect, it } from "vitest";
import { checkSchedule, lastCutoff } from "../../src/app/settlement/settlement-schedule.ts";
import { ScheduledWindowClose } from "../../src/jobs/scheduled-window-close.ts";
import { describeEachBackend } from "../support/backends.ts";
import { ManualClock } from "../support/manual-clock.ts";
import { testActor } from "../support/test-actor.ts";
import { openTestHub } from "../support/test-hub.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const shanghaiRounds = { expression: "0 6,12,18 * * *", timeZone: "Asia/Shanghai" };

it("reads cut-offs in the schedule's time zone", () => {
  // 05:00 UTC is 13:00 in Shanghai: the last round was at 12:00 there, 04:00 UTC.
  expect(
    new Date(lastCutoff(shanghaiRounds, Date.parse("2026-12-07T05:00:00Z"))).toISOString(),
  ).toBe("2026-12-07T04:00:00.000Z");
  // A cut-off is its own last cut-off.
  expect(lastCutoff(shanghaiRounds, Date.parse("2026-12-07T04:00:00Z"))).toBe(
    Date.parse("2026-12-07T04:00:00Z"),
  );
  // 21:00 UTC the day before is 05:00 in Shanghai: the last round was 18:00 the day before.
  expect(
    new Date(lastCutoff(shanghaiRounds, Date.parse("2026-12-06T21:00:00Z"))).toISOString(),
  ).toBe("2026-12-06T10:00:00.000Z");
  expect(checkSchedule({ expression: "0 6 * * *", timeZone: "Mars/Olympus" }).ok).toBe(false);
  expect(checkSchedule({ expression: "61 6 * * *", timeZone: "UTC" }).ok).toBe(false);
  expect(checkSchedule(shanghaiRounds).ok).toBe(true);
});

describeEachBackend("scheduled window close", (backend) => {
  it("closes each window opened before a cut-off, once, from two nodes", async () => {
    const clock = new ManualClock(Date.parse("2026-12-07T03:30:00Z"));
    const test = await openTestHub(backend, { settlementClock: clock.now });
    cleanups.push(test.dispose);
    const { hub } = test;
    for (const id of ["bank-a", "bank-b"]) {
      await hub.participants.register(
        {
          id,
          name: id,
          kind: "bank",
          currencies: [
            { currency: "CNY", netDebitCap: 1000n },
            { currency: "USD", netDebitCap: 1000n },
          ],
        },
        testActor,
      );
    }
    const options = { schedule: shanghaiRounds, intervalMs: 60_000 };
    const nodes = [
      new ScheduledWindowClose(hub.settlement, options, clock.now),
      new ScheduledWindowClose(hub.settlement, options, clock.now),
    ];
    // Windows open at 11:30 Shanghai; the last cut-off (06:00) is before them.
    expect(await nodes[0]?.pass()).toEqual([]);
    clock.advance(40 * 60_000); // 12:10 Shanghai: the 12:00 round has passed
    const closed = await Promise.all(nodes.map((node) => node.pass()));
    expect(closed.flat().sort()).toEqual(["CNY-1", "USD-1"]);
    const [cny] = await hub.settlement.list({ currency: "CNY", state: "settled", limit: 5 });
    expect(cny).toMatchObject({ id: "CNY-1", closedBy: "schedule" });
    clock.advance(60 * 60_000); // 13:10: no round since 12:00
    expect(await nodes[1]?.pass()).toEqual([]);
  });
});
