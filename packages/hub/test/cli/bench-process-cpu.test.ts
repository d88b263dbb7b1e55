/** Reading another process's CPU time from /proc, as `bench bill-payments` does for its biller. */
import { expect, it } from "vitest";
import { processCpuMs } from "../../src/cli/bench-process-cpu.ts";

it.runIf(process.platform === "linux")(
  "reads a process's user and system time as process.cpuUsage counts it",
  async () => {
    // Some CPU time first, so the two readings are not both near zero.
    let spin = 0;
    for (let i = 0; i < 20_000_000; i++) spin += i % 7;
    expect(spin).toBeGreaterThan(0);
    const used = process.cpuUsage();
    const ownMs = (used.user + used.system) / 1000;
    const readMs = await processCpuMs(process.pid);
    // /proc counts in ticks of 10 ms; the two readings are a moment apart.
    expect(readMs).not.toBeNull();
    expect(Math.abs((readMs ?? 0) - ownMs)).toBeLessThan(100);
  },
);

it("answers null for a process it cannot read", async () => {
  expect(await processCpuMs(undefined)).toBeNull();
  // Beyond the kernel's largest pid (2^22): no such process.
  expect(await processCpuMs(4_194_305)).toBeNull();
});
