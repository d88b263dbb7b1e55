/**
 * The command line of the end-to-end benchmarks (`clearhub bench payments`, `clearhub bench
 * bill-payments`, `clearhub bench qr`): the same options in the same order, each told in the benchmark's own words,
 * and the same verdict on the exit code.
 */
import type { Command } from "commander";
import { addJsonOption, addStoreOptions, printResult } from "./bench-command-options.ts";
import type { BenchBackend } from "./bench-store.ts";
import { integer, share, stderr } from "./command-line.ts";

/** What both benchmarks are given, whatever they pay through. */
export interface EndToEndBenchOptions {
  readonly backend: BenchBackend;
  readonly databaseUrl: string;
  readonly seconds: number;
  readonly concurrency: number;
  readonly drop: number;
  readonly settleTimeoutSeconds: number;
  readonly progress: (line: string) => void;
}

export interface EndToEndBench<R> {
  readonly name: string;
  readonly description: string;
  /** The help of each option that says what is measured. */
  readonly help: {
    readonly duration: string;
    readonly drop: string;
    readonly settleTimeout: string;
  };
  /** What the payments are spread over, one option: `--agreements <n>`, `--customers <n>`. */
  readonly spread: { readonly flag: string; readonly help: string };
  run(options: EndToEndBenchOptions, spread: number): Promise<R>;
  table(result: R): string;
}

/** Adds the benchmark; a run that failed to verify or had errors exits 1. */
export function addEndToEndBenchCommand<
  R extends { readonly verified: boolean; readonly errors: number; readonly noopErrors: number },
>(bench: Command, spec: EndToEndBench<R>): void {
  const command = bench.command(spec.name).description(spec.description);
  addStoreOptions(command, "postgres")
    .option("--duration <s>", spec.help.duration, integer(1, 3600), 10)
    .option("--concurrency <n>", "payment requests in flight at once", integer(1, 10_000), 64)
    .option("--drop <share>", spec.help.drop, share, 0)
    .option(`--${spec.spread.flag} <n>`, spec.spread.help, integer(1, 100_000), 256)
    .option("--settle-timeout <s>", spec.help.settleTimeout, integer(1, 3600), 120);
  addJsonOption(command).action(async (options) => {
    const run = {
      backend: options.backend,
      databaseUrl: options.databaseUrl,
      seconds: options.duration,
      concurrency: options.concurrency,
      drop: options.drop,
      settleTimeoutSeconds: options.settleTimeout,
      progress: stderr,
    };
    const result = await spec.run(run, options[spec.spread.flag]);
    printResult(options, result, spec.table);
    if (!result.verified || result.errors + result.noopErrors > 0) process.exitCode = 1;
  });
}
