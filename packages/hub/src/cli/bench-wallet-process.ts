/**
 * A simulated wallet (the issuer of payment codes) in a process of its own, as `clearhub bench
 * qr` needs it: the simulators package's `clearhub-wallet-simulator` command
 * (bench-simulator-process.ts). Its books (`/admin/stats`) are what the hub is reconciled with.
 */
import type { PaymentCodeView, WalletBooks, WalletCustomerSeed } from "@clearhub/simulators";
import { type SimulatorProcess, startSimulatorProcess } from "./bench-simulator-process.ts";

export interface WalletProcessConfig {
  readonly walletId: string;
  /** The hub: its key set, which the wallet verifies every request against, and where notices go. */
  readonly hubUrl: string;
  readonly keyId: string;
  /** The wallet's Ed25519 private key, PKCS#8 PEM, registered at the hub as the issuer's key. */
  readonly privateKeyPem: string;
  /** The digits its payment codes start with, as the hub's routing table has them. */
  readonly codePrefix: string;
  /** How long a payment code pays: longer than the run, so none expires in a driver's hands. */
  readonly codeLifetimeMs: number;
  readonly customers: readonly WalletCustomerSeed[];
  /** Share of authorisations applied whose connection is then destroyed without an answer. */
  readonly dropRate: number;
}

export interface WalletProcess extends SimulatorProcess {
  readonly walletId: string;
  /** The wallet's own books: every payment it was asked for, and what it charged. */
  books(): Promise<WalletBooks>;
}

/** The admin route a driver takes a batch of one-time codes for one customer from. */
export function codeBatchPath(customerId: string): string {
  return `/admin/customers/${encodeURIComponent(customerId)}/code-batches`;
}

export type CodeBatch = { readonly codes: readonly PaymentCodeView[] };

/** Starts the wallet simulator command in its own process; resolves once it listens. */
export async function startWalletProcess(config: WalletProcessConfig): Promise<WalletProcess> {
  const simulator = await startSimulatorProcess({
    command: "clearhub-wallet-simulator.mjs",
    participantId: config.walletId,
    keyVariable: "CLEARHUB_WALLET_SIGNING_KEY",
    privateKeyPem: config.privateKeyPem,
    config: {
      walletId: config.walletId,
      hubUrl: config.hubUrl,
      keyId: config.keyId,
      codePrefix: config.codePrefix,
      codeLifetimeMs: config.codeLifetimeMs,
      customers: config.customers,
      cards: [],
      faults: { dropRate: config.dropRate },
    },
  });
  return {
    ...simulator,
    walletId: config.walletId,
    books: () => simulator.admin<WalletBooks>("/admin/stats"),
  };
}
