import { Command, InvalidArgumentError } from "commander";
import { demoWallet, demoWallets } from "../wallet/demo-wallets.ts";
import { startWalletSimulator } from "../wallet/wallet-simulator.ts";
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
import {
  readWalletSimulatorConfig,
  type WalletSimulatorConfig,
} from "./wallet-simulator-config.ts";

interface CliOptions extends CommonCliOptions {
  walletId?: string;
  codePrefix?: string;
  cardPrefix?: string;
  codeLifetimeMs?: number;
}

const participant: SimulatedParticipant = {
  noun: "issuer",
  portDefault: 9290,
  keyEnvironmentVariable: "CLEARHUB_WALLET_SIGNING_KEY",
};

function prefix(text: string): string {
  if (!/^[0-9]{1,12}$/.test(text)) throw new InvalidArgumentError("expected 1 to 12 digits");
  return text;
}

async function run(options: CliOptions): Promise<void> {
  const config: WalletSimulatorConfig =
    options.config === undefined ? {} : await readWalletSimulatorConfig(options.config);
  const walletId = options.walletId ?? config.walletId ?? "wallet-alpha";
  const demo = demoWallet(walletId);
  const common = await commonStartOptions(options, config, walletId, participant);
  const simulator = await startWalletSimulator({
    ...common.options,
    walletId,
    codePrefix: options.codePrefix ?? config.codePrefix ?? demo?.codePrefix,
    cardPrefix: options.cardPrefix ?? config.cardPrefix ?? demo?.cardPrefix,
    codeLifetimeMs: options.codeLifetimeMs ?? config.codeLifetimeMs,
    customers: config.customers ?? demo?.customers ?? [],
    cards: config.cards ?? demo?.cards ?? [],
  });
  stdout(`wallet simulator ${simulator.walletId} listening`);
  stdout(`  endpoint     ${simulator.url}`);
  stdout(
    `  admin        ${simulator.origin}/admin/customers, /admin/customers/{id}/codes, /admin/payments, /admin/stats`,
  );
  for (const line of keyLines(simulator, common.keyGiven, walletId)) stdout(line);
  stdout(`  prefixes     codes ${simulator.codePrefix}, cards ${simulator.cardPrefix}`);
  stdout(`  customers    ${simulator.customers().length}, cards ${simulator.cards().length}`);
  closeOnSignals(simulator);
}

const named = new Command()
  .name("clearhub-wallet-simulator")
  .description(
    "a wallet and prepaid card issuer implementing clearhub's wallet interface over HTTP: customers, one-time payment codes, prepaid cards, for tests, demos and benchmarks",
  )
  .option(
    "--config <file>",
    "a JSON configuration: walletId, hubUrl, codePrefix, cardPrefix, customers, cards, faults, ...",
  )
  .option(
    "--wallet-id <id>",
    `the issuer's participant id at the hub; a demo wallet (${demoWallets.map((w) => w.walletId).join(", ")}) brings its prefixes, customers and cards (default wallet-alpha)`,
  )
  .option("--code-prefix <digits>", "the prefix of its payment codes", prefix)
  .option("--card-prefix <digits>", "the prefix of its prepaid card numbers", prefix)
  .option(
    "--code-lifetime-ms <ms>",
    "how long a payment code pays (default 60000)",
    integer(1, 86_400_000),
  );

const program = withFaultFlags(
  withKeyFlags(withListenFlags(named, participant), participant),
  "wallet_busy",
)
  .option("--seed <n>", "seed of codes, ids and faults, to repeat a run", integer(0, 2 ** 32 - 1))
  .option("--log", "log every request (JSON lines)")
  .action(run);

await program.parseAsync(process.argv);
