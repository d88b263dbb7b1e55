import { bankInterfaceDocument, billerInterfaceDocument } from "@clearhub/wire";
import { Command, InvalidArgumentError, Option } from "commander";
import { generateDataKeyEntry } from "../adapters/crypto/data-key-entry.ts";
import { ScryptPasswordHasher } from "../adapters/crypto/scrypt-password-hasher.ts";
import { migrateToLatest, openDatabase } from "../adapters/store/database.ts";
import { KyselyAuditLogStore } from "../adapters/store/kysely-audit-log-store.ts";
import { KyselyOperatorStore } from "../adapters/store/kysely-operator-store.ts";
import {
  allowNetworksFrom,
  WebhookDestinationPolicy,
} from "../adapters/webhooks/webhook-destination-policy.ts";
import { issueOperatorToken } from "../api/operator-auth.ts";
import { problemCatalogue } from "../api/problem-catalogue.ts";
import { type AuditVerifyReport, verifyAuditLog } from "../app/audit/verify-audit-log.ts";
import { verifyLedger } from "../app/ledger/verify-ledger.ts";
import { OperatorAccountService } from "../app/operators/operator-account-service.ts";
import { OperatorTokenService } from "../app/operators/operator-token-service.ts";
import { commandLineActor } from "../domain/audit/audit-actor.ts";
import {
  isOperatorRole,
  type OperatorRole,
  operatorRoles,
} from "../domain/operators/operator-role.ts";
import { createLedgerStore } from "../hub.ts";
import { type ApiBenchResult, benchApi } from "./bench-api.ts";
import { addBenchConsoleCommand } from "./bench-console-command.ts";
import { benchLedger } from "./bench-ledger.ts";
import { benchPayments, type PaymentsBenchResult } from "./bench-payments.ts";
import { addBillerCommands } from "./biller-commands.ts";
import { CliError } from "./cli-error.ts";
import { dataDirFrom } from "./data-dir.ts";
import { runDemoNetwork } from "./demo-network.ts";
import { openExistingStore } from "./existing-store.ts";
import { openapiDocumentText } from "./openapi-document-text.ts";
import { serve } from "./serve.ts";

/** Where the hub keeps its data unless told otherwise: `DATABASE_URL`, else SQLite in the package's data/. */
const environment = {
  databaseUrl: process.env.DATABASE_URL,
  dataDir: dataDirFrom(process.env),
  redisUrl: process.env.REDIS_URL,
  dataKeys: process.env.CLEARHUB_DATA_KEYS,
  // An environment variable, not an option: a command line is visible to every local user.
  hubSigningKey: process.env.CLEARHUB_HUB_SIGNING_KEY,
  operatorToken: process.env.CLEARHUB_OPERATOR_TOKEN,
  webhookAllowNetworks: allowNetworksFrom(process.env.CLEARHUB_WEBHOOK_ALLOW_NETWORKS),
};
/** A mistyped allow-list stops the start with one line naming it, before anything opens. */
function checkAllowNetworks(networks: readonly string[]): void {
  try {
    new WebhookDestinationPolicy(networks);
  } catch (error) {
    throw new CliError(`CLEARHUB_WEBHOOK_ALLOW_NETWORKS: ${(error as Error).message}`);
  }
}

/** The demo's receivers run on this machine: it allows loopback besides what is configured. */
const demoAllowNetworks = ["127.0.0.0/8", "::1/128"];
const defaultPostgresUrl = "postgres://postgres@127.0.0.1:5432/test";

