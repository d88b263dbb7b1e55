/**
 * The messages between `clearhub bench payments` and its simulated bank, a child process of its
 * own, so the hub's process does only the hub's work and its CPU time is the hub's cost. (The
 * load driver's are in bench-sdk-driver-protocol.ts.)
 */

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
