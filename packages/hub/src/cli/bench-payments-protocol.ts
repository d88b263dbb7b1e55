/**
 * The messages between `clearhub bench payments` and its two child processes: the load driver
 * (a payment institution using the SDK) and the simulated bank. Each runs in a process of its
 * own, so the hub's process does only the hub's work and its CPU time is the hub's cost.
 */

export interface PaymentsDriverConfig {
  /** The hub's origin, as the SDK signs for it. */
  readonly origin: string;
  /** Requests in flight at once, each caller sending its next when its last is answered. */
  readonly concurrency: number;
  /** The payment institution's key id and Ed25519 private key as PKCS#8 DER, base64. */
  readonly keyId: string;
  readonly privateKeyPkcs8: string;
  /** The active agreements the payments are spread over, in turn. */
  readonly agreementIds: readonly string[];
  /** The amount of every payment, in the API's decimal form (CNY). */
  readonly amount: string;
}

/**
 * `noop` is a signed POST /v1/ping through the same SDK client (the reference); `payments` is
 * POST /v1/agreement-payments with a fresh id each.
 */
export type PaymentsPhase = "noop" | "payments";

export type PaymentsParentMessage =
  | { readonly type: "configure"; readonly config: PaymentsDriverConfig }
  | { readonly type: "run"; readonly phase: PaymentsPhase; readonly durationMs: number }
  | { readonly type: "report" }
  | { readonly type: "exit" };

export interface PaymentsPhaseStats {
  readonly phase: PaymentsPhase;
  /** The slices' wall time added up. */
  readonly seconds: number;
  /** Requests answered with the route's success status. */
  readonly answered: number;
  /** Requests that failed: an error status, or no answer; by problem code or error name. */
  readonly errors: number;
  readonly errorsByCode: Readonly<Record<string, number>>;
  /** Payments by the state the hub answered them in: succeeded, failed, unknown, pending. */
  readonly byState: Readonly<Record<string, number>>;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** CPU time of the driver process in the phase. */
  readonly driverCpuMs: number;
}

export type PaymentsDriverMessage =
  | { readonly type: "ready" }
  | { readonly type: "ran"; readonly phase: PaymentsPhase; readonly answered: number }
  | { readonly type: "report"; readonly stats: readonly PaymentsPhaseStats[] }
  | { readonly type: "failed"; readonly message: string };

/** An account the simulated bank opens for the run: one customer per agreement. */
export interface BenchBankAccount {
  readonly accountNumber: string;
  readonly holderName: string;
  readonly idNumber: string;
  readonly mobile: string;
  readonly currency: string;
  readonly balance: string;
}

export interface BenchBankConfig {
  readonly bankId: string;
  /** The hub: its published key set, which the bank verifies every request against. */
  readonly hubUrl: string;
  readonly keyId: string;
  /** The bank's Ed25519 private key, PKCS#8 PEM, registered at the hub for the bank. */
  readonly privateKeyPem: string;
  readonly accounts: readonly BenchBankAccount[];
  /** Share of requests applied whose connection is then destroyed without an answer. */
  readonly dropRate: number;
}

export type BankParentMessage =
  | { readonly type: "start"; readonly config: BenchBankConfig }
  | { readonly type: "setDropRate"; readonly dropRate: number }
  /** The bank process's CPU time so far, user and system, in milliseconds. */
  | { readonly type: "cpu" }
  | { readonly type: "exit" };

export type BankChildMessage =
  /** The endpoint URL to register at the hub, and the origin of the admin routes. */
  | { readonly type: "started"; readonly url: string; readonly origin: string }
  | { readonly type: "faultsSet" }
  | { readonly type: "cpu"; readonly cpuMs: number }
  | { readonly type: "failed"; readonly message: string };
