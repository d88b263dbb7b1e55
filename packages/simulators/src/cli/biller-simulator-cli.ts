import { Command, InvalidArgumentError } from "commander";
import { startBillerSimulator } from "../biller/biller-simulator.ts";
import type { CapacityOptions } from "../biller/capacity-gate.ts";
import { type DemoBiller, demoBiller, demoBillers } from "../biller/demo-billers.ts";
import {
  type BillerSimulatorConfig,
  readBillerSimulatorConfig,
} from "./biller-simulator-config.ts";
import { givenOnly, integer, privateKeyPem } from "./cli-arguments.ts";
import { type FaultFlags, faultFlags, withFaultFlags } from "./fault-flags.ts";

interface CliOptions extends FaultFlags {
  config?: string;
  billerId?: string;
  host: string;
  port: number;
  hubUrl?: string;
  trustHub?: boolean;
  publicOrigin?: string;
  keyId?: string;
  keyFile?: string;
  declaredPerSecond?: number;
  failingPerSecond?: number;
  slowdownPerExcessMs?: number;
  overloadFailure?: CapacityOptions["overloadFailure"];
  seed?: number;
  log?: boolean;
}

function overloadFailure(text: string): CapacityOptions["overloadFailure"] {
  if (text !== "busy" && text !== "drop") throw new InvalidArgumentError("expected busy or drop");
  return text;
}

/** The capacity the command line sets over the configuration's, over the demo biller's. */
function capacityFrom(
  options: CliOptions,
  config: BillerSimulatorConfig,
  demo: DemoBiller | undefined,
): Partial<CapacityOptions> {
  const declared = demo === undefined ? {} : { declaredPerSecond: demo.declaredPerSecond };
  const flags = givenOnly<number | string>({
    declaredPerSecond: options.declaredPerSecond,
    failingPerSecond: options.failingPerSecond,
    slowdownPerExcessMs: options.slowdownPerExcessMs,
    overloadFailure: options.overloadFailure,
  });
  const capacity = { ...declared, ...config.capacity, ...flags } as Partial<CapacityOptions>;
  // Twice the declared rate before failing, unless told otherwise: a system that bends first.
  if (capacity.failingPerSecond === undefined && capacity.declaredPerSecond !== undefined) {
    return { ...capacity, failingPerSecond: capacity.declaredPerSecond * 2 };
  }
  return capacity;
}

const stdout = (line: string) => process.stdout.write(`${line}\n`);

async function run(options: CliOptions): Promise<void> {
  const config: BillerSimulatorConfig =
    options.config === undefined ? {} : await readBillerSimulatorConfig(options.config);
  const billerId = options.billerId ?? config.billerId ?? "biller-water";
  const demo = demoBiller(billerId);
  const pem = await privateKeyPem(options.keyFile, "CLEARHUB_BILLER_SIGNING_KEY");
  const keyId = options.keyId ?? config.keyId ?? `${billerId}.simulator`;
  const simulator = await startBillerSimulator({
    billerId,
    host: options.host,
    port: options.port,
    hubUrl:
      options.hubUrl ?? config.hubUrl ?? process.env.CLEARHUB_HUB_URL ?? "http://127.0.0.1:8080",
    verifyHubSignatures: options.trustHub === true ? false : (config.verifyHubSignatures ?? true),
    publicOrigin: options.publicOrigin ?? config.publicOrigin,
    signingKey: pem === undefined ? undefined : { keyId, privateKey: pem },
    parameterNames: config.parameterNames ?? demo?.parameterNames,
    customers: config.customers ?? demo?.customers ?? [],
    capacity: capacityFrom(options, config, demo),
    faults: { ...config.faults, ...faultFlags(options) },
    seed: options.seed ?? config.seed,
    logger: options.log === true,
  });
  const capacity = simulator.capacity();
  stdout(`biller simulator ${simulator.billerId} listening`);
  stdout(`  endpoint     ${simulator.url}`);
  stdout(`  admin        ${simulator.origin}/admin/customers, /admin/load, /admin/postings`);
  stdout(
    `  key id       ${simulator.keyId}${pem === undefined ? " (a new key for this run)" : ""}`,
  );
  stdout(`  public key   ${simulator.publicKey}  (register it at the hub for ${billerId})`);
  stdout(
    `  capacity     ${capacity.declaredPerSecond}/s declared, failing past ${capacity.failingPerSecond}/s`,
  );
  stdout(`  customers    ${simulator.customers().length}`);
  const stop = async () => {
    await simulator.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

const program = withFaultFlags(
  new Command()
    .name("clearhub-biller-simulator")
    .description(
      "a biller implementing clearhub's biller interface over HTTP, with the hard capacity of an old billing system, for tests, demos and benchmarks",
    )
    .option(
      "--config <file>",
      "a JSON configuration: billerId, hubUrl, parameterNames, customers, capacity, faults, ...",
    )
    .option(
      "--biller-id <id>",
      `the biller's participant id at the hub; a demo biller (${demoBillers.map((b) => b.billerId).join(", ")}) brings its customers (default biller-water)`,
    )
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--port <port>", "port to listen on", integer(0, 65535), 9190)
    .option(
      "--hub-url <url>",
      "the hub: its key set and where notices go (default $CLEARHUB_HUB_URL, else http://127.0.0.1:8080)",
    )
    .option("--trust-hub", "do not verify the hub's signatures (benchmarks of the hub alone)")
    .option("--public-origin <origin>", "the origin the hub signs for, behind a proxy")
    .option("--key-id <id>", "the keyid the hub issued for the biller's key")
    .option(
      "--key-file <file>",
      "the biller's Ed25519 private key, PKCS#8 PEM (default $CLEARHUB_BILLER_SIGNING_KEY, else a new key)",
    )
    .option(
      "--declared-per-second <n>",
      "requests per second the biller declared (default: the demo biller's, else 50)",
      integer(1, 1_000_000),
    )
    .option(
      "--failing-per-second <n>",
      "from this many requests in a second on, it fails (default twice the declared rate)",
      integer(1, 1_000_000),
    )
    .option(
      "--slowdown-per-excess-ms <ms>",
      "delay added per request past the declared rate in a second",
      integer(0, 60_000),
    )
    .option(
      "--overload-failure <how>",
      "past the failing rate: busy (503) or drop",
      overloadFailure,
    ),
  "biller_busy",
)
  .option("--seed <n>", "seed of ids and faults, to repeat a run", integer(0, 2 ** 32 - 1))
  .option("--log", "log every request (JSON lines)")
  .action(run);

await program.parseAsync(process.argv);
