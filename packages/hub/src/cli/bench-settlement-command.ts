import type { Command } from "commander";
import { addJsonOption, addStoreOptions, printResult } from "./bench-command-options.ts";
import { benchSettlement, type SettlementBenchResult } from "./bench-settlement.ts";
import {
  benchSettlementDuringLoad,
  type DuringLoadResult,
} from "./bench-settlement-during-load.ts";
import { row } from "./bench-tables.ts";
import { integer, stderr } from "./command-line.ts";

/** The issue's targets, reported beside the figures (they decide nothing about the exit code). */
const closeSecondsTarget = 1;
const throughputRatioTarget = 0.9;
const closeIntervalMs = 1000;

function met(ok: boolean): string {
  return ok ? "met" : "NOT met";
}

function settlementTable(result: SettlementBenchResult): string {
  return [
    row("backend", result.backend),
    row(
      "window",
      `${result.windowId}: ${result.transfers} transfers among ${result.participants} participants, loaded in ${result.loadSeconds} s (${result.loadTransfersPerSecond} transfers/s, not timed)`,
    ),
    row(
      "close + netting",
      `${result.closeSeconds} s, of which ${result.reportSeconds} s the report (instructions) (target ≤ ${closeSecondsTarget} s: ${met(result.closeSeconds <= closeSecondsTarget)})`,
    ),
    row(
      "export",
      `${result.exportSeconds} s, of which ${result.bilateralSeconds} s summing the bilateral flows`,
    ),
    row("seconds", `${result.seconds} s close and export`),
    row(
      "window figures",
      `${result.positions} positions, ${result.instructions} instructions, ${result.bilateralPairs} bilateral pairs`,
    ),
    row(
      "files",
      `${result.files}: ${result.csvFiles} CSV, ${result.xmlFiles} ISO 20022 XML${result.out === null ? " (made in memory)" : ` written to ${result.out}`}`,
    ),
    row(
      "consistent",
      result.consistent
        ? "yes: the positions sum to zero and are what the loaded transfers imply"
        : `NO: ${result.problems.join("; ")}`,
    ),
    "",
  ].join("\n");
}

function duringLoadTable(result: DuringLoadResult): string {
  return [
    row("backend", result.backend),
    row(
      "network",
      `${result.participants} participants, ${result.transfers} transfers loaded first (${result.loadSeconds} s)`,
    ),
    row(
      "load",
      `${result.concurrency} transfers in flight, ${result.slices} slices of ${result.sliceSeconds} s each way, alternating`,
    ),
    row("without closes", `${result.transfersPerSecondWithoutCloses} transfers/s`),
    row(
      "closing every second",
      `${result.transfersPerSecondWithCloses} transfers/s; ${result.closes} closes, p50 ${result.closeP50Ms} ms, max ${result.closeMaxMs} ms`,
    ),
    row(
      "throughput ratio",
      `${result.throughputRatio} (target ≥ ${throughputRatioTarget}: ${met(result.throughputRatio >= throughputRatioTarget)})`,
    ),
    row("failed", `${result.failed} transfers refused`),
    "",
  ].join("\n");
}

/** `clearhub bench settle`: close (and export) a window of many transfers, or close under load. */
export function addBenchSettleCommand(bench: Command): void {
  const settle = bench
    .command("settle")
    .description(
      "load a settlement window with transfers through a bulk path, then time its close, netting, instructions and files; or, with --during-load, clearing throughput while windows close every second",
    );
  addStoreOptions(settle, "postgres")
    .option(
      "--transfers <n>",
      "transfers loaded into the window (not timed)",
      integer(0, 100_000_000),
      1_000_000,
    )
    .option("--participants <n>", "participants they are among", integer(2, 100_000), 1000)
    .option("--out <dir>", "keep the exported files (CSV and XML) in this directory")
    .option(
      "--during-load",
      "measure clearing throughput in slices with and without a window closing every second",
    )
    .option(
      "--seconds <s>",
      "with --during-load: measured seconds of each kind of slice",
      integer(1, 3600),
      10,
    )
    .option("--slice-seconds <s>", "with --during-load: one slice's length", integer(1, 60), 2)
    .option(
      "--concurrency <n>",
      "with --during-load: transfers in flight at once",
      integer(1, 100_000),
      2048,
    );
  addJsonOption(settle).action(async (options) => {
    const common = {
      backend: options.backend,
      databaseUrl: options.databaseUrl,
      transfers: options.transfers,
      participants: options.participants,
      progress: stderr,
    };
    if (options.duringLoad === true) {
      const result = await benchSettlementDuringLoad({
        ...common,
        seconds: options.seconds,
        sliceSeconds: options.sliceSeconds,
        closeIntervalMs,
        concurrency: options.concurrency,
      });
      printResult(options, result, duringLoadTable);
      if (result.failed > 0) process.exitCode = 1;
      return;
    }
    const result = await benchSettlement({ ...common, out: options.out });
    printResult(options, result, settlementTable);
    if (!result.consistent) process.exitCode = 1;
  });
}
