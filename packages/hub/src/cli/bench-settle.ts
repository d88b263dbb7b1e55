/**
 * Waiting, after a timed phase, for the hub's status inquiries to settle every outcome it does
 * not know yet: bounded by a timeout, with progress on standard error.
 */

const settlePollMs = 250;
const progressEveryMs = 1000;

export interface SettleOptions {
  /** Counts of the hub's records by state, as they stand now. */
  readonly states: () => Promise<Record<string, number>>;
  /** The final states; every other state still waits for an inquiry. */
  readonly settled: ReadonlySet<string>;
  readonly timeoutSeconds: number;
  /** What is counted, for the progress lines: "payments". */
  readonly what: string;
  readonly progress: (line: string) => void;
}

export interface Settled {
  /** How many were unsettled when the wait began. */
  readonly first: number;
  /** How many still are: 0 unless the timeout passed. */
  readonly left: number;
  readonly states: Record<string, number>;
  readonly seconds: number;
}

function unsettled(states: Record<string, number>, settled: ReadonlySet<string>): number {
  return Object.entries(states).reduce(
    (sum, [state, n]) => (settled.has(state) ? sum : sum + n),
    0,
  );
}

/** Polls until nothing is unsettled or the timeout passes, whichever comes first. */
export async function awaitSettled(options: SettleOptions): Promise<Settled> {
  const started = performance.now();
  const deadline = started + options.timeoutSeconds * 1000;
  let states = await options.states();
  const first = unsettled(states, options.settled);
  let reported = started;
  while (unsettled(states, options.settled) > 0 && performance.now() < deadline) {
    if (performance.now() - reported >= progressEveryMs) {
      reported = performance.now();
      options.progress(
        `  ${unsettled(states, options.settled)} of ${first} ${options.what} still unsettled`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, settlePollMs));
    states = await options.states();
  }
  return {
    first,
    left: unsettled(states, options.settled),
    states,
    seconds: (performance.now() - started) / 1000,
  };
}
