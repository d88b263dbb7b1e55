/**
 * The messages between `clearhub bench api` and its load driver, a child process of its own so
 * that the requests cross a real socket and the driver's signing is not the hub's event loop's.
 */
import type {
  BenchSigningKey,
  ClosedLoopParentMessage,
  ClosedLoopPhaseStats,
} from "./bench-driver-protocol.ts";

/** A payer the driver signs for, with its key. */
export interface DriverPayer extends BenchSigningKey {
  readonly id: string;
}

export interface DriverConfig {
  /** The hub's origin, exactly as the signatures' `@target-uri` must name it. */
  readonly origin: string;
  /** Keep-alive connections, each carrying one request at a time. */
  readonly connections: number;
  readonly payers: readonly DriverPayer[];
  readonly payeeIds: readonly string[];
  readonly currency: string;
  /** The amount of every transfer, in the API's decimal form. */
  readonly amount: string;
  /** Transfers per request: 0 sends POST /v1/transfers, N sends N to POST /v1/transfers/bulk. */
  readonly bulk: number;
}

/**
 * What a phase sends: `noop` is POST /v1/ping with the body a transfer phase would send, so it
 * costs the same HTTP, parsing, digest and signature check; `transfers` is the real thing;
 * `mixed` alternates them (the warm-up).
 */
export type PhaseKind = "noop" | "transfers" | "mixed";

export type ParentMessage = ClosedLoopParentMessage<DriverConfig, PhaseKind>;

/** `errors` counts answers other than the route's success status, by `<status> <problem code>`. */
export interface PhaseStats extends ClosedLoopPhaseStats<PhaseKind> {
  /** Requests answered, whatever the answer. */
  readonly requests: number;
  /** Transfers sent in requests to the transfer routes. */
  readonly transfersSent: number;
  /** Transfers the hub answered 201 for, alone or as a bulk item. */
  readonly transfersCreated: number;
  /** Bulk items refused, by `<status> <problem code>`. */
  readonly itemErrorsByCode: Readonly<Record<string, number>>;
  /** Transfers created per payer id, to check each payer's position against. */
  readonly createdByPayer: Readonly<Record<string, number>>;
}

export type DriverMessage =
  | { readonly type: "ready" }
  /** A slice is over; `requests` counts the phase's requests so far. */
  | { readonly type: "ran"; readonly phase: PhaseKind; readonly requests: number }
  | { readonly type: "report"; readonly stats: readonly PhaseStats[] }
  | { readonly type: "failed"; readonly message: string };
