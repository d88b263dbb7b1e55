/**
 * The messages between `clearhub bench api` and its load driver, a child process of its own so
 * that the requests cross a real socket and the driver's signing is not the hub's event loop's.
 */

/** A payer the driver signs for: its key id and its Ed25519 private key as PKCS#8 DER, base64. */
export interface DriverPayer {
  readonly id: string;
  readonly keyId: string;
  readonly privateKeyPkcs8: string;
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

/**
 * `run` sends one slice of a phase; a phase may be run in several slices, interleaved with
 * another's, and its figures add up until `report` asks for them.
 */
export type ParentMessage =
  | { readonly type: "configure"; readonly config: DriverConfig }
  | { readonly type: "run"; readonly phase: PhaseKind; readonly durationMs: number }
  | { readonly type: "report" }
  | { readonly type: "exit" };

export interface PhaseStats {
  readonly phase: PhaseKind;
  /** The slices' wall time added up, each from its start until its last answer. */
  readonly seconds: number;
  /** Requests answered, whatever the answer. */
  readonly requests: number;
  /** Requests whose answer was not the route's success status (or that got no answer). */
  readonly errors: number;
  /** Failed requests by `<status> <problem code>`, or `network <error code>`. */
  readonly errorsByCode: Readonly<Record<string, number>>;
  /** Transfers sent in requests to the transfer routes. */
  readonly transfersSent: number;
  /** Transfers the hub answered 201 for, alone or as a bulk item. */
  readonly transfersCreated: number;
  /** Bulk items refused, by `<status> <problem code>`. */
  readonly itemErrorsByCode: Readonly<Record<string, number>>;
  /** Transfers created per payer id, to check each payer's position against. */
  readonly createdByPayer: Readonly<Record<string, number>>;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** CPU time the driver process spent in the phase (signing, HTTP client, bookkeeping). */
  readonly driverCpuMs: number;
}

export type DriverMessage =
  | { readonly type: "ready" }
  /** A slice is over; `requests` counts the phase's requests so far. */
  | { readonly type: "ran"; readonly phase: PhaseKind; readonly requests: number }
  | { readonly type: "report"; readonly stats: readonly PhaseStats[] }
  | { readonly type: "failed"; readonly message: string };
