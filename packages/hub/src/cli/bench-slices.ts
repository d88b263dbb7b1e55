/**
 * The timed phase of the end-to-end benchmarks: a load driver in a child process sends slices
 * of signed no-op pings (the reference) and of payments, alternating, and the figures both
 * benchmarks report are drawn from its answers and from the hub's CPU time.
 */
import { fileURLToPath } from "node:url";
import { BenchChild } from "./bench-child.ts";
import { perRequest, perSecond } from "./bench-figures.ts";
import {
  addBatches,
  type BatchCounts,
  type BatchTally,
  batchesBetween,
  batchFigures,
  noBatches,
} from "./bench-hub.ts";
import type {
  SdkDriverConfig,
  SdkDriverMessage,
  SdkDriverParentMessage,
  SdkPhaseStats,
} from "./bench-sdk-driver-protocol.ts";
import { round } from "./bench-store.ts";

export type SdkDriverProcess = BenchChild<SdkDriverParentMessage, SdkDriverMessage>;

const driverFile = fileURLToPath(new URL("./bench-sdk-driver.ts", import.meta.url));
const sliceSeconds = 1;

/** Starts the load driver, configures it, lends it to `use`, and stops it whatever happens. */
export async function withSdkDriver<T>(
  config: SdkDriverConfig,
  use: (driver: SdkDriverProcess) => Promise<T>,
): Promise<T> {
  const driver: SdkDriverProcess = new BenchChild(driverFile, "load driver");
  try {
    await driver.ask({ type: "configure", config }, "ready");
    return await use(driver);
  } finally {
    await driver.close({ type: "exit" });
  }
}

/** Something measured over the payment slices only, such as a simulator's CPU time. */
export interface WorkSliceProbe {
  before(): Promise<void>;
  after(): Promise<void>;
}

/**
 * A simulator's CPU time over the payment slices only, read before and after each; null once a
 * reading cannot be had.
 */
export function cpuProbe(readCpuMs: () => Promise<number | null>): {
  readonly probe: WorkSliceProbe;
  readonly totals: { cpuMs: number | null };
} {
  const totals: { cpuMs: number | null } = { cpuMs: 0 };
  let before: number | null = null;
  const probe: WorkSliceProbe = {
    before: async () => {
      before = await readCpuMs();
    },
    after: async () => {
      const after = await readCpuMs();
      totals.cpuMs =
        totals.cpuMs === null || before === null || after === null
          ? null
          : totals.cpuMs + after - before;
    },
  };
  return { probe, totals };
}

export interface SlicedRun {
  readonly noop: SdkPhaseStats;
  readonly work: SdkPhaseStats;
  /** CPU time of this process (the hub) in each phase's slices. */
  readonly noopHubCpuMs: number;
  readonly workHubCpuMs: number;
  /** The ledger's group commits during the payment slices. */
  readonly workBatches: BatchCounts;
}

export interface SliceOptions {
  readonly seconds: number;
  /** What the payment slices send, for the progress lines: "agreement payments". */
  readonly what: string;
  readonly progress: (line: string) => void;
  /** The hub's group commits, counted as they happen. */
  readonly batches: BatchTally;
  readonly probe?: WorkSliceProbe | undefined;
}

/**
 * Slices of the reference and of payments alternate, so a change in the machine's other load
 * (these machines are shared) falls on both alike and their ratio holds. The hub is the only
 * thing this process runs, so its CPU time in a slice is the hub's.
 */
