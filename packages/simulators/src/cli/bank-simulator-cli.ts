import { Command } from "commander";
import { startBankSimulator } from "../bank/bank-simulator.ts";
import { demoAccounts } from "../bank/demo-accounts.ts";
import { type BankSimulatorConfig, readBankSimulatorConfig } from "./bank-simulator-config.ts";
import { integer } from "./cli-arguments.ts";
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

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface CliOptions extends CommonCliOptions {
  bankId?: string;
  endpointPath?: string[];
}

const participant: SimulatedParticipant = {
  noun: "bank",
  portDefault: 9090,
  keyEnvironmentVariable: "CLEARHUB_BANK_SIGNING_KEY",
};

async function run(options: CliOptions): Promise<void> {
  const config: BankSimulatorConfig =
    options.config === undefined ? {} : await readBankSimulatorConfig(options.config);
  const bankId = options.bankId ?? config.bankId ?? "bank-east";
  const common = await commonStartOptions(options, config, bankId, participant);
  const simulator = await startBankSimulator({
    ...common.options,
    bankId,
    endpointPaths: options.endpointPath ?? config.endpointPaths,
    accounts: config.accounts ?? demoAccounts,
    signing: config.signing,
  });
  stdout(`bank simulator ${simulator.bankId} listening`);
  for (const url of Object.values(simulator.urls)) stdout(`  endpoint     ${url}`);
  stdout(`  admin        ${simulator.origin}/admin/accounts, /admin/ledger, /inbox/{mobile}`);
  for (const line of keyLines(simulator, common.keyGiven, simulator.bankId)) stdout(line);
  stdout(`  accounts     ${simulator.balances().length}`);
  closeOnSignals(simulator);
}

const listening = withListenFlags(
  new Command()
    .name("clearhub-bank-simulator")
    .description(
      "a bank implementing clearhub's bank interface over HTTP, for tests, demos and benchmarks",
    )
    .option(
      "--config <file>",
      "a JSON configuration: bankId, hubUrl, accounts, faults, endpointPaths, ...",
    )
    .option("--bank-id <id>", "the bank's participant id at the hub (default bank-east)"),
  participant,
).option(
  "--endpoint-path <path>",
  "serve the interface under this path too; repeatable (default: the root)",
  collect,
);

const program = withFaultFlags(withKeyFlags(listening, participant), "bank_busy")
  .option(
    "--seed <n>",
    "seed of passwords, ids and faults, to repeat a run",
    integer(0, 2 ** 32 - 1),
  )
  .option("--log", "log every request (JSON lines)")
  .action(run);

await program.parseAsync(process.argv);
