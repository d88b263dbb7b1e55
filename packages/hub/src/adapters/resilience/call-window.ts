/** The recent calls of one endpoint: counts per second and latency samples, over a sliding window. */
export interface WindowSummary {
  readonly calls: number;
  readonly failures: number;
  readonly timeouts: number;
  readonly refused: number;
  readonly latencyMs: { readonly p50: number; readonly p99: number } | null;
}

interface Bucket {
  start: number;
  calls: number;
  failures: number;
  timeouts: number;
  refused: number;
}

export interface CallWindowOptions {
  readonly windowMs: number;
  readonly bucketMs: number;
  /** Latency samples kept; at high rates the window's percentiles come from the latest ones. */
  readonly samplesMax: number;
}

export const callWindowDefaults: CallWindowOptions = {
  windowMs: 60_000,
  bucketMs: 1_000,
  samplesMax: 2_048,
};

/** The nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] as number;
}

/**
 * Memory is fixed whatever the traffic: one bucket per `bucketMs` of the window, reused in a
 * ring, and a ring of `samplesMax` latencies.
 */
export class CallWindow {
  private readonly buckets: Bucket[];
  private readonly latencies: { at: number; ms: number }[] = [];
  private nextSample = 0;

  constructor(private readonly options: CallWindowOptions = callWindowDefaults) {
    if (options.windowMs % options.bucketMs !== 0 || options.samplesMax < 1) {
      throw new Error("a call window is a whole number of buckets with room for a sample");
    }
    const count = options.windowMs / options.bucketMs;
    this.buckets = Array.from({ length: count }, () => emptyBucket(-Infinity));
  }

  get windowMs(): number {
    return this.options.windowMs;
  }

  recordSent(now: number, latencyMs: number, failed: boolean, timedOut: boolean): void {
    const bucket = this.bucketAt(now);
    bucket.calls++;
    if (failed) bucket.failures++;
    if (timedOut) bucket.timeouts++;
    const sample = { at: now, ms: latencyMs };
    if (this.latencies.length < this.options.samplesMax) this.latencies.push(sample);
    else this.latencies[this.nextSample] = sample;
    this.nextSample = (this.nextSample + 1) % this.options.samplesMax;
  }

  recordRefused(now: number): void {
    this.bucketAt(now).refused++;
  }

  summary(now: number): WindowSummary {
    const since = now - this.options.windowMs;
    const live = this.buckets.filter((bucket) => bucket.start > since && bucket.start <= now);
    const sum = (field: "calls" | "failures" | "timeouts" | "refused") =>
      live.reduce((total, bucket) => total + bucket[field], 0);
    const recent = this.latencies
      .filter((sample) => sample.at > since && sample.at <= now)
      .map((sample) => sample.ms)
      .sort((a, b) => a - b);
    return {
      calls: sum("calls"),
      failures: sum("failures"),
      timeouts: sum("timeouts"),
      refused: sum("refused"),
      latencyMs:
        recent.length === 0
          ? null
          : { p50: percentile(recent, 0.5), p99: percentile(recent, 0.99) },
    };
  }

  private bucketAt(now: number): Bucket {
    const start = now - (now % this.options.bucketMs);
    const index = Math.floor(start / this.options.bucketMs) % this.buckets.length;
    let bucket = this.buckets[index] as Bucket;
    if (bucket.start !== start) {
      bucket = emptyBucket(start);
      this.buckets[index] = bucket;
    }
    return bucket;
  }
}

function emptyBucket(start: number): Bucket {
  return { start, calls: 0, failures: 0, timeouts: 0, refused: 0 };
}
