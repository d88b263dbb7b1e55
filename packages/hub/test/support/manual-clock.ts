/**
 * A clock the test moves by hand, with the sleep that goes with it: a sleeper wakes when the
 * clock passes its time or its signal aborts, never on real time.
 */
interface Sleeper {
  readonly wakeAtMs: number;
  readonly wake: () => void;
}

export class ManualClock {
  private nowMs: number;
  private readonly sleepers = new Set<Sleeper>();

  constructor(startMs = 1_800_000_000_000) {
    this.nowMs = startMs;
  }

  readonly now = (): number => this.nowMs;

  readonly sleep = (ms: number, signal: AbortSignal): Promise<void> =>
    new Promise((resolve) => {
      const sleeper: Sleeper = {
        wakeAtMs: this.nowMs + ms,
        wake: () => {
          this.sleepers.delete(sleeper);
          signal.removeEventListener("abort", sleeper.wake);
          resolve();
        },
      };
      if (signal.aborted) {
        resolve();
        return;
      }
      signal.addEventListener("abort", sleeper.wake);
      this.sleepers.add(sleeper);
    });

  /** How many are asleep now. */
  get sleeping(): number {
    return this.sleepers.size;
  }

  advance(ms: number): void {
    this.nowMs += ms;
    for (const sleeper of [...this.sleepers]) {
      if (sleeper.wakeAtMs <= this.nowMs) sleeper.wake();
    }
  }

  /** Moves to `offsetMs` into the next window of `windowMs`. */
  advanceToNextWindow(windowMs: number, offsetMs = 0): void {
    const next = (Math.floor(this.nowMs / windowMs) + 1) * windowMs + offsetMs;
    this.advance(next - this.nowMs);
  }
}
