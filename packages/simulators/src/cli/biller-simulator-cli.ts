import { Command, InvalidArgumentError } from "commander";
import { startBillerSimulator } from "../biller/biller-simulator.ts";
import type { CapacityOptions } from "../biller/capacity-gate.ts";
import { type DemoBiller, demoBiller, demoBillers } from "../biller/demo-billers.ts";
import {
  type BillerSimulatorConfig,
  readBillerSimulatorConfig,
} from "./biller-simulator-config.ts";
import { givenOnly, integer } from "./cli-arguments.ts";
import { withFaultFlags } from "./fault-flags.ts";
import {
  type CommonCliOptions,
  closeOnSignals,
  commonStartOptions,
  keyLines,
  type SimulatedParticipant,
  stdout,
  withKeyFlags,
  withListenFlags,
} from "./simulator-command.ts";

interface CliOptions extends CommonCliOptions {
  billerId?: string;
  declaredPerSecond?: number;
  failingPerSecond?: number;
  slowdownPerExcessMs?: number;
  overloadFailure?: CapacityOptions["overloadFailure"];
}

const participant: SimulatedParticipant = {
  noun: "biller",
  portDefault: 9190,
  keyEnvironmentVariable: "CLEARHUB_BILLER_SIGNING_KEY",
};

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

async function run(options: CliOptions): Promise<void> {
  const config: BillerSimulatorConfig =
    options.config === undefined ? {} : await readBillerSimulatorConfig(options.config);
  const billerId = options.billerId ?? config.billerId ?? "biller-water";
  const demo = demoBiller(billerId);
  const common = await commonStartOptions(options, config, billerId, participant);
  const simulator = await startBillerSimulator({
    ...common.options,
    billerId,
    parameterNames: config.parameterNames ?? demo?.parameterNames,
    customers: config.customers ?? demo?.customers ?? [],
    capacity: capacityFrom(options, config, demo),
  });
  const capacity = simulator.capacity();
  stdout(`biller simulator ${simulator.billerId} listening`);
  stdout(`  endpoint     ${simulator.url}`);
  stdout(`  admin        ${simulator.origin}/admin/customers, /admin/load, /admin/postings`);
  for (const line of keyLines(simulator, common.keyGiven, billerId)) stdout(line);
  stdout(
    `  capacity     ${capacity.declaredPerSecond}/s declared, failing past ${capacity.failingPerSecond}/s`,
  );
  stdout(`  customers    ${simulator.customers().length}`);
  closeOnSignals(simulator);
}

const named = new Command()
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
  );

const withCapacity = withKeyFlags(withListenFlags(named, participant), participant)
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
  .option("--overload-failure <how>", "past the failing rate: busy (503) or drop", overloadFailure);

const program = withFaultFlags(withCapacity, "biller_busy")
  .option("--seed <n>", "seed of ids and faults, to repeat a run", integer(0, 2 ** 32 - 1))
  .option("--log", "log every request (JSON lines)")
  .action(run);

await program.parseAsync(process.argv);
