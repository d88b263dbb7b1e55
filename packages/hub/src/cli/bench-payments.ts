import { fileURLToPath } from "node:url";
import { BenchChild } from "./bench-child.ts";
import { perRequest } from "./bench-figures.ts";
import { type BenchHub, startBenchHub } from "./bench-hub.ts";
import { operatorApi } from "./bench-network.ts";
import {
  type BankProcess,
  benchCurrency,
  paymentAmount,
  setUpPaymentsNetwork,
} from "./bench-payments-network.ts";
import { paymentStates, reconcilePayments } from "./bench-payments-reconcile.ts";
import { awaitSettled } from "./bench-settle.ts";
import { cpuProbe, runSdkSlices, type SlicedFigures, slicedFigures } from "./bench-slices.ts";
import { type BenchBackend, openBenchStore, round } from "./bench-store.ts";

export interface PaymentsBenchOptions {
  readonly backend: BenchBackend;
  readonly databaseUrl: string;
  readonly seconds: number;
  readonly concurrency: number;
  /** Share of the bank's answers lost after it applied the debit. */
  readonly drop: number;
  /** Agreements (one customer account each) the payments are spread over. */
  readonly agreements: number;
  /** How long to wait for the status inquiries to settle every unknown payment. */
  readonly settleTimeoutSeconds: number;
  readonly progress: (line: string) => void;
}

/** `answeredStates` counts the states the hub first answered: succeeded, unknown, failed. */
export interface PaymentsBenchResult extends SlicedFigures {
  readonly backend: BenchBackend;
  readonly concurrency: number;
  readonly agreements: number;
  readonly drop: number;
  /** CPU time of the simulated bank's process per payment (inquiries included). */
  readonly bankCpuMsPerPayment: number;
  /** Payments still unknown (or processing, pending) when the timed phase ended. */
  readonly unsettledAfterRun: number;
  /** How long the status inquiries took to settle them. */
  readonly settleSeconds: number;
  /** Payments the hub recorded, by final state. */
  readonly finalStates: Readonly<Record<string, number>>;
  /** Debits the bank applied. */
  readonly bankDebits: number;
  /**
   * Debits the bank applied that the hub does not record as succeeded, plus succeeded payments
   * the bank has no debit for.
   */
  readonly lost: number;
  /** Bank debits beyond the first for one transaction id (one payment id). */
  readonly doubled: number;
  readonly verified: boolean;
  readonly problems: readonly string[];
}

const bankFile = fileURLToPath(new URL("./bench-payments-bank.ts", import.meta.url));
const settledStates = new Set(["succeeded", "failed"]);

/**
 * Agreement payments end to end: a hub on a throwaway store, a simulated bank in a process of
 * its own, agreements signed through the real flow, then a separate driver process paying
 * through them with the SDK, alternating with signed no-op pings as the reference. With a drop
 * rate the bank applies some debits and loses the answer; the hub's status inquiries settle
 * them, and the hub's records are reconciled with the bank's ledger.
 */
export async function benchPayments(options: PaymentsBenchOptions): Promise<PaymentsBenchResult> {
  const store = await openBenchStore(options.backend, options.databaseUrl);
  let bench: BenchHub | undefined;
  let bank: BankProcess | undefined;
  try {
    bench = await startBenchHub(store.config, "bench payments");
    const { hub, origin, batches } = bench;
    bank = new BenchChild(bankFile, "simulated bank");
    options.progress(`${options.backend}: signing ${options.agreements} agreements…`);
    const operator = operatorApi(origin, bench.operatorToken);
    const network = await setUpPaymentsNetwork(origin, operator, bank, options.agreements);
    await bank.ask({ type: "setDropRate", dropRate: options.drop }, "faultsSet");
    options.progress(
      `${options.agreements} agreements active; ${options.concurrency} requests in flight from a separate driver process, the bank in another, dropping ${options.drop * 100}% of its answers`,
    );
    const simulatedBank = bank;
    const { probe, totals } = cpuProbe(
      async () => (await simulatedBank.ask({ type: "cpu" }, "cpu")).cpuMs,
    );
    const run = await runSdkSlices(
      {
        origin,
        concurrency: options.concurrency,
        ...network.institution,
        work: { kind: "agreement-payments", agreementIds: network.agreementIds },
        amount: paymentAmount,
        currency: benchCurrency,
      },
      {
        seconds: options.seconds,
        what: "payments",
        progress: options.progress,
        batches,
        probe,
      },
    );
    options.progress("waiting for the status inquiries to settle every unknown payment…");
    const settled = await awaitSettled({
      states: () => paymentStates(hub),
      settled: settledStates,
      timeoutSeconds: options.settleTimeoutSeconds,
      what: "payments",
      progress: options.progress,
    });
    options.progress("reconciling the hub's payments with the bank's ledger…");
    const reconciled = await reconcilePayments(hub, network.bankOrigin);
    const problems = [...reconciled.problems];
    if (settled.left > 0) {
      problems.push(
        `${settled.left} payments still unsettled after ${options.settleTimeoutSeconds} s`,
      );
    }
    return {
      backend: options.backend,
      concurrency: options.concurrency,
      agreements: options.agreements,
      drop: options.drop,
      ...slicedFigures(run),
      // The bank answers its own CPU time: never null.
      bankCpuMsPerPayment: perRequest(totals.cpuMs ?? 0, run.work.answered),
      unsettledAfterRun: settled.first,
      settleSeconds: round(settled.seconds),
      finalStates: settled.states,
      bankDebits: reconciled.bankDebits,
      lost: reconciled.lost,
      doubled: reconciled.doubled,
      verified: problems.length === 0,
      problems,
    };
  } finally {
    await bank?.close({ type: "exit" });
    await bench?.close();
    await store.dispose();
  }
}
