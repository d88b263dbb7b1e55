import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { verifyLedger } from "../app/ledger/verify-ledger.ts";
import type { Hub } from "../hub.ts";
import { checkPositions, mergeCreatedByPayer, type Network } from "./bench-api-positions.ts";
import type {
  DriverMessage,
  DriverPayer,
  ParentMessage,
  PhaseKind,
  PhaseStats,
} from "./bench-api-protocol.ts";
import { BenchChild } from "./bench-child.ts";
import { perRequest, perSecond, withCpuMs } from "./bench-figures.ts";
import {
  addBatches,
  type BatchCounts,
  type BatchTally,
  batchesBetween,
  batchFigures,
  noBatches,
  startBenchHub,
} from "./bench-hub.ts";
import {
  benchNetDebitCap,
  type OperatorApi,
  onboardWithKeys,
  operatorApi,
  pkcs8Base64,
  registerParticipants,
} from "./bench-network.ts";
import { type BenchBackend, openBenchStore, round } from "./bench-store.ts";

export interface ApiBenchOptions {
  readonly backend: BenchBackend;
  readonly databaseUrl: string;
  /** A running hub to drive instead of one started here; needs `operatorToken`. */
  readonly url?: string | undefined;
  /** An operator token of the hub at `url`, to onboard the bench's participants. */
  readonly operatorToken?: string | undefined;
  readonly connections: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  /** Transfers per bulk request; 0 sends single transfers. */
  readonly bulk: number;
  readonly payers: number;
  readonly progress: (line: string) => void;
}

export interface ApiBenchResult {
  /** The store of the hub started here, or "remote" for `--url`. */
  readonly backend: BenchBackend | "remote";
  readonly connections: number;
  readonly payers: number;
  /** Transfers per request: 1, or the bulk size. */
  readonly transfersPerRequest: number;
  /** The transfer phase. */
  readonly requests: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly transfersPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly errors: number;
  readonly errorsByCode: Readonly<Record<string, number>>;
  readonly itemErrorsByCode: Readonly<Record<string, number>>;
  /** The no-op phase: signed POST /v1/ping with the same bodies. */
  readonly noopRequests: number;
  readonly noopSeconds: number;
  readonly noopRequestsPerSecond: number;
  readonly noopP50Ms: number;
  readonly noopP99Ms: number;
  readonly noopMaxMs: number;
  readonly noopErrors: number;
  readonly noopErrorsByCode: Readonly<Record<string, number>>;
  /** Transfer requests per second over no-op requests per second. */
  readonly ratio: number;
  /** CPU time of the hub's process (all its threads) per request, in each phase; null for --url. */
  readonly hubCpuMsPerRequest: number | null;
  readonly noopHubCpuMsPerRequest: number | null;
  /** CPU time of the driver process (signing, HTTP client) per request, in each phase. */
  readonly driverCpuMsPerRequest: number;
  readonly noopDriverCpuMsPerRequest: number;
  /** The transfer phase's ledger batches (group commits); null for --url. */
  readonly ledgerBatches: number | null;
  readonly meanBatchSize: number | null;
  /** Mean time from a batch's start to its commit, in milliseconds. */
  readonly meanCommitMs: number | null;
  /** Requests sent while warming up (half pings, half transfers); not in the figures. */
  readonly warmupRequests: number;
  readonly warmupErrors: number;
  /** Transfers the hub answered 201 for, warm-up included. */
  readonly transfersCreated: number;
  readonly verified: boolean;
  readonly verifyProblems: readonly string[];
}

const benchCurrency = "CNY";
/** One minor unit, so a position's debits are the count of transfers it paid. */
const transferAmount = "0.01";
const driverFile = fileURLToPath(new URL("./bench-api-driver.ts", import.meta.url));

type DriverProcess = BenchChild<ParentMessage, DriverMessage>;

/** Where the driver sends its requests, and how the bench reaches the operator API there. */
interface Target {
  readonly origin: string;
  readonly operatorToken: string;
  /** The hub started here; undefined for `--url`. */
  readonly hub: Hub | undefined;
  /** The ledger batches of the hub started here, counted as they commit. */
  readonly batches: BatchTally | undefined;
  close(): Promise<void>;
}

async function startLocalTarget(options: ApiBenchOptions): Promise<Target> {
  const store = await openBenchStore(options.backend, options.databaseUrl);
  try {
    const bench = await startBenchHub(store.config, "bench api");
    const close = async () => {
      await bench.close();
      await store.dispose();
    };
    return { ...bench, close };
  } catch (error) {
    await store.dispose();
    throw error;
  }
}