function integer(min: number, max: number) {
  return (text: string): number => {
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`);
    }
    return value;
  };
}

function share(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new InvalidArgumentError("expected a number from 0 to 1");
  }
  return value;
}

const stderr = (line: string) => process.stderr.write(`${line}\n`);

const program = new Command()
  .name("clearhub")
  .description(
    "clearhub: the clearing and bill-payment hub between payment institutions, banks and billers",
  );

const stdout = (line: string) => process.stdout.write(`${line}\n`);

program
  .command("start")
  .description("run the hub: migrate the schema, serve the API, run the background jobs")
  .option("--host <host>", "address to listen on", process.env.HOST ?? "127.0.0.1")
  .option("--port <port>", "port to listen on", integer(0, 65535), Number(process.env.PORT ?? 8080))
  .option(
    "--database-url <url>",
    "PostgreSQL URL (default: $DATABASE_URL, else SQLite)",
    environment.databaseUrl,
  )
  .option("--data-dir <dir>", "directory of the SQLite file", environment.dataDir)
  .option(
    "--redis-url <url>",
    "Redis URL for the signature nonces shared by hub nodes (default: $REDIS_URL, else the store)",
    environment.redisUrl,
  )
  .option(
    "--demo",
    "seed the demo network (two banks, two payment institutions, three billers) if absent",
  )
  .action(
    async (options: {
      host: string;
      port: number;
      databaseUrl?: string;
      dataDir: string;
      redisUrl?: string;
      demo?: boolean;
    }) => {
      const demo = options.demo === true;
      const { dataKeys, hubSigningKey } = environment;
      const webhookAllowNetworks = [
        ...environment.webhookAllowNetworks,
        ...(demo ? demoAllowNetworks : []),
      ];
      checkAllowNetworks(environment.webhookAllowNetworks);
      const config = { ...options, demo, dataKeys, hubSigningKey, webhookAllowNetworks };
      await serve(config, stdout, demo ? runDemoNetwork(options.dataDir, stdout) : undefined);
    },
  );

/** The operator accounts and tokens of a store opened by a command, with the schema brought up to date. */
async function withOperators<T>(
  options: { databaseUrl?: string; dataDir: string },
  use: (operators: {
    operatorStore: KyselyOperatorStore;
    operatorAccounts: OperatorAccountService;
    operatorTokens: OperatorTokenService;
  }) => Promise<T>,
): Promise<T> {
  const database = await openExistingStore(options);
  try {
    await migrateToLatest(database);
    const operatorStore = new KyselyOperatorStore(database.kysely, database.dialect);
    const operatorAccounts = new OperatorAccountService(operatorStore, new ScryptPasswordHasher());
    const operatorTokens = new OperatorTokenService(operatorStore, operatorAccounts);
    return await use({ operatorStore, operatorAccounts, operatorTokens });
  } finally {
    await database.close();
  }
}

function role(text: string): OperatorRole {
  if (!isOperatorRole(text)) throw new InvalidArgumentError(`expected ${operatorRoles.join(", ")}`);
  return text;
}

const roleDescription = `${operatorRoles.join(", ")}`;

program
  .command("token")
  .description("operator API tokens")
  .command("create")
  .description(
    "issue an operator API token bound to an operator account and a role; it is printed once and only its hash is stored",
  )
  .requiredOption("--name <name>", "who or what the token is for")
  .option(
    "--account <name>",
    "the operator account it acts for, created without a password if absent (default: the token's name)",
  )
  .option(`--role <role>`, `${roleDescription}; never more than the account's`, role, "admin")
  .option(
    "--database-url <url>",
    "PostgreSQL URL (default: $DATABASE_URL, else SQLite)",
    environment.databaseUrl,
  )
  .option("--data-dir <dir>", "directory of the SQLite file", environment.dataDir)
  .action(
    async (options: {
      name: string;
      account?: string;
      role: OperatorRole;
      databaseUrl?: string;
      dataDir: string;
    }) => {
      await withOperators(options, async (operators) => {
        const issued = await issueOperatorToken(operators, options.name, commandLineActor, {
          accountName: options.account,
          role: options.role,
        });
        stdout(issued.token);
        stderr(
          `token ${issued.id} "${issued.name}" issued for operator "${options.account ?? options.name}" as ${issued.role}; it is not shown again`,
        );
      });
    },
  );

/** The password piped to the command, without the line break a shell's echo adds. */
async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

program
  .command("operator")
  .description("operator accounts: people who log in to the console")
  .command("create")
  .description(
    "create an operator account; prints a generated password once (only its scrypt hash is stored)",
  )
  .requiredOption("--name <name>", "the name the operator logs in with")
  .requiredOption("--role <role>", roleDescription, role)
  .option("--password-stdin", "read the password from standard input instead of generating one")
  .option(
    "--database-url <url>",
    "PostgreSQL URL (default: $DATABASE_URL, else SQLite)",
    environment.databaseUrl,
  )
  .option("--data-dir <dir>", "directory of the SQLite file", environment.dataDir)
  .action(
    async (options: {
      name: string;
      role: OperatorRole;
      passwordStdin?: boolean;
      databaseUrl?: string;
      dataDir: string;
    }) => {
      const password = options.passwordStdin === true ? await readPasswordFromStdin() : undefined;
      await withOperators(options, async ({ operatorAccounts }) => {
        const created = await operatorAccounts.create(
          { name: options.name, role: options.role, password },
          commandLineActor,
        );
        if (!created.ok) {
          stderr(
            `clearhub: operator not created: ${problemCatalogue[created.code].title} (${created.code})`,
          );
          process.exitCode = 1;
          return;
        }
        const { account } = created.value;
        if (password === undefined) stdout(created.value.password);
        stderr(
          `operator ${account.id} "${account.name}" created as ${account.role}${password === undefined ? "; the password above is not shown again" : ""}`,
        );
      });
    },
  );

program
  .command("migrate")
  .description("bring the database schema up to date")
  .option(
    "--database-url <url>",
    "PostgreSQL URL (default: $DATABASE_URL, else SQLite)",
    environment.databaseUrl,
  )
  .option("--data-dir <dir>", "directory of the SQLite file", environment.dataDir)
  .action(async (options: { databaseUrl?: string; dataDir: string }) => {
    const database = openDatabase(options);
    await migrateToLatest(database);
    stderr(`schema up to date at ${database.location}`);
    await database.close();
  });

/** The audit log's verdict, as `clearhub verify` prints it. */
function auditVerdict(report: AuditVerifyReport): string {
  if (report.firstBroken === null) return `audit log verified: ${report.entries} entries`;
  const { seq, problem } = report.firstBroken;
  return `AUDIT LOG VERIFICATION FAILED: first broken link at entry ${seq} (${problem}); ${report.entries} entries before it verified`;
}

program
  .command("verify")
  .description(
    "recompute the journal's hash chain and every balance from the transfers, and the audit log's hash chain; exit 1 on any difference",
  )
  .option(
    "--database-url <url>",
    "PostgreSQL URL (default: $DATABASE_URL, else SQLite)",
    environment.databaseUrl,
  )
  .option("--data-dir <dir>", "directory of the SQLite file", environment.dataDir)
  .option("--json", "print one JSON object")
  .action(async (options: { databaseUrl?: string; dataDir: string; json?: boolean }) => {
    const database = await openExistingStore(options);
    try {
      const report = await verifyLedger(createLedgerStore(database), (checked, head) => {
        if (options.json !== true) stderr(`  checked ${checked} / ${head} batches`);
      });
      const audit = await verifyAuditLog(new KyselyAuditLogStore(database.kysely));
      const ok = report.ok && audit.ok;
      if (options.json === true) {
        process.stdout.write(`${JSON.stringify({ ...report, ok, audit })}\n`);
      } else {
        const verdict = report.ok ? "ledger verified" : "LEDGER VERIFICATION FAILED";
        process.stdout.write(
          `${verdict}: ${report.batches} batches, ${report.transfers} transfers, ${report.accounts} accounts at ${database.location}\n`,
        );
        for (const problem of report.problems) process.stdout.write(`  - ${problem}\n`);
        process.stdout.write(`${auditVerdict(audit)}\n`);
      }
      process.exitCode = ok ? 0 : 1;
    } finally {
      await database.close();
    }
  });

program
  .command("keys")
  .description("the hub's own keys")
  .command("generate-data-key")
  .description("print a new key for CLEARHUB_DATA_KEYS, which seals card, account and ID numbers")
  .action(() => {
    const generated = generateDataKeyEntry(new Date());
    stdout(generated.entry);
    stderr(
      `data key ${generated.keyId}: put it first in CLEARHUB_DATA_KEYS on every node, the older keys after it`,
    );
  });

program
  .command("openapi")
  .description(
    "print the OpenAPI 3.1 document of the operator and participant APIs, webhooks included; needs no database",
  )
  .action(async () => {
    process.stdout.write(await openapiDocumentText());
  });

program
  .command("bank-interface-spec")
  .description(
    "print the bank interface (OpenAPI 3.1 JSON): what a bank implements to connect to the hub",
  )
  .action(() => {
    stdout(JSON.stringify(bankInterfaceDocument(), null, 2));
  });

program
  .command("biller-interface-spec")
  .description(
    "print the biller interface (OpenAPI 3.1 JSON): what a biller implements to connect to the hub",
  )
  .action(() => {
    stdout(JSON.stringify(billerInterfaceDocument(), null, 2));
  });
addBillerCommands(
  program,
  { databaseUrl: environment.databaseUrl, dataDir: environment.dataDir },
  stdout,
  stderr,
);

const bench = program.command("bench").description("measure the hub's throughput and latency");

bench
  .command("ledger")
  .description("drive the group-commit ledger with concurrent transfers, then verify it")
  .addOption(
    new Option("--backend <backend>", "store to measure")
      .choices(["sqlite", "postgres"])
      .default("sqlite"),
  )
  .option(
    "--database-url <url>",
    "PostgreSQL server for --backend postgres (a temporary schema is used)",
    environment.databaseUrl ?? defaultPostgresUrl,
  )
  .option("--transfers <n>", "transfers to send", integer(1, 100_000_000), 200_000)
  .option("--accounts <n>", "accounts to spread them over", integer(2, 100_000), 100)
  .option("--hot <share>", "share of transfers debiting the one hot account", share, 0.9)
  .option("--concurrency <n>", "transfers in flight at once", integer(1, 1_000_000), 4096)
  .option("--batch-delay-ms <ms>", "how long an idle batch waits for company", integer(0, 1000), 1)
  .option(
    "--reference-seconds <s>",
    "run the row-lock-per-transfer reference this long (0: skip)",
    integer(0, 600),
    3,
  )
  .option("--json", "print exactly one JSON object")
  .action(async (options) => {
    const result = await benchLedger({ ...options, progress: stderr });
    if (options.json === true) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      process.stdout.write(
        [
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
        ].join("\n"),
      );
    }
    if (!result.verified || result.failed > 0) process.exitCode = 1;
  });

function formatCounts(counts: Readonly<Record<string, number>>): string {
  const entries = Object.entries(counts);
  return entries.length === 0
    ? ""
    : ` (${entries.map(([code, n]) => `${n} × ${code}`).join(", ")})`;
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

bench
  .command("api")
  .description(
    "drive the participant API with signed requests from a separate process: no-op pings, then transfers",
  )
  .addOption(
    new Option("--backend <backend>", "store of the hub started for the run")
      .choices(["sqlite", "postgres"])
      .default("postgres"),
  )
  .option(
    "--database-url <url>",
    "PostgreSQL server for --backend postgres (a temporary schema is used)",
    environment.databaseUrl ?? defaultPostgresUrl,
  )
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
  .option("--payers <n>", "payers, each with its own key, and as many payees", integer(1, 1000), 8)
  .option("--json", "print exactly one JSON object")
  .action(async (options) => {
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
    if (options.json === true) process.stdout.write(`${JSON.stringify(result)}\n`);
    else process.stdout.write(apiBenchTable(result));
    const failed = result.errors + result.noopErrors + result.warmupErrors;
    if (!result.verified || failed > 0) process.exitCode = 1;
  });

function paymentsBenchTable(result: PaymentsBenchResult): string {
  return [
    `backend               ${result.backend}`,
    `load                  ${result.concurrency} requests in flight, ${result.agreements} agreements, bank dropping ${result.drop * 100}% of its answers`,
    `no-op (POST /v1/ping) ${result.noopRequestsPerSecond} requests/s over ${result.noopSeconds} s, p50 ${result.noopP50Ms} ms, p99 ${result.noopP99Ms} ms, ${result.noopErrors} errors`,
    `payments              ${result.paymentsPerSecond} payments/s over ${result.seconds} s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, max ${result.maxMs} ms, ${result.errors} errors${formatCounts(result.errorsByCode)}`,
    `answered              ${formatCounts(result.answeredStates).slice(2, -1) || "nothing"}`,
    `payments / no-op      ${result.ratio} of the no-op rate`,
    `CPU per request       hub ${result.noopHubCpuMsPerRequest} ms no-op, ${result.hubCpuMsPerPayment} ms payment; driver ${result.noopDriverCpuMsPerRequest} ms no-op, ${result.driverCpuMsPerPayment} ms payment; bank ${result.bankCpuMsPerPayment} ms payment`,
    `ledger batches        ${result.ledgerBatches} while paying (mean ${result.meanBatchSize} transfers, mean commit ${result.meanCommitMs} ms)`,
    `settled               ${result.unsettledAfterRun} unknown after the run, settled by inquiries in ${result.settleSeconds} s; finally ${formatCounts(result.finalStates).slice(2, -1) || "none"}`,
    `reconciled            ${result.bankDebits} bank debits: ${result.lost} lost, ${result.doubled} doubled`,
    `verified              ${result.verified ? "yes: the ledger verifies and the institution's position is the sum of its succeeded payments" : `NO: ${result.problems.join("; ")}`}`,
    "",
  ].join("\n");
}

bench
  .command("payments")
  .description(
    "agreement payments end to end: an SDK client in a driver process, the hub, a simulated bank in a process of its own; then reconcile the hub with the bank",
  )
  .addOption(
    new Option("--backend <backend>", "store of the hub started for the run")
      .choices(["sqlite", "postgres"])
      .default("postgres"),
  )
  .option(
    "--database-url <url>",
    "PostgreSQL server for --backend postgres (a temporary schema is used)",
    environment.databaseUrl ?? defaultPostgresUrl,
  )
  .option("--duration <s>", "seconds of each phase: no-op, then payments", integer(1, 3600), 10)
  .option("--concurrency <n>", "payment requests in flight at once", integer(1, 10_000), 64)
  .option("--drop <share>", "share of the bank's answers lost after it applied the debit", share, 0)
  .option(
    "--agreements <n>",
    "agreements signed beforehand (one customer each) the payments are spread over",
    integer(1, 100_000),
    256,
  )
  .option(
    "--settle-timeout <s>",
    "how long to wait for the status inquiries to settle unknown payments",
    integer(1, 3600),
    120,
  )
  .option("--json", "print exactly one JSON object")
  .action(async (options) => {
    const result = await benchPayments({
      backend: options.backend,
      databaseUrl: options.databaseUrl,
      seconds: options.duration,
      concurrency: options.concurrency,
      drop: options.drop,
      agreements: options.agreements,
      settleTimeoutSeconds: options.settleTimeout,
      progress: stderr,
    });
    if (options.json === true) process.stdout.write(`${JSON.stringify(result)}\n`);
    else process.stdout.write(paymentsBenchTable(result));
    if (!result.verified || result.errors + result.noopErrors > 0) process.exitCode = 1;
  });

addBenchConsoleCommand(
  bench,
  { databaseUrl: environment.databaseUrl ?? defaultPostgresUrl },
  stderr,
);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  stderr(`clearhub: ${error.message}`);
  process.exitCode = 1;
}
