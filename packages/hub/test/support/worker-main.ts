/**
 * The worker side of startWorkerProcess (worker-process.ts): a worker's config comes as JSON in
 * its first argument, its messages go to the parent over IPC, and its result is its last line.
 */

/** Sends a message to the parent test over the IPC channel. */
export function sendToParent(message: { readonly type: string }): void {
  if (process.send === undefined) throw new Error("the worker needs an IPC channel");
  process.send(message);
}

/**
 * Runs the worker with its config, prints the result as one JSON line on stdout and exits 0;
 * a failure goes to stderr with exit code 1. The stdout write is awaited so a large result is
 * not cut off when the process exits.
 */
export async function runWorkerProcess<C extends { readonly worker: number }>(
  run: (config: C) => Promise<unknown>,
): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? "") as C;
  try {
    const result = await run(config);
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(`${JSON.stringify(result)}\n`, (error) =>
        error ? reject(error) : resolve(),
      ),
    );
    process.disconnect?.();
    process.exitCode = 0;
  } catch (error) {
    process.stderr.write(
      `worker ${config.worker} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.disconnect?.();
    process.exitCode = 1;
  }
}
