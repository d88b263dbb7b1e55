import {
  type BillPaymentsNetwork,
  benchCurrency,
  billerId,
  billPaymentAmount,
  setUpBillPaymentsNetwork,
} from "./bench-bill-payments-network.ts";
import { billPaymentStates, reconcileBillPayments } from "./bench-bill-payments-reconcile.ts";
import { perRequest } from "./bench-figures.ts";
import { type BenchHub, startBenchHub } from "./bench-hub.ts";
import { operatorApi } from "./bench-network.ts";
import { awaitSettled } from "./bench-settle.ts";
import { cpuProbe, runSdkSlices, type SlicedFigures, slicedFigures } from "./bench-slices.ts";
import { type BenchBackend, openBenchStore, round } from "./bench-store.ts";

export interface BillPaymentsBenchOptions {
  readonly backend: BenchBackend;
  readonly databaseUrl: string;
  readonly seconds: number;
  readonly concurrency: number;
  /** Share of the biller's posting answers lost after it applied the posting. */
  readonly drop: number;
  /** Customers of the biller the payments are spread over, in turn. */
  readonly customers: number;
  /** How long to wait for the postings (and their status inquiries) to settle. */
  readonly settleTimeoutSeconds: number;
  readonly progress: (line: string) => void;
}

/** `answeredStates` counts the states the hub first answered: `accepted` when all is well. */
export interface BillPaymentsBenchResult extends SlicedFigures {
  readonly backend: BenchBackend;
  readonly concurrency: number;
  readonly customers: number;
  readonly drop: number;
  /** Payments not yet posted (or rejected) when the timed phase ended. */
  readonly unsettledAfterRun: number;
  /** How long the postings and the status inquiries took to settle them. */
  readonly settleSeconds: number;
  /** Payments taken up after their first posting (a lost answer): asked about, or sent again. */
  readonly takenUp: number;
  /** Payments the hub recorded, by final state. */
  readonly finalStates: Readonly<Record<string, number>>;
  /** From a payment's acceptance by the hub to its posting at the biller, over posted ones. */
  readonly postingLagP50Ms: number;
  readonly postingLagP99Ms: number;
  readonly postingLagMaxMs: number;
  /**
   * CPU time of the biller simulator's process per payment, over the payment slices (its
   * postings of the run's earlier payments too); null where it cannot be read (not Linux).
   */
  readonly billerCpuMsPerPayment: number | null;
  /** Postings the biller applied. */
  readonly billerPostings: number;
  /** Payments accepted that the biller did not apply, or that the hub does not have posted. */
  readonly lost: number;
  /** Postings the biller applied beyond one per payment. */
  readonly doubled: number;
  readonly verified: boolean;
  readonly problems: readonly string[];
}

/** Rejected and reversed payments are settled too, but lost for this benchmark. */
const settledStates = new Set(["posted", "rejected", "reversed", "posting_failed"]);

/**
 * Bill payments end to end: a hub on a throwaway store, a biller simulator in a process of its
 * own (the simulators' command, as an operator starts it), a channel paying it by direct pay
 * from a separate driver process with the SDK, alternating with signed no-op pings as the
 * reference. The hub posts each payment to the biller after answering it; with a drop rate the
 * biller applies some postings and loses the answer, and the hub's status inquiries settle
 * them. Then the hub's payments are reconciled with the biller's postings.
 */
export async function benchBillPayments(
  options: BillPaymentsBenchOptions,
): Promise<BillPaymentsBenchResult> {
  const store = await openBenchStore(options.backend, options.databaseUrl);
  let bench: BenchHub | undefined;
  let network: BillPaymentsNetwork | undefined;
  try {
    bench = await startBenchHub(store.config, "bench bill-payments");
    const { hub, origin, batches } = bench;
    options.progress(`${options.backend}: onboarding a channel and ${billerId}…`);
    network = await setUpBillPaymentsNetwork(origin, operatorApi(origin, bench.operatorToken), {
      customers: options.customers,
      dropRate: options.drop,
    });
    options.progress(
      `${options.customers} customers; ${options.concurrency} requests in flight from a separate driver process, the biller in another, dropping ${options.drop * 100}% of its posting answers`,
    );
    const { probe, totals } = cpuProbe(network.biller.cpuMs);
    const run = await runSdkSlices(
      {
        origin,
        concurrency: options.concurrency,
        ...network.channel,
        work: { kind: "bill-payments", billerId, customers: network.customers },
        amount: billPaymentAmount,
        currency: benchCurrency,
      },
      {
        seconds: options.seconds,
        what: "bill payments",
        progress: options.progress,
        batches,
        probe,
      },
    );
    options.progress("waiting for every payment to be posted, lost answers settled by inquiry…");
    const settled = await awaitSettled({
      states: () => billPaymentStates(hub),
      settled: settledStates,
      timeoutSeconds: options.settleTimeoutSeconds,
      what: "bill payments",
      progress: options.progress,
    });
    options.progress("reconciling the hub's bill payments with the biller's postings…");
    const reconciled = await reconcileBillPayments(hub, network.biller);
    const problems = [...reconciled.problems];
    if (settled.left > 0) {
      problems.push(
        `${settled.left} bill payments still unsettled after ${options.settleTimeoutSeconds} s`,
      );
    }
    return {
      backend: options.backend,
      concurrency: options.concurrency,
      customers: options.customers,
      drop: options.drop,
      ...slicedFigures(run),
      unsettledAfterRun: settled.first,
      settleSeconds: round(settled.seconds),
      takenUp: reconciled.takenUp,
      finalStates: settled.states,
      postingLagP50Ms: reconciled.postingLag.p50Ms,
      postingLagP99Ms: reconciled.postingLag.p99Ms,
      postingLagMaxMs: reconciled.postingLag.maxMs,
      billerCpuMsPerPayment:
        totals.cpuMs === null ? null : perRequest(totals.cpuMs, run.work.answered),
      billerPostings: reconciled.billerPostings,
      lost: reconciled.lost,
      doubled: reconciled.doubled,
      verified: problems.length === 0,
      problems,
    };
  } finally {
    await network?.biller.stop();
    await bench?.close();
    await store.dispose();
  }
}
