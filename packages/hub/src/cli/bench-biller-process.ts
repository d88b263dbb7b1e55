/**
 * A simulated biller in a process of its own, as the benchmarks that post to billers need it:
 * the simulators package's `clearhub-biller-simulator` command (bench-simulator-process.ts). Its
 * load meter (`/admin/load`) is the biller's own proof of how hard the hub pushed it.
 */
import type { CustomerSeed, LoadView } from "@clearhub/simulators";
import { type SimulatorProcess, startSimulatorProcess } from "./bench-simulator-process.ts";

export interface BillerProcessConfig {
  readonly billerId: string;
  /** The hub: its key set, which the biller verifies every request against, and where notices go. */
  readonly hubUrl: string;
  readonly keyId: string;
  /** The biller's Ed25519 private key, PKCS#8 PEM, registered at the hub as the biller's key. */
  readonly privateKeyPem: string;
  readonly parameterNames: readonly string[];
  readonly customers: readonly CustomerSeed[];
  /** The rate the biller declares; past twice this it fails, as an old billing system does. */
  readonly declaredPerSecond: number;
  readonly failingPerSecond?: number | undefined;
  /** Share of postings applied whose connection is then destroyed without an answer. */
  readonly dropRate?: number | undefined;
  readonly seed?: number | undefined;
}

export interface BillerProcess extends SimulatorProcess {
  readonly billerId: string;
  /** What the biller measured: the peak requests in one second, and each second's count. */
  load(): Promise<LoadView>;
  /** Forgets the load measured so far, so a run's peak is its own. */
  resetLoad(): Promise<void>;
}

/** Starts the biller simulator command in its own process; resolves once it listens. */
export async function startBillerProcess(config: BillerProcessConfig): Promise<BillerProcess> {
  const simulator = await startSimulatorProcess({
    command: "clearhub-biller-simulator.mjs",
    participantId: config.billerId,
    keyVariable: "CLEARHUB_BILLER_SIGNING_KEY",
    privateKeyPem: config.privateKeyPem,
    config: {
      billerId: config.billerId,
      hubUrl: config.hubUrl,
      keyId: config.keyId,
      parameterNames: config.parameterNames,
      customers: config.customers,
      capacity: {
        declaredPerSecond: config.declaredPerSecond,
        failingPerSecond: config.failingPerSecond ?? config.declaredPerSecond * 2,
      },
      faults: { dropRate: config.dropRate ?? 0 },
      ...(config.seed === undefined ? {} : { seed: config.seed }),
    },
  });
  return {
    ...simulator,
    billerId: config.billerId,
    load: () => simulator.admin<LoadView>("/admin/load"),
    resetLoad: () => simulator.admin<void>("/admin/load", { method: "DELETE" }),
  };
}
