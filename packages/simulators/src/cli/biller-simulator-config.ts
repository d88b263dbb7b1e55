import type { CustomerSeed } from "../biller/biller-customer.ts";
import type { CapacityOptions } from "../biller/capacity-gate.ts";
import { readConfigObject } from "./cli-arguments.ts";
import { type CommonSimulatorConfig, commonConfigKeys } from "./simulator-command.ts";

/** What a biller simulator's configuration file may say; the command line overrides it. */
export interface BillerSimulatorConfig extends CommonSimulatorConfig {
  readonly billerId?: string;
  readonly parameterNames?: readonly string[];
  readonly customers?: readonly CustomerSeed[];
  readonly capacity?: Partial<CapacityOptions>;
}

const knownKeys = new Set([
  ...commonConfigKeys,
  "billerId",
  "parameterNames",
  "customers",
  "capacity",
]);

/** Reads a JSON configuration; a key it does not know is an error, as a typo would be. */
export async function readBillerSimulatorConfig(file: string): Promise<BillerSimulatorConfig> {
  return (await readConfigObject(file, knownKeys)) as BillerSimulatorConfig;
}
