import type { Command } from "commander";
import { addJsonOption, addStoreOptions, printResult } from "./bench-command-options.ts";
import { benchFlood, type FloodBenchResult, type FloodRunFigures } from "./bench-flood.ts";
import type { FloodKindStats } from "./bench-flood-protocol.ts";
import { environment, integer, stderr } from "./command-line.ts";

const kindNames: Readonly<Record<FloodKindStats["kind"], string>> = {
  payment: "payments",
  user_inquiry: "user inquiries",
  scheduled_inquiry: "scheduled inquiries",
};

function percent(share: number): string {
  return `${Math.round(share * 10_000) / 100}%`;
}

function kindLine(stats: FloodKindStats): string {
  const failed = Object.entries(stats.failedByCode);
  const refused =
    failed.length === 0 ? "" : `; ${failed.map(([c, n]) => `${n} × ${c}`).join(", ")}`;
  const cached = stats.fromCache === 0 ? "" : ` (${stats.fromCache} from cache)`;
  return `    ${kindNames[stats.kind].padEnd(20)} ${stats.succeeded}/${stats.sent} ok ${percent(stats.sent === 0 ? 1 : stats.succeeded / stats.sent)}${cached}, p50 ${stats.p50Ms} ms, p99 ${stats.p99Ms} ms${refused}`;
}

function runLines(title: string, run: FloodRunFigures): string[] {
  return [
    `${title}`,
    ...run.channels.flatMap((channel) => [
      `  ${channel.channelId}${channel.flooding ? " (flooding)" : ""}`,
      ...channel.byKind.map(kindLine),
    ]),
    ...run.billers.map(
      (biller) =>
        `  ${biller.billerId.padEnd(16)} peak ${biller.peakPerSecond}/s of ${biller.declaredPerSecond}/s declared (${biller.inquiriesPerSecond} inquiries + ${biller.postingsPerSecond} postings): ${percent(biller.loadRatio)}; ${biller.requests} requests; peak ${biller.peakInFlight} in flight of ${biller.concurrentCallsMax}`,
    ),
    `  hub CPU             ${run.hubCpuMsPerRequest} ms per request, ${run.requests} requests`,
    ...(run.postingsUnsettled === 0 ? [] : [`  ${run.postingsUnsettled} postings still unsettled`]),
  ];
}

function yes(met: boolean): string {
  return met ? "met" : "NOT met";
}

function floodTable(result: FloodBenchResult): string {
  const { targets } = result;
  return [
    `backend               ${result.backend}, admission state in ${result.admissionStore}`,
    `runs                  ${result.seconds} s without the flood, then ${result.seconds} s with ${result.floodPerSecond} scheduled inquiries/s (${result.floodFactor}× the channel's quota)`,
    ...runLines("without the flood", result.baseline),
    ...runLines("with the flood", result.flooded),
    `flood                 ${result.floodFromBiller} answered by billers, ${result.floodFromCache} from cache, ${result.floodShed} refused 429, ${result.floodFailed} failed otherwise (target: none: ${yes(targets.floodCachedOrShed)})`,
    `others' payments      ${percent(result.othersSuccessRate)} succeeded (target 100%: ${yes(targets.othersAllPaid)})`,
    `others' p99 ratio     ${result.othersP99Ratio}× (target ≤ 1.2×: ${yes(targets.othersP99Within)})`,
    `billers' peak load    ${percent(result.maxBillerLoadRatio)} of declared (target ≤ 100%: ${yes(targets.billersWithinCapacity)})`,
    "",
  ].join("\n");
}

/** `clearhub bench flood`: one channel floods scheduled inquiries; do the others and the billers notice? */
export function addBenchFloodCommand(bench: Command): void {
  const flood = bench
    .command("flood")
    .description(
      "three channels, three simulated billers in their own processes: steady inquiries and payments alone, then while one channel floods scheduled inquiries",
    );
  addStoreOptions(flood, "sqlite")
    .option(
      "--redis-url <url>",
      "keep the admission state in Redis (as hub nodes share it); memory without",
      environment.redisUrl,
    )
    .option(
      "--duration <s>",
      "seconds of each run: without the flood, then with it",
      integer(1, 3600),
      20,
    )
    .option(
      "--warmup <s>",
      "seconds of steady traffic before measuring (0: none)",
      integer(0, 600),
      3,
    )
    .option(
      "--inquiries <n>",
      "people's inquiries per second from each steady channel to each biller",
      integer(0, 1_000),
      2,
    )
    .option(
      "--payments <n>",
      "payments per second from each steady channel to each biller",
      integer(1, 1_000),
      2,
    )
    .option(
      "--flood-factor <n>",
      "the flooding channel's scheduled inquiries, in multiples of its quota at each biller",
      integer(1, 1_000),
      20,
    )
    .option("--customers <n>", "customers of each biller", integer(1, 100_000), 300)
    .option(
      "--hot <n>",
      "customers the flood asks about half the time (the cache answers repeats)",
      integer(1, 100_000),
      20,
    );
  addJsonOption(flood).action(async (options) => {
    const result = await benchFlood({
      backend: options.backend,
      databaseUrl: options.databaseUrl,
      redisUrl: options.redisUrl === "" ? undefined : options.redisUrl,
      seconds: options.duration,
      warmupSeconds: options.warmup,
      userInquiriesPerSecond: options.inquiries,
      paymentsPerSecond: options.payments,
      floodFactor: options.floodFactor,
      customers: options.customers,
      hotCustomers: Math.min(options.hot, options.customers),
      progress: stderr,
    });
    printResult(options, result, floodTable);
    // Timing targets are reported; what protection promises decides the exit code.
    if (!result.targets.othersAllPaid || !result.targets.billersWithinCapacity) {
      process.exitCode = 1;
    }
  });
}
