import { describe, expect, it } from "vitest";
import { LifecycleStack } from "../../src/composition/lifecycle-stack.ts";

/** A stack whose resources write their name to `stopped` when stopped. */
function recordingStack() {
  const stack = new LifecycleStack();
  const stopped: string[] = [];
  const start = (name: string) => stack.push(name, async () => void stopped.push(name));
  return { stack, stopped, start };
}

const noUnwindErrors = (resource: string, error: unknown) => {
  throw new Error(`unexpected unwind error from ${resource}: ${String(error)}`);
};

describe("LifecycleStack", () => {
  it("stops resources in the reverse of the order they started", async () => {
    const { stack, stopped, start } = recordingStack();
    start("database");
    start("ledger");
    start("job");
    await stack.stop();
    expect(stopped).toEqual(["job", "ledger", "database"]);
  });

  it("stops each resource once however often it is stopped", async () => {
    const { stack, stopped, start } = recordingStack();
    start("database");
    await Promise.all([stack.stop(), stack.stop()]);
    await stack.stop();
    expect(stopped).toEqual(["database"]);
  });

  it("refuses a resource started after the stack stopped", async () => {
    const { stack, start } = recordingStack();
    await stack.stop();
    expect(() => start("late job")).toThrow("late job started on a stopped stack");
  });

  it("returns what a start composed, and stops nothing", async () => {
    const { stack, stopped, start } = recordingStack();
    const composed = await stack.start(async () => {
      start("database");
      return "hub";
    }, noUnwindErrors);
    expect(composed).toBe("hub");
    expect(stopped).toEqual([]);
  });

  it("stops what a failed start had started, in reverse, and rethrows its error", async () => {
    const { stack, stopped, start } = recordingStack();
    const failure = new Error("port in use");
    const starting = stack.start(async () => {
      start("database");
      start("job");
      throw failure;
    }, noUnwindErrors);
    await expect(starting).rejects.toBe(failure);
    expect(stopped).toEqual(["job", "database"]);
    expect(Object.hasOwn(failure, "stopErrors")).toBe(false);
  });

  it("keeps a failed start's error when a resource then fails to stop, reporting it", async () => {
    const { stack, stopped, start } = recordingStack();
    const failure = new Error("migration failed");
    const stopError = new Error("pool already ended");
    const reported: [string, unknown][] = [];
    const starting = stack.start(
      async () => {
        start("redis");
        stack.push("database", () => {
          throw stopError;
        });
        start("ledger");
        throw failure;
      },
      (resource, error) => reported.push([resource, error]),
    );
    await expect(starting).rejects.toBe(failure);
    expect(stopped).toEqual(["ledger", "redis"]);
    expect(reported).toEqual([["database", stopError]]);
    expect((failure as Error & { stopErrors?: unknown[] }).stopErrors).toEqual([stopError]);
  });

  it("stops every resource when one fails to stop, and throws that failure", async () => {
    const { stack, stopped, start } = recordingStack();
    const stopError = new Error("socket hang up");
    start("database");
    stack.push("sender", async () => {
      throw stopError;
    });
    start("job");
    await expect(stack.stop()).rejects.toBe(stopError);
    expect(stopped).toEqual(["job", "database"]);
  });

  it("names every resource that failed to stop when several do", async () => {
    const { stack, stopped, start } = recordingStack();
    const first = new Error("first");
    const second = new Error("second");
    start("database");
    stack.push("sender", () => {
      throw first;
    });
    stack.push("connector", () => {
      throw second;
    });
    const stopping = stack.stop();
    await expect(stopping).rejects.toThrow("2 resources failed to stop: connector, sender");
    await expect(stopping).rejects.toMatchObject({ errors: [second, first] });
    expect(stopped).toEqual(["database"]);
  });
});
