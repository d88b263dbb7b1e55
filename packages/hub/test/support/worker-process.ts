import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The hub package: workers run from it, so tsx finds its tsconfig. */
const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** A test's worker process: its IPC channel, what it printed, and how it exited. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly stdout: string[];
  readonly stderr: string[];
  readonly exited: Promise<number | null>;
}

/**
 * Starts `node --import tsx <workerFile> '<config as JSON>'` with an IPC channel, collecting its
 * output. The worker answers through runWorkerProcess (worker-main.ts).
 */
export function startWorkerProcess(workerFile: string, config: unknown): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", workerFile, JSON.stringify(config)], {
    cwd: packageDir,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: { ...process.env, CI: process.env.CI ?? "" },
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => stdout.push(chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => stderr.push(chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code));
  });
  return { child, stdout, stderr, exited };
}
