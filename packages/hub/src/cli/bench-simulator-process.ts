/**
 * A simulator in a process of its own, as the end-to-end benchmarks need their participants'
 * systems (a biller, a wallet): the simulators package's command, started exactly as an
 * operator would start it, with a configuration file and a signing key in its environment. Its
 * own process keeps its CPU time out of the hub's.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { processCpuMs } from "./bench-process-cpu.ts";

export interface SimulatorProcessSpec {
  /** The command's script in the simulators package's `bin`: `clearhub-wallet-simulator.mjs`. */
  readonly command: string;
  /** The participant it plays, for file names and errors. */
  readonly participantId: string;
  /** The JSON configuration file's content. */
  readonly config: object;
  /** The environment variable the command reads its Ed25519 private key (PKCS#8 PEM) from. */
  readonly keyVariable: string;
  readonly privateKeyPem: string;
}

export interface SimulatorProcess {
  /** The endpoint URL to register at the hub for the participant. */
  readonly url: string;
  /** The origin of the simulator's admin routes. */
  readonly origin: string;
  /** GET of the admin routes' JSON at a path under the origin, e.g. `/admin/postings`. */
  admin<T>(path: string, init?: RequestInit): Promise<T>;
  /** The simulator process's CPU time so far, in milliseconds; null where it cannot be read. */
  cpuMs(): Promise<number | null>;
  stop(): Promise<void>;
}

const startTimeoutMs = 30_000;

/** The simulator command's script, found through the package that ships it. */
function simulatorBin(command: string): string {
  const require = createRequire(import.meta.url);
  // The package exports its sources' index (src/index.ts); the commands sit beside src.
  const index = require.resolve("@clearhub/simulators");
  return join(dirname(index), "..", "bin", command);
}

/** Resolves with the lines the simulator prints once it listens, or rejects with what it said. */
function awaitListening(child: ChildProcess, name: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => fail(`did not start in ${startTimeoutMs} ms`), startTimeoutMs);
    function fail(reason: string): void {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${name} ${reason}: ${output.trim().slice(-2_000)}`));
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
      // "customers" is the last line every simulator prints: everything before it is there.
      if (fields.has("customers")) {
        clearTimeout(timer);
        resolve(fields);
      }
    });
    child.once("exit", (code) => fail(`exited with ${code}`));
  });
}

/** JSON from the simulator's admin routes; a status other than 2xx throws. */
export async function adminJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${url}: HTTP ${response.status}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Starts the simulator command in its own process; resolves once it listens. */
export async function startSimulatorProcess(spec: SimulatorProcessSpec): Promise<SimulatorProcess> {
  const name = `${spec.command} ${spec.participantId}`;
  const directory = await mkdtemp(join(tmpdir(), `clearhub-bench-${spec.participantId}-`));
  const configFile = join(directory, "simulator.json");
  await writeFile(configFile, JSON.stringify(spec.config));
  const bin = simulatorBin(spec.command);
  const child = spawn(process.execPath, [bin, "--config", configFile, "--port", "0"], {
    env: { ...process.env, [spec.keyVariable]: spec.privateKeyPem },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const fields = await awaitListening(child, name).catch(async (error: unknown) => {
    await rm(directory, { recursive: true, force: true });
    throw error;
  });
  const url = fields.get("endpoint");
  const admin = fields.get("admin");
  if (url === undefined || admin === undefined) {
    child.kill("SIGKILL");
    await rm(directory, { recursive: true, force: true });
    throw new Error(`${name} did not print its endpoint`);
  }
  const origin = new URL(admin).origin;
  child.removeAllListeners("exit");
  return {
    url,
    origin,
    admin: <T>(path: string, init?: RequestInit) => adminJson<T>(`${origin}${path}`, init),
    cpuMs: () => processCpuMs(child.pid),
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      await rm(directory, { recursive: true, force: true });
    },
  };
}
