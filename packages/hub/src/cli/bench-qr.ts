import { loadavg } from "node:os";
import type { EndToEndBenchOptions } from "./bench-end-to-end-command.ts";
import { perRequest } from "./bench-figures.ts";
import { type BenchHub, startBenchHub } from "./bench-hub.ts";
import { fourEyesOperatorApi } from "./bench-network.ts";
import {
  acquirerId,
  benchCurrency,
  benchMerchant,
  type QrNetwork,
  qrPaymentAmount,
  setUpQrNetwork,
  walletId,
} from "./bench-qr-network.ts";
import { qrPaymentStates, reconcileQrPayments } from "./bench-qr-reconcile.ts";
import { awaitSettled } from "./bench-settle.ts";
import { cpuProbe, runSdkSlices, type SlicedFigures, slicedFigures } from "./bench-slices.ts";
import { type BenchBackend, openBenchStore, round } from "./bench-store.ts";

export interface QrBenchOptions extends EndToEndBenchOptions {
  /** The wallet's customers the consumer-presented payments are spread over, and as many payers. */
  readonly customers: number;
}

/**
 * Each mode's timed phase (`mpm`, `cpm`: the figures every end-to-end benchmark reports, each
 * against its own signed no-op slices), the ratios and rates the targets are stated in, then
 * how the run settled and reconciled.
 */
export interface QrBenchResult {
  readonly backend: BenchBackend;
  readonly concurrency: number;
  readonly customers: number;
  readonly drop: number;
  /** Merchant-presented payments per second over the signed no-op's (target ≥ 0.5). */
  readonly mpmRatio: number;
  /** Consumer-presented payments per second over the signed no-op's (target ≥ 0.3). */
  readonly cpmRatio: number;
  readonly mpmPaymentsPerSecond: number;
  readonly cpmPaymentsPerSecond: number;
  readonly mpmP99Ms: number;
  readonly cpmP99Ms: number;
  /** The no-op reference, over both modes' no-op slices. */
  readonly noopRequestsPerSecond: number;
  readonly mpm: SlicedFigures;
  readonly cpm: SlicedFigures;
  /** Both modes' failed payments, and their no-op's failed pings. */
  readonly errors: number;
  readonly noopErrors: number;
  /**
   * CPU time of the wallet simulator's process per consumer-presented payment, over their
   * slices; null where it cannot be read (not Linux).
   */
  readonly walletCpuMsPerPayment: number | null;
  /** Payments not yet settled (unknown, pending, reversing) when the timed phases ended. */
  readonly unsettledAfterRun: number;
  /** How long the status inquiries took to settle them. */
  readonly settleSeconds: number;
  /** Consumer-presented payments whose outcome the hub learnt by inquiry. */
  readonly inquired: number;
  /** The hub's payments of both modes, by final state. */
  readonly finalStates: Readonly<Record<string, number>>;
  /**
   * Why the others did not succeed, by failure code: a declined payment was not charged (else it
   * is lost). Past a share of lost answers the hub's breaker stops calling the wallet for a
   * while, and those payments are declined unsent.
   */
  readonly failureCodes: Readonly<Record<string, number>>;
  /** Payments the wallet charged. */
  readonly walletCharges: number;
  /** Charged at the wallet and not succeeded at the hub, or succeeded and not charged / cleared. */
  readonly lost: number;
  /** Charged twice at the wallet, or cleared twice at the hub. */
  readonly doubled: number;
  /** The machine's one-minute load average when the run began and when it ended. */
  readonly loadAverageStart: number;
  readonly loadAverageEnd: number;
  readonly verified: boolean;
  readonly problems: readonly string[];
}

const settledStates = new Set(["succeeded", "declined", "reversed"]);

function oneMinuteLoad(): number {
  return round(loadavg()[0] ?? 0);
}

/** The no-op rate over both modes' no-op slices. */
function noopRate(mpm: SlicedFigures, cpm: SlicedFigures): number {
  const seconds = mpm.noopSeconds + cpm.noopSeconds;
  return seconds === 0 ? 0 : Math.round((mpm.noopRequests + cpm.noopRequests) / seconds);
}

