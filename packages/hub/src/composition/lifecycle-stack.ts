/** How one started resource is stopped: close a connection, stop a job, drain a queue. */
export type StopResource = () => Promise<void> | void;

/** Told of each resource that failed to stop while a failed start was being undone. */
export type OnUnwindError = (resource: string, error: unknown) => void;

interface StartedResource {
  readonly name: string;
  readonly stop: StopResource;
}

/**
 * What a hub has started, in order, so that it stops in the reverse order: a job stops before
 * the ledger it writes to drains, and the ledger drains before its database closes.
 *
 * A resource is pushed the moment it has started, never before, so the stack holds exactly what
 * needs stopping. `start` runs a composition under the stack: if it fails midway, whatever it
 * had already started is stopped again and the start's own error is what the caller sees; a
 * resource that fails to stop then is reported, and attached to that error as `stopErrors`,
 * but never takes its place.
 */
export class LifecycleStack {
  private readonly started: StartedResource[] = [];
  private stopping: Promise<void> | undefined;

  /** Records a started resource; it is stopped before everything pushed earlier. */
  push(name: string, stop: StopResource): void {
    if (this.stopping !== undefined) throw new Error(`${name} started on a stopped stack`);
    this.started.push({ name, stop });
  }

  /** Runs `compose`; if it throws, stops what it started and rethrows its error. */
  async start<T>(compose: () => Promise<T>, onUnwindError: OnUnwindError): Promise<T> {
    try {
      return await compose();
    } catch (error) {
      const stopErrors = await this.stopAll();
      for (const failure of stopErrors) onUnwindError(failure.name, failure.error);
      if (stopErrors.length > 0 && isObject(error)) {
        Object.defineProperty(error, "stopErrors", {
          value: stopErrors.map((failure) => failure.error),
          enumerable: false,
        });
      }
      throw error;
    }
  }

  /**
   * Stops every resource, last started first. Each is stopped even when an earlier one fails;
   * a single failure is rethrown as it is, several together as an AggregateError. Idempotent:
   * a second call waits for the first.
   */
  stop(): Promise<void> {
    this.stopping ??= this.stopAll().then((failures) => {
      if (failures.length === 1) throw failures[0]?.error;
      if (failures.length > 1) {
        const names = failures.map((failure) => failure.name).join(", ");
        throw new AggregateError(
          failures.map((failure) => failure.error),
          `${failures.length} resources failed to stop: ${names}`,
        );
      }
    });
    return this.stopping;
  }

  private async stopAll(): Promise<{ name: string; error: unknown }[]> {
    const failures: { name: string; error: unknown }[] = [];
    for (let resource = this.started.pop(); resource !== undefined; resource = this.started.pop()) {
      try {
        await resource.stop();
      } catch (error) {
        failures.push({ name: resource.name, error });
      }
    }
    return failures;
  }
}

/** Where the hub reports a resource that failed to stop while a failed start was undone. */
export function reportUnwindError(resource: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`clearhub: ${resource} failed to stop after a failed start: ${message}\n`);
}

function isObject(value: unknown): value is object {
  return (typeof value === "object" && value !== null) || typeof value === "function";
}
