/**
 * A simulated biller in a process of its own, as the benchmarks that post to billers need it:
 * the simulators package's `clearhub-biller-simulator` command, started exactly as an operator
 * would start it, with a configuration file and a signing key in its environment. Its own
 * process keeps its CPU time out of the hub's, and its load meter (`/admin/load`) is the
 * biller's own proof of how hard the hub pushed it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { CustomerSeed, LoadView } from "@clearhub/simulators";
import { processCpuMs } from "./bench-process-cpu.ts";

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

export interface BillerProcess {
  readonly billerId: string;
  /** The endpoint URL to register at the hub for the biller. */
  readonly url: string;
  /** The origin of the simulator's admin routes. */
  readonly origin: string;
  /** What the biller measured: the peak requests in one second, and each second's count. */
  load(): Promise<LoadView>;
  /** Forgets the load measured so far, so a run's peak is its own. */
  resetLoad(): Promise<void>;
  /** The admin routes' JSON at a path under the origin, e.g. `/admin/postings`. */
  admin<T>(path: string): Promise<T>;
  /** The simulator process's CPU time so far, in milliseconds; null where it cannot be read. */
  cpuMs(): Promise<number | null>;
  stop(): Promise<void>;
}

const startTimeoutMs = 30_000;

/** The simulator command's script, found through the package that ships it. */
function simulatorBin(): string {
  const require = createRequire(import.meta.url);
  // The package exports its sources' index (src/index.ts); the command sits beside src.
  const index = require.resolve("@clearhub/simulators");
  return join(dirname(index), "..", "bin", "clearhub-biller-simulator.mjs");
}

/** Resolves with the lines the simulator prints once it listens, or rejects with what it said. */
function awaitListening(child: ChildProcess, billerId: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => fail(`did not start in ${startTimeoutMs} ms`), startTimeoutMs);
    function fail(reason: string): void {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`biller simulator ${billerId} ${reason}: ${output.trim().slice(-2_000)}`));
    }
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const fields = new Map<string, string>();
      for (const line of output.split("\n")) {
        const match = /^ {2}(\w[\w ]*?) {2,}(\S+)/.exec(line);
        if (match?.[1] !== undefined && match[2] !== undefined) fields.set(match[1], match[2]);
      }
      // "customers" is the last line printed: everything before it is there.
      if (fields.has("customers")) {
        clearTimeout(timer);
        resolve(fields);
      }
    });
    child.once("exit", (code) => fail(`exited with ${code}`));
  });
}

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${url}: HTTP ${response.status}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Starts the biller simulator command in its own process; resolves once it listens. */
export async function startBillerProcess(config: BillerProcessConfig): Promise<BillerProcess> {
  const directory = await mkdtemp(join(tmpdir(), `clearhub-bench-${config.billerId}-`));
  const configFile = join(directory, "biller.json");
  await writeFile(
    configFile,
    JSON.stringify({
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
    }),
  );
  const child = spawn(process.execPath, [simulatorBin(), "--config", configFile, "--port", "0"], {
    env: { ...process.env, CLEARHUB_BILLER_SIGNING_KEY: config.privateKeyPem },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const fields = await awaitListening(child, config.billerId).catch(async (error: unknown) => {
    await rm(directory, { recursive: true, force: true });
    throw error;
  });
  const url = fields.get("endpoint");
  const admin = fields.get("admin");
  if (url === undefined || admin === undefined) {
    child.kill("SIGKILL");
    throw new Error(`biller simulator ${config.billerId} did not print its endpoint`);
  }
  const origin = new URL(admin).origin;
  child.removeAllListeners("exit");
  return {
    billerId: config.billerId,
    url,
    origin,
    load: () => getJson<LoadView>(`${origin}/admin/load`),
    resetLoad: () => getJson<void>(`${origin}/admin/load`, { method: "DELETE" }),
    admin: <T>(path: string) => getJson<T>(`${origin}${path}`),
    cpuMs: () => processCpuMs(child.pid),
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      await rm(directory, { recursive: true, force: true });
    },
  };
}
