import type { Command } from "commander";
import type { FaultOptions } from "../shared/fault-plan.ts";
import type { ListeningSimulator, SimulatorCommonOptions } from "../shared/simulator-start.ts";
import { integer, privateKeyPem } from "./cli-arguments.ts";
import { type FaultFlags, faultFlags } from "./fault-flags.ts";

/**
 * What the simulators' command lines share: the flags for where to listen, the hub and the key,
 * the configuration keys behind them, how they become start options, and the lines printed
 * about the key. Each command line adds its own participant's flags and configuration.
 */

/** The flags every simulator's command line takes. */
export interface CommonCliOptions extends FaultFlags {
  config?: string;
  host: string;
  port: number;
  hubUrl?: string;
  trustHub?: boolean;
  publicOrigin?: string;
  keyId?: string;
  keyFile?: string;
  seed?: number;
  log?: boolean;
}

/** What every simulator's configuration file may say; the command line overrides it. */
export interface CommonSimulatorConfig {
  readonly hubUrl?: string;
  readonly verifyHubSignatures?: boolean;
  readonly publicOrigin?: string;
  readonly keyId?: string;
  readonly faults?: Partial<FaultOptions>;
  readonly seed?: number;
}

export const commonConfigKeys: readonly (keyof CommonSimulatorConfig)[] = [
  "hubUrl",
  "verifyHubSignatures",
  "publicOrigin",
  "keyId",
  "faults",
  "seed",
];

/** The participant a command line simulates, as its flags and messages name it. */
export interface SimulatedParticipant {
  /** "bank", "biller". */
  readonly noun: string;
  readonly portDefault: number;
  /** The environment variable that may hold the private key's PEM. */
  readonly keyEnvironmentVariable: string;
}

/** Adds the flags of where to listen and of the hub. */
export function withListenFlags(program: Command, participant: SimulatedParticipant): Command {
  return program
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--port <port>", "port to listen on", integer(0, 65535), participant.portDefault)
    .option(
      "--hub-url <url>",
      "the hub: its key set and where notices go (default $CLEARHUB_HUB_URL, else http://127.0.0.1:8080)",
    )
    .option("--trust-hub", "do not verify the hub's signatures (benchmarks of the hub alone)");
}

/** Adds the flags of the origin the hub signs for and of the simulator's own key. */
export function withKeyFlags(program: Command, participant: SimulatedParticipant): Command {
  const { noun, keyEnvironmentVariable } = participant;
  return program
    .option("--public-origin <origin>", "the origin the hub signs for, behind a proxy")
    .option("--key-id <id>", `the keyid the hub issued for the ${noun}'s key`)
    .option(
      "--key-file <file>",
      `the ${noun}'s Ed25519 private key, PKCS#8 PEM (default $${keyEnvironmentVariable}, else a new key)`,
    );
}

/** The common start options, the command line's over the configuration's over the defaults. */
export interface CommonStart {
  readonly options: SimulatorCommonOptions;
  /** Whether a key was given; else the simulator makes a new one for this run. */
  readonly keyGiven: boolean;
}

export async function commonStartOptions(
  options: CommonCliOptions,
  config: CommonSimulatorConfig,
  participantId: string,
  participant: SimulatedParticipant,
): Promise<CommonStart> {
  const pem = await privateKeyPem(options.keyFile, participant.keyEnvironmentVariable);
  const keyId = options.keyId ?? config.keyId ?? `${participantId}.simulator`;
  return {
    keyGiven: pem !== undefined,
    options: {
      host: options.host,
      port: options.port,
      hubUrl:
        options.hubUrl ?? config.hubUrl ?? process.env.CLEARHUB_HUB_URL ?? "http://127.0.0.1:8080",
      verifyHubSignatures: options.trustHub === true ? false : (config.verifyHubSignatures ?? true),
      publicOrigin: options.publicOrigin ?? config.publicOrigin,
      signingKey: pem === undefined ? undefined : { keyId, privateKey: pem },
      faults: { ...config.faults, ...faultFlags(options) },
      seed: options.seed ?? config.seed,
      logger: options.log === true,
    },
  };
}

/** The lines about the key, for the hub operator to register it. */
export function keyLines(
  simulator: ListeningSimulator,
  keyGiven: boolean,
  participantId: string,
): string[] {
  return [
    `  key id       ${simulator.keyId}${keyGiven ? "" : " (a new key for this run)"}`,
    `  public key   ${simulator.publicKey}  (register it at the hub for ${participantId})`,
  ];
}

/** Closes the simulator and exits on SIGINT or SIGTERM. */
export function closeOnSignals(simulator: ListeningSimulator): void {
  const stop = async () => {
    await simulator.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

export const stdout = (line: string) => process.stdout.write(`${line}\n`);
