/**
 * What every benchmark's load driver shares with its parent, whatever it sends: the key it
 * signs with, and for the closed-loop drivers (`bench api`, `bench payments`, `bench
 * bill-payments`) the messages that run a phase in slices and the figures each phase reports.
 */

/** A participant's key as a driver process is handed it. */
export interface BenchSigningKey {
  readonly keyId: string;
  /** The Ed25519 private key as PKCS#8 DER, base64. */
  readonly privateKeyPkcs8: string;
}

/**
 * `run` sends one slice of a phase; a phase may be run in several slices, interleaved with
 * another's, and its figures add up until `report` asks for them.
 */
export type ClosedLoopParentMessage<Config, Phase extends string> =
  | { readonly type: "configure"; readonly config: Config }
  | { readonly type: "run"; readonly phase: Phase; readonly durationMs: number }
  | { readonly type: "report" }
  | { readonly type: "exit" };

/** The figures of one phase of a closed-loop driver, its slices added up. */
export interface ClosedLoopPhaseStats<Phase extends string> {
  readonly phase: Phase;
  /** The slices' wall time added up, each from its start until its last answer. */
  readonly seconds: number;
  /** Requests that failed: an error status, or no answer; by problem code or error name. */
  readonly errors: number;
  readonly errorsByCode: Readonly<Record<string, number>>;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** CPU time the driver process spent in the phase (signing, HTTP client, bookkeeping). */
  readonly driverCpuMs: number;
}
