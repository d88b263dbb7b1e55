/**
 * A benchmark's child process (a load driver, a simulated bank), spoken to over Node's IPC
 * channel one request at a time. Each runs in a process of its own so the bench process does
 * only the hub's work and its CPU time is the hub's cost.
 */
import { type ChildProcess, fork } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** How long a child may take to exit once told to, before it is killed. */
const exitWaitMs = 5000;

/** Answers `failed` (with a message) when it cannot do what it was asked. */
export class BenchChild<Out extends { type: string }, In extends { type: string }> {
  private readonly child: ChildProcess;
  private waiting: ((message: In | { type: "failed"; message: string }) => void) | undefined;
  private failure: Error | undefined;
  private readonly exited: Promise<void>;

  constructor(
    file: string,
    private readonly name: string,
  ) {
    this.child = fork(file, [], {
      // Node's own flags carry over (--cpu-prof profiles every process).
      execArgv: [...process.execArgv, "--import", tsxLoader],
      // Standard output is ours, kept for --json.
      stdio: ["ignore", 2, 2, "ipc"],
    });
    this.child.on("message", (message: In) => this.waiting?.(message));
    this.exited = new Promise((resolve) => {
      this.child.on("exit", (code, signal) => {
        this.failure ??= new Error(`the ${name} exited (${signal ?? code})`);
        this.waiting?.({ type: "failed", message: this.failure.message });
        resolve();
      });
    });
  }

  ask<T extends In["type"]>(message: Out, until: T): Promise<Extract<In, { type: T }>> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = (answer) => {
        if (answer.type === "failed" && "message" in answer) {
          reject(new Error(`${this.name}: ${answer.message}`));
        } else if (answer.type === until) {
          resolve(answer as Extract<In, { type: T }>);
        } else return;
        this.waiting = undefined;
      };
      this.child.send(message);
    });
  }

  async close(exit: Out): Promise<void> {
    if (this.child.connected) this.child.send(exit);
    const timer = setTimeout(() => this.child.kill(), exitWaitMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/**
 * The child's side: hands each message to `handle` and answers `failed` with what it threw.
 * Refuses to run outside a benchmark, where there is no parent to speak to.
 */
export function serveParent<In>(name: string, handle: (message: In) => Promise<void>): void {
  if (process.send === undefined) {
    process.stderr.write(`${name} runs as a child of a \`clearhub bench\` command\n`);
    process.exit(2);
  }
  process.on("message", (message: In) => {
    handle(message).catch((error: unknown) => {
      process.send?.({
        type: "failed",
        message: error instanceof Error ? error.message : String(error),
      });
    });
  });
}
