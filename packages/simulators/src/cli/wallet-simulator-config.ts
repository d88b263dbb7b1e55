import type { PrepaidCardSeed, WalletCustomerSeed } from "../wallet/wallet-customer.ts";
import { readConfigObject } from "./cli-arguments.ts";
import { type CommonSimulatorConfig, commonConfigKeys } from "./simulator-command.ts";

/** What a wallet simulator's configuration file may say; the command line overrides it. */
export interface WalletSimulatorConfig extends CommonSimulatorConfig {
  readonly walletId?: string;
  readonly codePrefix?: string;
  readonly cardPrefix?: string;
  readonly codeLifetimeMs?: number;
  readonly customers?: readonly WalletCustomerSeed[];
  readonly cards?: readonly PrepaidCardSeed[];
}

const knownKeys = new Set([
  ...commonConfigKeys,
  "walletId",
  "codePrefix",
  "cardPrefix",
  "codeLifetimeMs",
  "customers",
  "cards",
]);

/** Reads a JSON configuration; a key it does not know is an error, as a typo would be. */
export async function readWalletSimulatorConfig(file: string): Promise<WalletSimulatorConfig> {
  return (await readConfigObject(file, knownKeys)) as WalletSimulatorConfig;
}
