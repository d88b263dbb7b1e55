import type { Command } from "commander";
import { type ApiBenchResult, benchApi } from "./bench-api.ts";
import { benchBillPayments } from "./bench-bill-payments.ts";
import { addJsonOption, addStoreOptions, printResult } from "./bench-command-options.ts";
import { addBenchConsoleCommand } from "./bench-console-command.ts";
import { addEndToEndBenchCommand } from "./bench-end-to-end-command.ts";
import { addBenchFloodCommand } from "./bench-flood-command.ts";
import { benchLedger, type LedgerBenchResult } from "./bench-ledger.ts";
import { benchPayments } from "./bench-payments.ts";
import { benchQr } from "./bench-qr.ts";
import { benchRecon, reconBenchTable } from "./bench-recon.ts";
import { addBenchSettleCommand } from "./bench-settlement-command.ts";
import {
  billPaymentsBenchTable,
  formatCounts,
  paymentsBenchTable,
  qrBenchTable,
} from "./bench-tables.ts";
import { environment, integer, share, stderr } from "./command-line.ts";

function ledgerBenchTable(result: LedgerBenchResult): string {
  return [
    `backend            ${result.backend}`,
    `transfers          ${result.transfers} over ${result.accounts} accounts, ${result.hot * 100}% debiting one hot account, ${result.concurrency} in flight`,
    `seconds            ${result.seconds}`,
    `transfers/s        ${result.transfersPerSecond}`,
    `latency p50 / p99  ${result.p50Ms} ms / ${result.p99Ms} ms`,
    `batches            ${result.batches} (mean ${result.meanBatchSize} transfers, mean commit ${result.meanCommitMs} ms)`,
    `failed             ${result.failed}`,
    `reference          ${result.referenceTransfersPerSecond === null ? "skipped" : `${result.referenceTransfersPerSecond} transfers/s with a row lock per transfer: group commit is ${result.speedupOverReference}x faster`}`,
    `verified           ${result.verified ? "yes" : `NO: ${result.verifyProblems.join("; ")}`}`,
    "",
  ].join("\n");
}

function apiBenchTable(result: ApiBenchResult): string {
  const bulk = result.transfersPerRequest > 1;
  const what = bulk ? `bulk requests of ${result.transfersPerRequest}` : "single transfers";
  return [
    `backend               ${result.backend}`,
    `load                  ${result.connections} connections, ${result.payers} payers, ${what}`,
    `no-op (POST /v1/ping) ${result.noopRequestsPerSecond} requests/s over ${result.noopSeconds} s, p50 ${result.noopP50Ms} ms, p99 ${result.noopP99Ms} ms, max ${result.noopMaxMs} ms, ${result.noopErrors} errors${formatCounts(result.noopErrorsByCode)}`,
    `transfers             ${result.requestsPerSecond} requests/s over ${result.seconds} s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, max ${result.maxMs} ms, ${result.errors} errors${formatCounts(result.errorsByCode)}`,
    ...(bulk
      ? [
          `transfers/s           ${result.transfersPerSecond}${formatCounts(result.itemErrorsByCode)}`,
        ]
      : []),
    `transfers / no-op     ${result.ratio} of the no-op rate`,
    `CPU per request       hub ${result.noopHubCpuMsPerRequest ?? "?"} ms no-op, ${result.hubCpuMsPerRequest ?? "?"} ms transfer; driver ${result.noopDriverCpuMsPerRequest} ms no-op, ${result.driverCpuMsPerRequest} ms transfer`,
    ...(result.ledgerBatches === null
      ? []
      : [
          `ledger batches        ${result.ledgerBatches} (mean ${result.meanBatchSize} transfers, mean commit ${result.meanCommitMs} ms)`,
        ]),
    `verified              ${result.verified ? `yes: ${result.transfersCreated} transfers acknowledged, ${result.backend === "remote" ? "each debited and credited once" : "each in the ledger once, which verifies"}` : `NO: ${result.verifyProblems.join("; ")}`}`,
    "",
  ].join("\n");
}

