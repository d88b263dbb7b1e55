import { type Command, InvalidArgumentError } from "commander";
import { addJsonOption, addStoreOptions, printResult } from "./bench-command-options.ts";
import { benchConsole, type ConsoleBenchResult } from "./bench-console.ts";

const chromiumPathDefault = "/usr/bin/chromium";

function count(min: number, max: number) {
  return (text: string): number => {
    const value = Number(text.replaceAll("_", ""));
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`);
    }
    return value;
  };
}

function consoleBenchTable(result: ConsoleBenchResult): string {
  const interactive = result.firstPageInteractiveMs;
  return [
    `backend                  ${result.backend}`,
    `network                  ${result.participants} participants, ${result.transfers.toLocaleString("en")} transfers ${result.seedSeconds === 0 ? "(kept from an earlier run)" : `(seeded in ${result.seedSeconds} s, ${result.seedTransfersPerSecond}/s, ${result.seedFailed} failed)`}`,
    `network overview         p50 ${result.overviewP50Ms} ms, p99 ${result.overviewP99Ms} ms`,
    `transfer search          p50 ${result.searchP50Ms} ms, p99 ${result.searchP99Ms} ms (${result.searchItemsMean} transfers a page on average)`,
    `console first page       ${result.pageLoads === null ? "not measured" : `${interactive} ms to interactive at worst (first, uncached: ${result.pageLoads.firstLoadMs} ms; p50 ${result.pageLoads.interactiveP50Ms} ms; Chromium's domInteractive p50 ${result.pageLoads.domInteractiveP50Ms} ms; the overview's answer in by ${result.pageLoads.overviewAnsweredP50Ms} ms)`}`,
    "",
  ].join("\n");
}

/** `clearhub bench console`: the operator's view on a large network. */
export function addBenchConsoleCommand(bench: Command, progress: (line: string) => void): void {
  const command = bench
    .command("console")
    .description(
      "seed a large network through the ledger, then time the network overview, transfer search and the console's first page",
    );
  addStoreOptions(command, "postgres")
    .option(
      "--schema <name>",
      "keep the seeded network in this PostgreSQL schema and reuse it on later runs",
    )
    .option("--participants <n>", "participants in the network", count(2, 100_000), 1000)
    .option("--transfers <n>", "transfers cleared between them", count(1, 100_000_000), 10_000_000)
    .option("--samples <n>", "requests timed of each kind", count(1, 100_000), 200)
    .option(
      "--page-loads <n>",
      "console page loads timed in Chromium (0: none)",
      count(0, 1000),
      10,
    )
    .option("--chromium <path>", "the Chromium executable", chromiumPathDefault);
  addJsonOption(command).action(async (options) => {
    if (options.schema !== undefined && options.backend !== "postgres") {
      throw new InvalidArgumentError(
        "--schema keeps a PostgreSQL schema: use it with --backend postgres",
      );
    }
    const result = await benchConsole({
      backend: options.backend,
      databaseUrl: options.databaseUrl,
      keptSchema: options.schema,
      participants: options.participants,
      transfers: options.transfers,
      samples: options.samples,
      pageLoads: options.pageLoads,
      chromiumPath: options.chromium,
      progress,
    });
    printResult(options, result, consoleBenchTable);
    if (result.seedFailed > 0) process.exitCode = 1;
  });
}