function remoteTarget(url: string, operatorToken: string | undefined): Target {
  if (operatorToken === undefined || operatorToken === "") {
    throw new Error("--url needs an operator token in CLEARHUB_OPERATOR_TOKEN to onboard payers");
  }
  const origin = new URL(url).origin;
  return { origin, operatorToken, hub: undefined, batches: undefined, close: async () => {} };
}

/** Payers (payment institutions, each with a key) and as many payees (banks), named per run. */
async function onboardNetwork(operator: OperatorApi, payerCount: number): Promise<Network> {
  const run = randomBytes(4).toString("hex");
  const payers: DriverPayer[] = [];
  const payeeIds: string[] = [];
  for (let index = 0; index < payerCount; index++) {
    const id = `bench-${run}-payer-${index}`;
    const payeeId = `bench-${run}-payee-${index}`;
    await registerParticipants(
      operator,
      [{ id: payeeId, kind: "bank" }],
      benchCurrency,
      benchNetDebitCap,
    );
    const [{ keyId, privateKey }] = await onboardWithKeys(
      operator,
      [{ id, kind: "payment_institution" }],
      benchCurrency,
    );
    payers.push({ id, keyId, privateKeyPkcs8: pkcs8Base64(privateKey) });
    payeeIds.push(payeeId);
  }
  return { payers, payeeIds };
}

/** What a phase cost the hub started here, its slices added up. */
class HubCost {
  cpuMs = 0;
  batches: BatchCounts = noBatches;
}

/**
 * Slices of the two phases alternate, so a change in the machine's other load (these machines
 * are shared) falls on both alike and the ratio between them holds. A bulk request takes long
 * enough that a slice must be longer for its last answers not to weigh on the figures.
 */
function sliceSeconds(options: ApiBenchOptions): number {
  return Math.min(options.seconds, options.bulk === 0 ? 1 : 5);
}

interface Phases {
  readonly warmup: PhaseStats | undefined;
  readonly noop: PhaseStats;
  readonly transfers: PhaseStats;
  /** Null for --url. */
  readonly noopCost: HubCost | null;
  readonly transfersCost: HubCost | null;
}

/** One slice of a phase; answers the phase's requests so far. */
async function runSlice(
  target: Target,
  driver: DriverProcess,
  phase: PhaseKind,
  seconds: number,
  cost: HubCost,
): Promise<number> {
  const batchesBefore = target.batches?.snapshot();
  const { value: ran, cpuMs } = await withCpuMs(() =>
    driver.ask({ type: "run", phase, durationMs: seconds * 1000 }, "ran"),
  );
  cost.cpuMs += cpuMs;
  if (target.batches !== undefined && batchesBefore !== undefined) {
    cost.batches = addBatches(
      cost.batches,
      batchesBetween(batchesBefore, target.batches.snapshot()),
    );
  }
  return ran.requests;
}

async function runPhases(
  target: Target,
  driver: DriverProcess,
  options: ApiBenchOptions,
): Promise<Phases> {
  const what = options.bulk === 0 ? "single transfers" : `bulk requests of ${options.bulk}`;
  if (options.warmupSeconds > 0) {
    options.progress(`warm-up: pings and ${what} for ${options.warmupSeconds} s`);
    await driver.ask(
      { type: "run", phase: "mixed", durationMs: options.warmupSeconds * 1000 },
      "ran",
    );
  }
  const slice = sliceSeconds(options);
  options.progress(
    `measuring: ${options.seconds} s of signed POST /v1/ping and ${options.seconds} s of ${what}, alternating every ${slice} s`,
  );
  const noopCost = new HubCost();
  const transfersCost = new HubCost();
  for (let done = 0; done < options.seconds; done += slice) {
    const seconds = Math.min(slice, options.seconds - done);
    const pings = await runSlice(target, driver, "noop", seconds, noopCost);
    const transfers = await runSlice(target, driver, "transfers", seconds, transfersCost);
    options.progress(
      `  ${done + seconds} / ${options.seconds} s: ${pings} no-op and ${transfers} transfer requests`,
    );
  }
  const { stats } = await driver.ask({ type: "report" }, "report");
  const find = (phase: PhaseKind) => stats.find((candidate) => candidate.phase === phase);
  const noop = find("noop");
  const transfers = find("transfers");
  if (noop === undefined || transfers === undefined) throw new Error("the driver lost a phase");
  const local = target.hub !== undefined;
  return {
    warmup: find("mixed"),
    noop,
    transfers,
    noopCost: local ? noopCost : null,
    transfersCost: local ? transfersCost : null,
  };
}

