import type { AccountSeed } from "../bank/bank-account.ts";
import type { SigningRules } from "../bank/signing-desk.ts";
import { readConfigObject } from "./cli-arguments.ts";
import { type CommonSimulatorConfig, commonConfigKeys } from "./simulator-command.ts";

/** What a configuration file may say; the command line's options override it. */
export interface BankSimulatorConfig extends CommonSimulatorConfig {
  readonly bankId?: string;
  readonly endpointPaths?: readonly string[];
  readonly accounts?: readonly AccountSeed[];
  readonly signing?: Partial<SigningRules>;
}

const knownKeys = new Set([...commonConfigKeys, "bankId", "endpointPaths", "accounts", "signing"]);

/** Reads a JSON configuration; a key it does not know is an error, as a typo would be. */
export async function readBankSimulatorConfig(file: string): Promise<BankSimulatorConfig> {
  return (await readConfigObject(file, knownKeys)) as BankSimulatorConfig;
}
