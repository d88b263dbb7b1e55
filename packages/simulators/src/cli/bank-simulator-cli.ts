import { readFile } from "node:fs/promises";
import { Command, InvalidArgumentError } from "commander";
import { startBankSimulator } from "../bank/bank-simulator.ts";
import { demoAccounts } from "../bank/demo-accounts.ts";
import type { FaultOptions } from "../shared/fault-plan.ts";
import { type BankSimulatorConfig, readBankSimulatorConfig } from "./bank-simulator-config.ts";

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

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface CliOptions {
  config?: string;
  bankId?: string;
  host: string;
  port: number;
  hubUrl?: string;
  trustHub?: boolean;
  endpointPath?: string[];
  publicOrigin?: string;
  keyId?: string;
  keyFile?: string;
  latencyMs?: number;
  latencyJitterMs?: number;
  decline?: number;
  pending?: number;
  pendingDelayMs?: number;
  timeout?: number;
  timeoutDelayMs?: number;
  drop?: number;
  capacity?: number;
  seed?: number;
  log?: boolean;
}

/** The fault options the command line sets, leaving the others to the configuration. */
function faultFlags(options: CliOptions): Partial<FaultOptions> {
  const flags: Record<string, number | undefined> = {
    latencyMs: options.latencyMs,
    latencyJitterMs: options.latencyJitterMs,
    declineRate: options.decline,
    pendingRate: options.pending,
    pendingDelayMs: options.pendingDelayMs,
    timeoutRate: options.timeout,
    timeoutDelayMs: options.timeoutDelayMs,
    dropRate: options.drop,
    capacityMax: options.capacity,
  };
  return Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
}

/** The bank's private key: a PEM file, else CLEARHUB_BANK_SIGNING_KEY, else a new one. */
async function privateKeyPem(options: CliOptions): Promise<string | undefined> {
  if (options.keyFile !== undefined) return readFile(options.keyFile, "utf8");
  const fromEnvironment = process.env.CLEARHUB_BANK_SIGNING_KEY;
  return fromEnvironment === undefined || fromEnvironment === "" ? undefined : fromEnvironment;
}

const stdout = (line: string) => process.stdout.write(`${line}\n`);

async function run(options: CliOptions): Promise<void> {
  const config: BankSimulatorConfig =
    options.config === undefined ? {} : await readBankSimulatorConfig(options.config);
  const bankId = options.bankId ?? config.bankId ?? "bank-east";
  const pem = await privateKeyPem(options);
  const keyId = options.keyId ?? config.keyId ?? `${bankId}.simulator`;
  const simulator = await startBankSimulator({
    bankId,
    host: options.host,
    port: options.port,
    hubUrl:
      options.hubUrl ?? config.hubUrl ?? process.env.CLEARHUB_HUB_URL ?? "http://127.0.0.1:8080",
    verifyHubSignatures: options.trustHub === true ? false : (config.verifyHubSignatures ?? true),
    endpointPaths: options.endpointPath ?? config.endpointPaths,
    publicOrigin: options.publicOrigin ?? config.publicOrigin,
    signingKey: pem === undefined ? undefined : { keyId, privateKey: pem },
    accounts: config.accounts ?? demoAccounts,
    faults: { ...config.faults, ...faultFlags(options) },
    signing: config.signing,
    seed: options.seed ?? config.seed,
    logger: options.log === true,
  });
  stdout(`bank simulator ${simulator.bankId} listening`);
  for (const url of Object.values(simulator.urls)) stdout(`  endpoint     ${url}`);
  stdout(`  admin        ${simulator.origin}/admin/accounts, /admin/ledger, /inbox/{mobile}`);
  stdout(
    `  key id       ${simulator.keyId}${pem === undefined ? " (a new key for this run)" : ""}`,
  );
  stdout(`  public key   ${simulator.publicKey}  (register it at the hub for ${simulator.bankId})`);
  stdout(`  accounts     ${simulator.balances().length}`);
  const stop = async () => {
    await simulator.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

const program = new Command()
  .name("clearhub-bank-simulator")
  .description(
    "a bank implementing clearhub's bank interface over HTTP, for tests, demos and benchmarks",
  )
  .option(
    "--config <file>",
    "a JSON configuration: bankId, hubUrl, accounts, faults, endpointPaths, ...",
  )
  .option("--bank-id <id>", "the bank's participant id at the hub (default bank-east)")
  .option("--host <host>", "address to listen on", "127.0.0.1")
  .option("--port <port>", "port to listen on", integer(0, 65535), 9090)
  .option(
    "--hub-url <url>",
    "the hub: its key set and where notices go (default $CLEARHUB_HUB_URL, else http://127.0.0.1:8080)",
  )
  .option("--trust-hub", "do not verify the hub's signatures (benchmarks of the hub alone)")
  .option(
    "--endpoint-path <path>",
    "serve the interface under this path too; repeatable (default: the root)",
    collect,
  )
  .option("--public-origin <origin>", "the origin the hub signs for, behind a proxy")
  .option("--key-id <id>", "the keyid the hub issued for the bank's key")
  .option(
    "--key-file <file>",
    "the bank's Ed25519 private key, PKCS#8 PEM (default $CLEARHUB_BANK_SIGNING_KEY, else a new key)",
  )
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
    "calls under way at once; beyond it 503 bank_busy",
    integer(1, 10_000_000),
  )
  .option(
    "--seed <n>",
    "seed of passwords, ids and faults, to repeat a run",
    integer(0, 2 ** 32 - 1),
  )
  .option("--log", "log every request (JSON lines)")
  .action(run);

await program.parseAsync(process.argv);