function cpuPerRequest(cost: HubCost | null, stats: PhaseStats): number | null {
  return cost === null ? null : perRequest(cost.cpuMs, stats.requests);
}

/**
 * Starts a hub on a fresh store (or targets `url`), onboards payers with keys and payees, then
 * has a separate driver process send signed requests on `connections` keep-alive connections:
 * a warm-up, a phase of signed no-op pings, and a phase of transfers of the same duration.
 * Afterwards every acknowledged transfer must be in the ledger exactly once.
 */
export async function benchApi(options: ApiBenchOptions): Promise<ApiBenchResult> {
  const target =
    options.url === undefined
      ? await startLocalTarget(options)
      : remoteTarget(options.url, options.operatorToken);
  try {
    const operator = operatorApi(target.origin, target.operatorToken);
    const network = await onboardNetwork(operator, options.payers);
    const ledgerBefore = target.hub && (await verifyLedger(target.hub.ledgerStore));
    options.progress(
      `${target.hub === undefined ? target.origin : options.backend}: ${options.payers} payers ready, ${options.connections} connections from a separate driver process`,
    );
    const driver: DriverProcess = new BenchChild(driverFile, "load driver");
    let phases: Awaited<ReturnType<typeof runPhases>>;
    try {
      const config = {
        origin: target.origin,
        connections: options.connections,
        payers: network.payers,
        payeeIds: network.payeeIds,
        currency: benchCurrency,
        amount: transferAmount,
        bulk: options.bulk,
      };
      await driver.ask({ type: "configure", config }, "ready");
      phases = await runPhases(target, driver, options);
    } finally {
      await driver.close({ type: "exit" });
    }
    const { warmup, noop, transfers } = phases;
    const all = warmup === undefined ? [noop, transfers] : [warmup, noop, transfers];
    const batches = phases.transfersCost?.batches ?? null;
    const created = all.reduce((sum, phase) => sum + phase.transfersCreated, 0);
    options.progress("checking the positions and verifying the ledger…");
    const problems = await checkPositions(operator, network, mergeCreatedByPayer(all), {
      currency: benchCurrency,
      amount: transferAmount,
    });
    if (target.hub !== undefined && ledgerBefore !== undefined) {
      const report = await verifyLedger(target.hub.ledgerStore);
      problems.push(...report.problems);
      const added = report.transfers - ledgerBefore.transfers;
      if (added !== created) {
        problems.push(`the ledger holds ${added} new transfers, ${created} were acknowledged`);
      }
    }
    const requestsPerSecond = perSecond(transfers.requests, transfers.seconds);
    const noopRequestsPerSecond = perSecond(noop.requests, noop.seconds);
    return {
      backend: target.hub === undefined ? "remote" : options.backend,
      connections: options.connections,
      payers: options.payers,
      transfersPerRequest: Math.max(options.bulk, 1),
      requests: transfers.requests,
      seconds: transfers.seconds,
      requestsPerSecond,
      transfersPerSecond: perSecond(transfers.transfersCreated, transfers.seconds),
      p50Ms: transfers.p50Ms,
      p99Ms: transfers.p99Ms,
      maxMs: transfers.maxMs,
      errors: transfers.errors,
      errorsByCode: transfers.errorsByCode,
      itemErrorsByCode: transfers.itemErrorsByCode,
      noopRequests: noop.requests,
      noopSeconds: noop.seconds,
      noopRequestsPerSecond,
      noopP50Ms: noop.p50Ms,
      noopP99Ms: noop.p99Ms,
      noopMaxMs: noop.maxMs,
      noopErrors: noop.errors,
      noopErrorsByCode: noop.errorsByCode,
      ratio: noopRequestsPerSecond === 0 ? 0 : round(requestsPerSecond / noopRequestsPerSecond),
      hubCpuMsPerRequest: cpuPerRequest(phases.transfersCost, transfers),
      noopHubCpuMsPerRequest: cpuPerRequest(phases.noopCost, noop),
      driverCpuMsPerRequest: perRequest(transfers.driverCpuMs, transfers.requests),
      noopDriverCpuMsPerRequest: perRequest(noop.driverCpuMs, noop.requests),
      ...(batches === null
        ? { ledgerBatches: null, meanBatchSize: null, meanCommitMs: null }
        : batchFigures(batches)),
      warmupRequests: warmup?.requests ?? 0,
      warmupErrors: warmup?.errors ?? 0,
      transfersCreated: created,
      verified: problems.length === 0,
      verifyProblems: problems,
    };
  } finally {
    await target.close();
  }
}
