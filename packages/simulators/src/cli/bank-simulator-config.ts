import type { AccountSeed } from "../bank/bank-account.ts";
import type { SigningRules } from "../bank/signing-desk.ts";
import type { FaultOptions } from "../shared/fault-plan.ts";
import { readConfigObject } from "./cli-arguments.ts";

/** What a configuration file may say; the command line's options override it. */
export interface BankSimulatorConfig {
  readonly bankId?: string;
  readonly hubUrl?: string;
  readonly verifyHubSignatures?: boolean;
  readonly endpointPaths?: readonly string[];
  readonly publicOrigin?: string;
  readonly keyId?: string;
  readonly accounts?: readonly AccountSeed[];
  readonly faults?: Partial<FaultOptions>;
  readonly signing?: Partial<SigningRules>;
  readonly seed?: number;
}

const knownKeys = new Set([
  "bankId",
  "hubUrl",
  "verifyHubSignatures",
  "endpointPaths",
  "publicOrigin",
  "keyId",
  "accounts",
  "faults",
  "signing",
  "seed",
]);

/** Reads a JSON configuration; a key it does not know is an error, as a typo would be. */
export async function readBankSimulatorConfig(file: string): Promise<BankSimulatorConfig> {
  return (await readConfigObject(file, knownKeys)) as BankSimulatorConfig;
}
