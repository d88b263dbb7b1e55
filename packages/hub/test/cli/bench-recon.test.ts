/**
 * `clearhub bench recon` on a small day: the statement is exported, breaks of every kind are
 * injected into the participant's file, and the match in its own process finds each of them and
 * no other. Not a timed test: it proves the figures come from a match that was really made.
 */
import { expect, it } from "vitest";
import { benchRecon } from "../../src/cli/bench-recon.ts";
import { describeEachBackend, postgresBaseUrl } from "../support/backends.ts";

const rows = 400;

describeEachBackend("clearhub bench recon", (backend) => {
  it("finds every injected break and no false one, with the matcher's own memory", async () => {
    const progress: string[] = [];
    const result = await benchRecon({
      backend,
      databaseUrl: postgresBaseUrl(),
      rows,
      progress: (line) => progress.push(line),
    });
    expect(result.rows).toBe(rows);
    // A stride of rows / 25 breaks 25 rows, the five kinds in turn.
    expect(result.breaksInjected).toBe(25);
    expect(result.breaksFound).toBe(result.breaksInjected);
    expect(result.falseBreaks).toBe(0);
    // A Node.js process with the hub open holds tens of megabytes at least.
    expect(result.peakRssMb).toBeGreaterThan(30);
    expect(result.seconds).toBeGreaterThan(0);
    expect(progress).toContain("matching the participant's file…");
  });
});