/** `clearhub bench ...`: each capability's benchmark, printing its figures. */
export function addBenchCommands(program: Command): void {
  const bench = program.command("bench").description("measure the hub's throughput and latency");

  const ledger = bench
    .command("ledger")
    .description("drive the group-commit ledger with concurrent transfers, then verify it");
  addStoreOptions(ledger, "sqlite", "store to measure")
    .option("--transfers <n>", "transfers to send", integer(1, 100_000_000), 200_000)
    .option("--accounts <n>", "accounts to spread them over", integer(2, 100_000), 100)
    .option("--hot <share>", "share of transfers debiting the one hot account", share, 0.9)
    .option("--concurrency <n>", "transfers in flight at once", integer(1, 1_000_000), 4096)
    .option(
      "--batch-delay-ms <ms>",
      "how long an idle batch waits for company",
      integer(0, 1000),
      1,
    )
    .option(
      "--reference-seconds <s>",
      "run the row-lock-per-transfer reference this long (0: skip)",
      integer(0, 600),
      3,
    );
  addJsonOption(ledger).action(async (options) => {
    const result = await benchLedger({ ...options, progress: stderr });
    printResult(options, result, ledgerBenchTable);
    if (!result.verified || result.failed > 0) process.exitCode = 1;
  });

  const api = bench
    .command("api")
    .description(
      "drive the participant API with signed requests from a separate process: no-op pings, then transfers",
    );
  addStoreOptions(api, "postgres")
    .option(
      "--url <url>",
      "drive the hub running there instead (onboards payers with $CLEARHUB_OPERATOR_TOKEN)",
    )
    .option(
      "--connections <n>",
      "keep-alive connections, one request in flight on each",
      integer(1, 10_000),
      32,
    )
    .option("--duration <s>", "seconds of each phase: no-op, then transfers", integer(1, 3600), 10)
    .option(
      "--warmup <s>",
      "seconds of mixed requests before measuring (0: none)",
      integer(0, 600),
      2,
    )
    .option(
      "--bulk <n>",
      "send bulk requests of n transfers (POST /v1/transfers/bulk)",
      integer(1, 1000),
    )
    .option(
      "--payers <n>",
      "payers, each with its own key, and as many payees",
      integer(1, 1000),
      8,
    );
  addJsonOption(api).action(async (options) => {
    const result = await benchApi({
      backend: options.backend,
      databaseUrl: options.databaseUrl,
      url: options.url,
      operatorToken: environment.operatorToken,
      connections: options.connections,
      seconds: options.duration,
      warmupSeconds: options.warmup,
      bulk: options.bulk ?? 0,
      payers: options.payers,
      progress: stderr,
    });
    printResult(options, result, apiBenchTable);
    const failed = result.errors + result.noopErrors + result.warmupErrors;
    if (!result.verified || failed > 0) process.exitCode = 1;
  });

  addEndToEndBenchCommand(bench, {
    name: "payments",
    description:
      "agreement payments end to end: an SDK client in a driver process, the hub, a simulated bank in a process of its own; then reconcile the hub with the bank",
    help: {
      duration: "seconds of each phase: no-op, then payments",
      drop: "share of the bank's answers lost after it applied the debit",
      settleTimeout: "how long to wait for the status inquiries to settle unknown payments",
    },
    spread: {
      flag: "agreements",
      help: "agreements signed beforehand (one customer each) the payments are spread over",
    },
    run: (options, agreements) => benchPayments({ ...options, agreements }),
    table: paymentsBenchTable,
  });

  addEndToEndBenchCommand(bench, {
    name: "bill-payments",
    description:
      "bill payments end to end: an SDK client in a driver process, the hub, a simulated biller in a process of its own; then reconcile the hub with the biller's postings",
    help: {
      duration: "seconds of each phase: no-op, then bill payments",
      drop: "share of the biller's posting answers lost after it applied the posting",
      settleTimeout:
        "how long to wait for every payment to be posted, lost answers settled by inquiry",
    },
    spread: { flag: "customers", help: "the biller's customers the payments are spread over" },
    run: (options, customers) => benchBillPayments({ ...options, customers }),
    table: billPaymentsBenchTable,
  });

  addEndToEndBenchCommand(bench, {
    name: "qr",
    description:
      "barcode payments end to end: merchant-presented codes paid by the wallet's driver process, then consumer-presented codes sent by the acquirer's and routed to the wallet simulator in a process of its own, each against signed no-ops; then reconcile the hub with the wallet's books",
    help: {
      duration: "seconds of each phase: no-op, then payments, for each mode",
      drop: "share of the wallet's answers lost after it charged the customer",
      settleTimeout: "how long to wait for the status inquiries to settle every unknown payment",
    },
    spread: {
      flag: "customers",
      help: "the wallet's customers (and the payers of merchant-presented codes) the payments are spread over",
    },
    run: (options, customers) => benchQr({ ...options, customers }),
    table: qrBenchTable,
  });

  addBenchConsoleCommand(bench, stderr);

  addBenchFloodCommand(bench);

  const recon = bench
    .command("recon")
    .description(
      "a day of N transactions and a participant file with breaks of every kind injected, then the match: time, peak memory, breaks found",
    );
  addStoreOptions(recon, "sqlite").option(
    "--rows <n>",
    "transactions in the day",
    integer(10, 100_000_000),
    1_000_000,
  );
  addJsonOption(recon).action(async (options) => {
    const result = await benchRecon({
      backend: options.backend,
      databaseUrl: options.databaseUrl,
      rows: options.rows,
      progress: stderr,
    });
    printResult(options, result, reconBenchTable);
    if (result.falseBreaks > 0 || result.breaksFound < result.breaksInjected) process.exitCode = 1;
  });
  addBenchSettleCommand(bench);
}
