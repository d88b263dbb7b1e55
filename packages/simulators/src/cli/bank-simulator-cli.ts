import { Command } from "commander";
import { startBankSimulator } from "../bank/bank-simulator.ts";
import { demoAccounts } from "../bank/demo-accounts.ts";
import { type BankSimulatorConfig, readBankSimulatorConfig } from "./bank-simulator-config.ts";
import { integer, privateKeyPem } from "./cli-arguments.ts";
import { type FaultFlags, faultFlags, withFaultFlags } from "./fault-flags.ts";

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface CliOptions extends FaultFlags {
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
  seed?: number;
  log?: boolean;
}

const stdout = (line: string) => process.stdout.write(`${line}\n`);

async function run(options: CliOptions): Promise<void> {
  const config: BankSimulatorConfig =
    options.config === undefined ? {} : await readBankSimulatorConfig(options.config);
  const bankId = options.bankId ?? config.bankId ?? "bank-east";
  const pem = await privateKeyPem(options.keyFile, "CLEARHUB_BANK_SIGNING_KEY");
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

const program = withFaultFlags(
  new Command()
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
    ),
  "bank_busy",
)
  .option(
    "--seed <n>",
    "seed of passwords, ids and faults, to repeat a run",
    integer(0, 2 ** 32 - 1),
  )
  .option("--log", "log every request (JSON lines)")
  .action(run);

await program.parseAsync(process.argv);
