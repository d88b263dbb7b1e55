import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { boundedMap } from "../../src/jobs/bounded-map.ts";

describe("boundedMap", () => {
  it("keeps at most the bound under way and answers in the items' order", async () => {
    let running = 0;
    let mostRunning = 0;
    const results = await boundedMap([30, 5, 20, 1, 10, 2, 8], 3, async (delayMs) => {
      running++;
      mostRunning = Math.max(mostRunning, running);
      await sleep(delayMs);
      running--;
      return delayMs * 2;
    });
    expect(results).toEqual([60, 10, 40, 2, 20, 4, 16]);
    expect(mostRunning).toBe(3);
  });

  it("answers nothing for nothing and refuses a bound below one", async () => {
    expect(await boundedMap([], 4, async () => 1)).toEqual([]);
    await expect(boundedMap([1], 0, async () => 1)).rejects.toThrow(/concurrencyMax/);
  });
});
