/** What the biller measured in one wall-clock second. */
export interface SecondLoad {
  /** The second, as Unix time: floor(ms / 1000). */
  readonly second: number;
  readonly at: string;
  /** Requests that arrived at the interface in this second, whatever became of them. */
  readonly started: number;
  /** Of those, taken with added delay because the second was past the declared rate. */
  readonly slowed: number;
  /** Of those, failed (busy or dropped) because the second was past the failing rate. */
  readonly failed: number;
  /** The most requests in flight at once when one arrived in this second. */
  readonly inFlightPeak: number;
}

/** The biller's own measure of the load put on it: what benchmarks compare with its capacity. */
export interface LoadView {
  /** The most requests that arrived in one wall-clock second since the meter started. */
  readonly peakPerSecond: number;
  /** The most requests under way at once since the meter started. */
  readonly peakInFlight: number;
  readonly inFlight: number;
  readonly startedTotal: number;
  /** The seconds with traffic, oldest first, the last `secondsKeptMax` of them. */
  readonly seconds: readonly SecondLoad[];
}

interface Tally {
  started: number;
  slowed: number;
  failed: number;
  inFlightPeak: number;
}

/**
 * Counts the requests that arrive per wall-clock second of the injected clock, and the requests
 * in flight. The peaks cover every second since the start or the last reset, including seconds
 * no longer kept in detail, so the proof of "never past capacity" does not age out.
 */
export class LoadMeter {
  private readonly tallies = new Map<number, Tally>();
  private peakPerSecondSeen = 0;
  private peakInFlightSeen = 0;
  private inFlightNow = 0;
  private startedTotal = 0;

  constructor(
    private readonly clock: () => number,
    private readonly secondsKeptMax = 3_600,
  ) {}

  /** Counts an arrival: its second, and how many arrived in it so far, this one included. */
  arrive(): { readonly second: number; readonly started: number } {
    const second = Math.floor(this.clock() / 1000);
    let tally = this.tallies.get(second);
    if (tally === undefined) {
      tally = { started: 0, slowed: 0, failed: 0, inFlightPeak: 0 };
      this.tallies.set(second, tally);
      this.forgetOldest();
    }
    tally.started += 1;
    this.startedTotal += 1;
    this.inFlightNow += 1;
    tally.inFlightPeak = Math.max(tally.inFlightPeak, this.inFlightNow);
    this.peakPerSecondSeen = Math.max(this.peakPerSecondSeen, tally.started);
    this.peakInFlightSeen = Math.max(this.peakInFlightSeen, this.inFlightNow);
    return { second, started: tally.started };
  }

  /** Notes what became of an arrival of the second `second` (Unix seconds). */
  note(second: number, outcome: "slowed" | "failed"): void {
    const tally = this.tallies.get(second);
    if (tally !== undefined) tally[outcome] += 1;
  }

  depart(): void {
    this.inFlightNow = Math.max(0, this.inFlightNow - 1);
  }

  /** Starts a new measurement: the counts and peaks begin again; requests in flight stay. */
  reset(): void {
    this.tallies.clear();
    this.peakPerSecondSeen = 0;
    this.peakInFlightSeen = this.inFlightNow;
    this.startedTotal = 0;
  }

  view(): LoadView {
    const seconds = [...this.tallies.entries()]
      .sort(([a], [b]) => a - b)
      .map(([second, tally]) => ({
        second,
        at: new Date(second * 1000).toISOString(),
        ...tally,
      }));
    return {
      peakPerSecond: this.peakPerSecondSeen,
      peakInFlight: this.peakInFlightSeen,
      inFlight: this.inFlightNow,
      startedTotal: this.startedTotal,
      seconds,
    };
  }

  private forgetOldest(): void {
    while (this.tallies.size > this.secondsKeptMax) {
      const oldest = Math.min(...this.tallies.keys());
      this.tallies.delete(oldest);
    }
  }
}
