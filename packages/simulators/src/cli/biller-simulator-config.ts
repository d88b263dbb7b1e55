import type { CustomerSeed } from "../biller/biller-customer.ts";
import type { CapacityOptions } from "../biller/capacity-gate.ts";
import type { FaultOptions } from "../shared/fault-plan.ts";
import { readConfigObject } from "./cli-arguments.ts";

/** What a biller simulator's configuration file may say; the command line overrides it. */
export interface BillerSimulatorConfig {
  readonly billerId?: string;
  readonly hubUrl?: string;
  readonly verifyHubSignatures?: boolean;
  readonly publicOrigin?: string;
  readonly keyId?: string;
  readonly parameterNames?: readonly string[];
  readonly customers?: readonly CustomerSeed[];
  readonly capacity?: Partial<CapacityOptions>;
  readonly faults?: Partial<FaultOptions>;
  readonly seed?: number;
}

const knownKeys = new Set([
  "billerId",
  "hubUrl",
  "verifyHubSignatures",
  "publicOrigin",
  "keyId",
  "parameterNames",
  "customers",
  "capacity",
  "faults",
  "seed",
]);

export async function readBillerSimulatorConfig(file: string): Promise<BillerSimulatorConfig> {
  return (await readConfigObject(file, knownKeys)) as BillerSimulatorConfig;
}
