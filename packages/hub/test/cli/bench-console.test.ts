/**
 * `clearhub bench console` on a small network: the seed goes through the participants' transfer
 * service, and each figure comes from what the operator's view really answered. Not a timed
 * test: it proves the figures are produced from work that was done, never how fast it was.
 */
import { expect, it } from "vitest";
import { benchConsole } from "../../src/cli/bench-console.ts";
import { chromiumAvailable, chromiumExecutablePath } from "../console/console-browser.ts";
import { describeEachBackend, postgresBaseUrl } from "../support/backends.ts";

const participants = 6;
const transfers = 3_000;

describeEachBackend("clearhub bench console", (backend) => {
  const withBrowser = backend === "sqlite" && chromiumAvailable();

  it("seeds the network whole and times the overview, searches that find transfers, and the console", async () => {
    const progress: string[] = [];
    const result = await benchConsole({
      backend,
      databaseUrl: postgresBaseUrl(),
      keptSchema: undefined,
      participants,
      transfers,
      samples: 5,
      pageLoads: withBrowser ? 1 : 0,
      chromiumPath: chromiumExecutablePath,
      progress: (line) => progress.push(line),
    });
    expect(result.seedFailed).toBe(0);
    expect(result.transfers).toBe(transfers);
    expect(result.overviewP99Ms).toBeGreaterThan(0);
    expect(result.overviewP50Ms).toBeLessThanOrEqual(result.overviewP99Ms);
    // Each payer sent to every other: a participant's window of the ledger is never empty.
    expect(result.searchItemsMean).toBeGreaterThan(0);
    expect(result.searchP50Ms).toBeLessThanOrEqual(result.searchP99Ms);
    if (withBrowser) {
      expect(result.pageLoads?.firstLoadMs).toBeGreaterThan(0);
      expect(result.firstPageInteractiveMs).toBe(result.pageLoads?.interactiveMaxMs);
    } else {
      expect(result.firstPageInteractiveMs).toBeNull();
    }
    expect(progress.some((line) => line.includes(`${participants} participants`))).toBe(true);
  });
});