export async function runAlternatingSlices(
  driver: SdkDriverProcess,
  workPhase: Exclude<SdkPhaseStats["phase"], "noop">,
  options: SliceOptions,
): Promise<SlicedRun> {
  const cpu = { noop: 0, work: 0 };
  let workBatches = noBatches;
  const slice = async (phase: SdkPhaseStats["phase"], seconds: number) => {
    if (phase !== "noop") await options.probe?.before();
    const batchesBefore = options.batches.snapshot();
    const before = process.cpuUsage();
    const ran = await driver.ask({ type: "run", phase, durationMs: seconds * 1000 }, "ran");
    const used = process.cpuUsage(before);
    cpu[phase === "noop" ? "noop" : "work"] += (used.user + used.system) / 1000;
    if (phase !== "noop") {
      const since = batchesBetween(batchesBefore, options.batches.snapshot());
      workBatches = addBatches(workBatches, since);
      await options.probe?.after();
    }
    return ran.answered;
  };
  options.progress(
    `measuring: ${options.seconds} s of signed POST /v1/ping and ${options.seconds} s of ${options.what}, alternating every ${sliceSeconds} s`,
  );
  for (let done = 0; done < options.seconds; done += sliceSeconds) {
    const seconds = Math.min(sliceSeconds, options.seconds - done);
    const pings = await slice("noop", seconds);
    const payments = await slice(workPhase, seconds);
    options.progress(
      `  ${done + seconds} / ${options.seconds} s: ${pings} no-op requests, ${payments} ${options.what}`,
    );
  }
  const { stats } = await driver.ask({ type: "report" }, "report");
  const noop = stats.find((phase) => phase.phase === "noop");
  const work = stats.find((phase) => phase.phase === workPhase);
  if (noop === undefined || work === undefined) throw new Error("the driver lost a phase");
  return { noop, work, noopHubCpuMs: cpu.noop, workHubCpuMs: cpu.work, workBatches };
}

/** Starts the load driver for `config`, runs its work's slices alternating with no-ops, stops it. */
export function runSdkSlices(config: SdkDriverConfig, options: SliceOptions): Promise<SlicedRun> {
  return withSdkDriver(config, (driver) => runAlternatingSlices(driver, config.work.kind, options));
}

/** The figures every end-to-end benchmark reports of its timed phase. */
export interface SlicedFigures {
  /** Payments the hub answered 201 for in the timed phase, whatever their state. */
  readonly payments: number;
  readonly seconds: number;
  readonly paymentsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Payments by the state the hub first answered. */
  readonly answeredStates: Readonly<Record<string, number>>;
  readonly errors: number;
  readonly errorsByCode: Readonly<Record<string, number>>;
  /** The reference: signed POST /v1/ping through the same SDK client, alternating with payments. */
  readonly noopRequests: number;
  readonly noopSeconds: number;
  readonly noopRequestsPerSecond: number;
  readonly noopP50Ms: number;
  readonly noopP99Ms: number;
  readonly noopErrors: number;
  /** Payments per second over no-op requests per second. */
  readonly ratio: number;
  /** CPU time of the hub's process and of the driver's per payment and per no-op. */
  readonly hubCpuMsPerPayment: number;
  readonly noopHubCpuMsPerRequest: number;
  readonly driverCpuMsPerPayment: number;
  readonly noopDriverCpuMsPerRequest: number;
  /** The payment slices' ledger batches (group commits). */
  readonly ledgerBatches: number;
  readonly meanBatchSize: number;
  /** Mean time from a batch's start to its commit, in milliseconds. */
  readonly meanCommitMs: number;
}

export function slicedFigures(run: SlicedRun): SlicedFigures {
  const { noop, work } = run;
  const paymentsPerSecond = perSecond(work.answered, work.seconds);
  const noopRequestsPerSecond = perSecond(noop.answered, noop.seconds);
  return {
    payments: work.answered,
    seconds: work.seconds,
    paymentsPerSecond,
    p50Ms: work.p50Ms,
    p99Ms: work.p99Ms,
    maxMs: work.maxMs,
    answeredStates: work.byState,
    errors: work.errors,
    errorsByCode: work.errorsByCode,
    noopRequests: noop.answered,
    noopSeconds: noop.seconds,
    noopRequestsPerSecond,
    noopP50Ms: noop.p50Ms,
    noopP99Ms: noop.p99Ms,
    noopErrors: noop.errors,
    ratio: noopRequestsPerSecond === 0 ? 0 : round(paymentsPerSecond / noopRequestsPerSecond),
    hubCpuMsPerPayment: perRequest(run.workHubCpuMs, work.answered),
    noopHubCpuMsPerRequest: perRequest(run.noopHubCpuMs, noop.answered),
    driverCpuMsPerPayment: perRequest(work.driverCpuMs, work.answered),
    noopDriverCpuMsPerRequest: perRequest(noop.driverCpuMs, noop.answered),
    ...batchFigures(run.workBatches),
  };
}
