/** The arithmetic every benchmark's figures share: rates, percentiles, CPU time and per request. */
import { percentile, round } from "./bench-store.ts";

export interface LatencySummary {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** The median, the 99th percentile and the largest of durations in milliseconds; 0 for none. */
export function latencySummary(durationsMs: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(durationsMs).sort();
  return {
    p50Ms: round(percentile(sorted, 0.5)),
    p99Ms: round(percentile(sorted, 0.99)),
    maxMs: round(sorted[sorted.length - 1] ?? 0),
  };
}

/** Whole events per second; 0 when no time passed. */
export function perSecond(count: number, seconds: number): number {
  return seconds === 0 ? 0 : Math.round(count / seconds);
}

/** Milliseconds (of CPU, of commits) per request; a run with none divides by one. */
export function perRequest(ms: number, requests: number): number {
  return round(ms / Math.max(requests, 1));
}

/** Adds one to `counts[key]`. */
export function count(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Runs `work` and answers what it gave with this process's CPU time meanwhile, in milliseconds. */
export async function withCpuMs<T>(work: () => Promise<T>): Promise<{ value: T; cpuMs: number }> {
  const before = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(before);
  return { value, cpuMs: (used.user + used.system) / 1000 };
}
