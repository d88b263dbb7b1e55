import type { ArrivalVerdict } from "../shared/signed-interface-routes.ts";
import type { LoadMeter } from "./load-meter.ts";

/**
 * The hard capacity of an old billing system, as the simulator plays it. Up to the declared
 * rate it answers promptly; past it each further request in the same second waits longer (the
 * system thrashes); past the failing rate it fails outright. This is what the hub must never
 * cause: the biller's own count of requests per second proves whether it did.
 */
export interface CapacityOptions {
  /** Requests per wall-clock second the biller declared to the hub operator. */
  readonly declaredPerSecond: number;
  /** From this many requests in one second on, each further one fails. */
  readonly failingPerSecond: number;
  /** Delay added per request past the declared rate in the same second: the n-th past it waits n times this. */
  readonly slowdownPerExcessMs: number;
  /** How a request past the failing rate fails: 503 biller_busy, or a dropped connection. */
  readonly overloadFailure: "busy" | "drop";
}

export const capacityOptionsDefaults: CapacityOptions = {
  declaredPerSecond: 50,
  failingPerSecond: 100,
  slowdownPerExcessMs: 20,
  overloadFailure: "busy",
};

/** Why the options cannot be used, or undefined when they can. */
export function capacityOptionsProblem(options: CapacityOptions): string | undefined {
  const { declaredPerSecond, failingPerSecond, slowdownPerExcessMs } = options;
  if (!Number.isSafeInteger(declaredPerSecond) || declaredPerSecond < 1) {
    return "declaredPerSecond must be a whole number, 1 or more";
  }
  if (!Number.isSafeInteger(failingPerSecond) || failingPerSecond < declaredPerSecond) {
    return "failingPerSecond must be a whole number, at least declaredPerSecond";
  }
  if (!Number.isSafeInteger(slowdownPerExcessMs) || slowdownPerExcessMs < 0) {
    return "slowdownPerExcessMs must be whole milliseconds, 0 or more";
  }
  if (options.overloadFailure !== "busy" && options.overloadFailure !== "drop") {
    return "overloadFailure is busy or drop";
  }
  return undefined;
}

/**
 * The verdict on the `arrivedInSecond`-th request of a second: a pure function of the options,
 * so tests state the curve without timing anything. Equal to the declared rate is still prompt;
 * equal to the failing rate is still taken, slowly.
 */
export function capacityVerdict(options: CapacityOptions, arrivedInSecond: number): ArrivalVerdict {
  if (arrivedInSecond <= options.declaredPerSecond) return { kind: "take", delayMs: 0 };
  if (arrivedInSecond <= options.failingPerSecond) {
    const excess = arrivedInSecond - options.declaredPerSecond;
    return { kind: "take", delayMs: excess * options.slowdownPerExcessMs };
  }
  if (options.overloadFailure === "drop") return { kind: "drop" };
  return {
    kind: "busy",
    reason: `overloaded: more than ${options.failingPerSecond} requests this second`,
    retryAfterSeconds: 1,
  };
}

/** Counts each arrival on the meter and judges it against the capacity, which may change. */
export class CapacityGate {
  constructor(
    private current: CapacityOptions,
    private readonly meter: LoadMeter,
  ) {}

  get options(): CapacityOptions {
    return this.current;
  }

  /** Replaces some options; refused whole (throws) when the result would be unusable. */
  update(changes: Partial<CapacityOptions>): void {
    const next = { ...this.current, ...changes };
    const problem = capacityOptionsProblem(next);
    if (problem !== undefined) throw new Error(`capacity options: ${problem}`);
    this.current = next;
  }

  arrive(): ArrivalVerdict {
    const { second, started } = this.meter.arrive();
    const verdict = capacityVerdict(this.current, started);
    if (verdict.kind !== "take") this.meter.note(second, "failed");
    else if (verdict.delayMs > 0) this.meter.note(second, "slowed");
    return verdict;
  }

  depart(): void {
    this.meter.depart();
  }
}
