import type { Command } from "commander";
import type { FaultOptions } from "../shared/fault-plan.ts";
import { givenOnly, integer, share } from "./cli-arguments.ts";

/** The fault options as the command line names them. */
export interface FaultFlags {
  latencyMs?: number;
  latencyJitterMs?: number;
  decline?: number;
  pending?: number;
  pendingDelayMs?: number;
  timeout?: number;
  timeoutDelayMs?: number;
  drop?: number;
  capacity?: number;
}

/** Adds the fault options every simulator takes; `busyCode` is how it refuses at capacity. */
export function withFaultFlags(program: Command, busyCode: string): Command {
  return program
    .option("--latency-ms <ms>", "delay before each request is processed", integer(0, 600_000))
    .option("--latency-jitter-ms <ms>", "a further random delay up to this", integer(0, 600_000))
    .option("--decline <share>", "share of new money calls declined at random", share)
    .option("--pending <share>", "share of new money calls answered pending", share)
    .option("--pending-delay-ms <ms>", "when pending calls are decided", integer(0, 3_600_000))
    .option("--timeout <share>", "share of calls applied but answered too late", share)
    .option("--timeout-delay-ms <ms>", "how late those answers come", integer(0, 3_600_000))
    .option(
      "--drop <share>",
      "share of calls applied, then their connection dropped unanswered",
      share,
    )
    .option(
      "--capacity <n>",
      `calls under way at once; beyond it 503 ${busyCode}`,
      integer(1, 10_000_000),
    );
}

/** The fault options the command line sets, leaving the others to the configuration. */
export function faultFlags(options: FaultFlags): Partial<FaultOptions> {
  return givenOnly({
    latencyMs: options.latencyMs,
    latencyJitterMs: options.latencyJitterMs,
    declineRate: options.decline,
    pendingRate: options.pending,
    pendingDelayMs: options.pendingDelayMs,
    timeoutRate: options.timeout,
    timeoutDelayMs: options.timeoutDelayMs,
    dropRate: options.drop,
    capacityMax: options.capacity,
  });
}
