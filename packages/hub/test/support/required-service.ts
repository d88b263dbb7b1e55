/**
 * The rule for the real servers the tests need (PostgreSQL, Redis): when one is unreachable its
 * tests are skipped with a message, except under CI=true, where the probe fails so a missing
 * server never passes for a green run.
 */
export interface RequiredService {
  /** "PostgreSQL" or "Redis", as the messages name it. */
  readonly name: string;
  /** Where it was looked for, with any password hidden. */
  readonly shownUrl: string;
  /** The variable that points the tests at another server. */
  readonly urlVariable: string;
  /** Resolves if the server answers; rejects with the reason otherwise. */
  probe(): Promise<unknown>;
}

function isCi(): boolean {
  return process.env.CI === "true";
}

/** Whether the server answers. Under CI=true an unreachable server is an error. */
export async function serviceAvailable(service: RequiredService): Promise<boolean> {
  try {
    await service.probe();
    return true;
  } catch (error) {
    if (!isCi()) return false;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${service.name} at ${service.shownUrl} is unreachable (${reason}); under CI=true the ${service.name} tests must run, not be skipped. Start ${service.name} or set ${service.urlVariable}.`,
      { cause: error },
    );
  }
}

/** The message printed once when a server's tests are skipped. */
export function warnSkipped(service: RequiredService): void {
  console.warn(
    `[clearhub tests] ${service.name} at ${service.shownUrl} is unreachable: skipping the ${service.name} tests. Set ${service.urlVariable} to run them (under CI=true they fail instead).`,
  );
}
