import type { RandomSource } from "./random-source.ts";

/**
 * What the plan decided for a new money request (a bank's debit, a biller's posting): processed
 * at once, declined at random, or answered pending and decided later.
 */
export type Fate = "process" | "decline" | "pend";

/**
 * The trouble the simulator makes on purpose, so the hub's handling of it can be tested and
 * measured. Rates are probabilities from 0 to 1, drawn for each request.
 */
export interface FaultOptions {
  /** Added before each request is processed. */
  readonly latencyMs: number;
  /** A further random delay, uniform from 0 to this. */
  readonly latencyJitterMs: number;
  /** New money requests (debits, credits, refunds; postings) declined at random (`declined`). */
  readonly declineRate: number;
  /** New money requests answered `pending`, decided after `pendingDelayMs`. */
  readonly pendingRate: number;
  readonly pendingDelayMs: number;
  /** Requests applied but answered only after `timeoutDelayMs`, beyond the caller's patience. */
  readonly timeoutRate: number;
  readonly timeoutDelayMs: number;
  /** Requests applied, then their connection destroyed without an answer. */
  readonly dropRate: number;
  /** Requests under way at once; one more is answered 503 busy and applies nothing. */
  readonly capacityMax: number;
}

export const faultOptionsDefaults: FaultOptions = {
  latencyMs: 0,
  latencyJitterMs: 0,
  declineRate: 0,
  pendingRate: 0,
  pendingDelayMs: 1_000,
  timeoutRate: 0,
  timeoutDelayMs: 30_000,
  dropRate: 0,
  capacityMax: 100_000,
};

/** How a request's answer reaches the caller: at once, too late, or never. */
export type Delivery = "answer" | "late" | "drop";

function isRate(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= 1;
}

function isDuration(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/** Why the options cannot be used, or undefined when they can. */
export function faultOptionsProblem(options: FaultOptions): string | undefined {
  const { declineRate, pendingRate, timeoutRate, dropRate } = options;
  if (![declineRate, pendingRate, timeoutRate, dropRate].every(isRate)) {
    return "rates must be numbers from 0 to 1";
  }
  if (declineRate + pendingRate > 1 || timeoutRate + dropRate > 1) {
    return "declineRate + pendingRate and timeoutRate + dropRate must not pass 1";
  }
  const durations = [
    options.latencyMs,
    options.latencyJitterMs,
    options.pendingDelayMs,
    options.timeoutDelayMs,
  ];
  if (!durations.every(isDuration)) return "delays must be whole milliseconds, 0 or more";
  if (!Number.isSafeInteger(options.capacityMax) || options.capacityMax < 1) {
    return "capacityMax must be a whole number, 1 or more";
  }
  return undefined;
}

/** Draws each request's faults from the options; the options may change while running. */
export class FaultPlan {
  constructor(
    private current: FaultOptions,
    private readonly random: RandomSource,
  ) {}

  get options(): FaultOptions {
    return this.current;
  }

  /** Replaces some options; refused whole (throws) when the result would be unusable. */
  update(changes: Partial<FaultOptions>): void {
    const next = { ...this.current, ...changes };
    const problem = faultOptionsProblem(next);
    if (problem !== undefined) throw new Error(`fault options: ${problem}`);
    this.current = next;
  }

  latencyMs(): number {
    const { latencyMs, latencyJitterMs } = this.current;
    return latencyJitterMs === 0
      ? latencyMs
      : latencyMs + Math.floor(this.random() * latencyJitterMs);
  }

  delivery(): Delivery {
    const { dropRate, timeoutRate } = this.current;
    if (dropRate === 0 && timeoutRate === 0) return "answer";
    const draw = this.random();
    if (draw < dropRate) return "drop";
    return draw < dropRate + timeoutRate ? "late" : "answer";
  }

  fate(): Fate {
    const { declineRate, pendingRate } = this.current;
    if (declineRate === 0 && pendingRate === 0) return "process";
    const draw = this.random();
    if (draw < declineRate) return "decline";
    return draw < declineRate + pendingRate ? "pend" : "process";
  }
}
