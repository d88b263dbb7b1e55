/**
 * The messages between an end-to-end benchmark (`clearhub bench payments`, `clearhub bench
 * bill-payments`) and its load driver: a participant using the SDK from a process of its own,
 * so the requests cross a real socket and the driver's signing is not the hub's event loop's.
 */

/** What the payments of the timed phase are, and what they quote. */
export type DriverWork =
  /** POST /v1/agreement-payments, the active agreements in turn. */
  | { readonly kind: "agreement-payments"; readonly agreementIds: readonly string[] }
  /** POST /v1/bill-payments, direct pay: each names a customer by parameters, in turn. */
  | {
      readonly kind: "bill-payments";
      readonly billerId: string;
      readonly customers: readonly Readonly<Record<string, string>>[];
    };

export interface SdkDriverConfig {
  /** The hub's origin, as the SDK signs for it. */
  readonly origin: string;
  /** Requests in flight at once, each caller sending its next when its last is answered. */
  readonly concurrency: number;
  /** The participant's key id and Ed25519 private key as PKCS#8 DER, base64. */
  readonly keyId: string;
  readonly privateKeyPkcs8: string;
  readonly work: DriverWork;
  /** The amount of every payment, in the API's decimal form. */
  readonly amount: string;
  readonly currency: string;
}

/**
 * `noop` is a signed POST /v1/ping through the same SDK client (the reference); the others are
 * the work's payments, each with a fresh id.
 */
export type SdkDriverPhase = "noop" | DriverWork["kind"];

/**
 * `run` sends one slice of a phase; a phase may be run in several slices, interleaved with
 * another's, and its figures add up until `report` asks for them.
 */
export type SdkDriverParentMessage =
  | { readonly type: "configure"; readonly config: SdkDriverConfig }
  | { readonly type: "run"; readonly phase: SdkDriverPhase; readonly durationMs: number }
  | { readonly type: "report" }
  | { readonly type: "exit" };

export interface SdkPhaseStats {
  readonly phase: SdkDriverPhase;
  /** The slices' wall time added up, each from its start until its last answer. */
  readonly seconds: number;
  /** Requests answered with the route's success status. */
  readonly answered: number;
  /** Requests that failed: an error status, or no answer; by problem code or error name. */
  readonly errors: number;
  readonly errorsByCode: Readonly<Record<string, number>>;
  /** Payments by the state the hub answered them in. */
  readonly byState: Readonly<Record<string, number>>;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** CPU time of the driver process in the phase. */
  readonly driverCpuMs: number;
}

export type SdkDriverMessage =
  | { readonly type: "ready" }
  /** A slice is over; `answered` counts the phase's answers so far. */
  | { readonly type: "ran"; readonly phase: SdkDriverPhase; readonly answered: number }
  | { readonly type: "report"; readonly stats: readonly SdkPhaseStats[] }
  | { readonly type: "failed"; readonly message: string };
