import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { PeriodicJob } from "../../src/jobs/periodic-job.ts";

describe("PeriodicJob", () => {
  it("reports a failed pass and runs the next one instead of ending the process", async () => {
    const errors: unknown[] = [];
    let passes = 0;
    const job = new PeriodicJob(
      5,
      async () => {
        passes++;
        if (passes === 1) throw new Error("database down");
      },
      (error) => errors.push(error),
    );
    job.start();
    await sleep(60);
    await job.stop();
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toBe("database down");
    expect(passes).toBeGreaterThan(1);
  });

  it("never runs two passes at once, and stop waits for the pass under way", async () => {
    let running = 0;
    let overlapped = false;
    let finished = 0;
    const job = new PeriodicJob(2, async () => {
      running++;
      if (running > 1) overlapped = true;
      await sleep(15);
      running--;
      finished++;
    });
    job.start();
    await sleep(50);
    await job.stop();
    expect(overlapped).toBe(false);
    expect(running).toBe(0);
    const finishedAtStop = finished;
    await sleep(20);
    expect(finished).toBe(finishedAtStop);
  });
});
