/**
 * The messages between `clearhub bench flood` and its load drivers, one child process per
 * channel: each signs as its channel with the SDK, so a flooding channel's client work never
 * delays the other channels' sends, and the hub's process does only the hub's work.
 */
import type { BenchSigningKey } from "./bench-driver-protocol.ts";

/** What a stream sends: a person's inquiry, a payment, or a machine's (`scheduled`) inquiry. */
export type FloodStreamKind = "user_inquiry" | "payment" | "scheduled_inquiry";

/**
 * Requests of one kind to one biller at a fixed rate, open loop: the k-th is due at the run's
 * start plus k/perSecond, sent then whatever became of the earlier ones, and its latency is
 * counted from when it was due, so a slow answer delays nothing and hides nothing.
 */
export interface FloodStream {
  readonly kind: FloodStreamKind;
  readonly billerId: string;
  readonly perSecond: number;
  /**
   * Customers asked about or paid for, by index (see `benchCustomerNumber`): steady streams go
   * round the first `customers` in turn; a scheduled stream asks every other time about one of
   * the first `hotCustomers` (so the cache can answer) and otherwise about one spread over all.
   */
  readonly customers: number;
  readonly hotCustomers: number;
}

/** The channel's key, with its streams. */
export interface FloodDriverConfig extends BenchSigningKey {
  /** The hub's origin, as the SDK signs for it. */
  readonly origin: string;
  readonly channelId: string;
  readonly streams: readonly FloodStream[];
  /** The amount of every payment, in the API's decimal form (CNY). */
  readonly amount: string;
}

export type FloodParentMessage =
  | { readonly type: "configure"; readonly config: FloodDriverConfig }
  /** Sends every stream for `durationMs`, then waits for the answers; `label` prefixes ids. */
  | { readonly type: "run"; readonly label: string; readonly durationMs: number }
  | { readonly type: "exit" };

/** One kind of request's figures in one run. */
export interface FloodKindStats {
  readonly kind: FloodStreamKind;
  readonly sent: number;
  /** Answered with the route's success status (payments `accepted`, inquiries 200). */
  readonly succeeded: number;
  /** Inquiries answered from the hub's cache rather than by the biller now. */
  readonly fromCache: number;
  /** Refused or unanswered, by `<status> <problem code>` or the error's name. */
  readonly failedByCode: Readonly<Record<string, number>>;
  /** Latency from when each request was due to its answer, successes and failures alike. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export type FloodDriverMessage =
  | { readonly type: "ready" }
  | { readonly type: "ran"; readonly stats: readonly FloodKindStats[] }
  | { readonly type: "failed"; readonly message: string };

export const benchCustomerParameter = "account_number";

/** The customer number of a biller's customer by index: ten digits, the profile's format. */
export function benchCustomerNumber(index: number): string {
  return String(7_000_000_000 + index);
}