/**
 * Barcode payments in both modes end to end: a hub on a throwaway store and the wallet
 * simulator (the issuer) in a process of its own. First the wallet's driver process pays fresh
 * dynamic merchant-presented codes (no call out of the hub), then the acquirer's driver process
 * presents the wallet's one-time codes (the hub calls the wallet's interface), each mode's
 * slices alternating with signed no-op pings. With a drop rate the wallet charges some
 * customers and loses the answer; the hub's status inquiries settle them, and the hub's
 * payments are reconciled with the wallet's own books and the positions.
 */
export async function benchQr(options: QrBenchOptions): Promise<QrBenchResult> {
  const loadAverageStart = oneMinuteLoad();
  const store = await openBenchStore(options.backend, options.databaseUrl);
  let bench: BenchHub | undefined;
  let network: QrNetwork | undefined;
  try {
    bench = await startBenchHub(store.config, "bench qr");
    const { hub, origin, batches } = bench;
    options.progress(`${options.backend}: onboarding ${walletId}, ${acquirerId} and a merchant…`);
    network = await setUpQrNetwork(
      origin,
      fourEyesOperatorApi(origin, bench.operatorToken, bench.approverToken),
      { customers: options.customers, dropRate: options.drop },
    );
    options.progress(
      `${options.customers} customers; ${options.concurrency} requests in flight from a separate driver process, the wallet in another, dropping ${options.drop * 100}% of its answers`,
    );
    const driven = {
      origin,
      concurrency: options.concurrency,
      amount: qrPaymentAmount,
      currency: benchCurrency,
    };
    const slices = { seconds: options.seconds, progress: options.progress, batches };
    const mpmRun = await runSdkSlices(
      {
        ...driven,
        ...network.payer,
        work: {
          kind: "qr-payments",
          merchant: benchMerchant,
          customers: options.customers,
          verificationLevel: "A",
        },
      },
      { ...slices, what: "merchant-presented payments" },
    );
    const { probe, totals } = cpuProbe(network.wallet.cpuMs);
    const cpmRun = await runSdkSlices(
      {
        ...driven,
        ...network.acquirer,
        work: {
          kind: "code-payments",
          merchantId: benchMerchant.merchantId,
          walletOrigin: network.wallet.origin,
          customerIds: network.customerIds,
        },
      },
      { ...slices, what: "consumer-presented payments", probe },
    );
    options.progress("waiting for the status inquiries to settle every unknown payment…");
    const settled = await awaitSettled({
      states: () => qrPaymentStates(hub),
      settled: settledStates,
      timeoutSeconds: options.settleTimeoutSeconds,
      what: "barcode payments",
      progress: options.progress,
    });
    options.progress("reconciling the hub's payments with the wallet's books…");
    const reconciled = await reconcileQrPayments(hub, network.wallet);
    const problems = [...reconciled.problems];
    if (settled.left > 0) {
      problems.push(
        `${settled.left} barcode payments still unsettled after ${options.settleTimeoutSeconds} s`,
      );
    }
    const mpm = slicedFigures(mpmRun);
    const cpm = slicedFigures(cpmRun);
    return {
      backend: options.backend,
      concurrency: options.concurrency,
      customers: options.customers,
      drop: options.drop,
      mpmRatio: mpm.ratio,
      cpmRatio: cpm.ratio,
      mpmPaymentsPerSecond: mpm.paymentsPerSecond,
      cpmPaymentsPerSecond: cpm.paymentsPerSecond,
      mpmP99Ms: mpm.p99Ms,
      cpmP99Ms: cpm.p99Ms,
      noopRequestsPerSecond: noopRate(mpm, cpm),
      mpm,
      cpm,
      errors: mpm.errors + cpm.errors,
      noopErrors: mpm.noopErrors + cpm.noopErrors,
      walletCpuMsPerPayment:
        totals.cpuMs === null ? null : perRequest(totals.cpuMs, cpmRun.work.answered),
      unsettledAfterRun: settled.first,
      settleSeconds: round(settled.seconds),
      inquired: reconciled.inquired,
      finalStates: settled.states,
      failureCodes: reconciled.failureCodes,
      walletCharges: reconciled.walletCharges,
      lost: reconciled.lost,
      doubled: reconciled.doubled,
      loadAverageStart,
      loadAverageEnd: oneMinuteLoad(),
      verified: problems.length === 0,
      problems,
    };
  } finally {
    await network?.wallet.stop();
    await bench?.close();
    await store.dispose();
  }
}
