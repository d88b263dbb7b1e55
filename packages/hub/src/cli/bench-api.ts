import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { exportPublicKeyRaw, generateSigningKeyPair } from "@clearhub/http-signatures";
import { generateDataKeyEntry } from "../adapters/crypto/data-key-entry.ts";
import { readMoney } from "../api/money-codec.ts";
import { issueOperatorToken } from "../api/operator-auth.ts";
import { type ApiServer, buildServer } from "../api/server.ts";
import { verifyLedger } from "../app/ledger/verify-ledger.ts";
import { commandLineActor } from "../domain/audit/audit-actor.ts";
import { type Hub, openHub } from "../hub.ts";
import type {
  DriverConfig,
  DriverMessage,
  DriverPayer,
  ParentMessage,
  PhaseKind,
  PhaseStats,
} from "./bench-api-protocol.ts";
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
/** Caps that never bind: the bench measures the path, not refusals. */
const netDebitCap = "1000000000000.00";
const driverFile = fileURLToPath(new URL("./bench-api-driver.ts", import.meta.url));
/** The driver is TypeScript too: it runs under the same loader as the CLI. */
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

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

interface BatchTally {
  batches: number;
  transfers: number;
  commitMs: number;
}

async function startLocalTarget(options: ApiBenchOptions): Promise<Target> {
  const store = await openBenchStore(options.backend, options.databaseUrl);
  let hub: Hub | undefined;
  let server: ApiServer | undefined;
  const batches: BatchTally = { batches: 0, transfers: 0, commitMs: 0 };
  const close = async () => {
    await server?.close();
    await hub?.close();
    await store.dispose();
  };
  try {
    hub = await openHub({
      ...store.config,
      expirePendings: false,
      // No endpoint is registered: there would be nothing to send.
      dispatchWebhooks: false,
      dataKeys: generateDataKeyEntry(new Date()).entry,
      groupCommit: {
        onBatch: (transfers, commitMs) => {
          batches.batches++;
          batches.transfers += transfers;
          batches.commitMs += commitMs;
        },
      },
    });
    // No request log: it would write to this command's own output.
    server = await buildServer(hub, { logger: false });
    await server.listen({ host: "127.0.0.1", port: 0 });
    const address = server.server.address();
    if (address === null || typeof address === "string") throw new Error("no TCP address");
    const { token } = await issueOperatorToken(hub, "bench api", commandLineActor);
    const origin = `http://127.0.0.1:${address.port}`;
    return { origin, operatorToken: token, hub, batches, close };
  } catch (error) {
    await close();
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

class OperatorClient {
  constructor(private readonly target: Target) {}

  async call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.target.origin}/operator/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.target.operatorToken}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  }
}

interface Network {
  readonly payers: readonly DriverPayer[];
  readonly payeeIds: readonly string[];
}

/** Payers (payment institutions, each with a key) and as many payees (banks), named per run. */
async function onboardNetwork(operator: OperatorClient, payerCount: number): Promise<Network> {
  const run = randomBytes(4).toString("hex");
  const register = (id: string, kind: string) =>
    operator.call("POST", "/participants", {
      id,
      name: `Bench ${id}`,
      kind,
      currencies: [{ currency: benchCurrency, netDebitCap }],
    });
  const payers: DriverPayer[] = [];
  const payeeIds: string[] = [];
  for (let index = 0; index < payerCount; index++) {
    const id = `bench-${run}-payer-${index}`;
    await register(id, "payment_institution");
    const { publicKey, privateKey } = generateSigningKeyPair();
    const { keyId } = await operator.call<{ keyId: string }>("POST", `/participants/${id}/keys`, {
      publicKey: exportPublicKeyRaw(publicKey),
    });
    const der = privateKey.export({ format: "der", type: "pkcs8" });
    payers.push({ id, keyId, privateKeyPkcs8: der.toString("base64") });
    const payeeId = `bench-${run}-payee-${index}`;
    await register(payeeId, "bank");
    payeeIds.push(payeeId);
  }
  return { payers, payeeIds };
}

/** The driver child process, spoken to one request at a time. */
class DriverProcess {
  private readonly child: ChildProcess;
  private waiting: ((message: DriverMessage) => void) | undefined;
  private failure: Error | undefined;
  private readonly exited: Promise<void>;

  constructor() {
    // A process of its own: its signing and HTTP client do not share the hub's event loop.
    this.child = fork(driverFile, [], {
      // Node's own flags carry over as fork's default would (--cpu-prof profiles both processes).
      execArgv: [...process.execArgv, "--import", tsxLoader],
      // Its standard output is ours, which --json keeps for the one result object.
      stdio: ["ignore", 2, 2, "ipc"],
    });
    this.child.on("message", (message: DriverMessage) => this.receive(message));
    this.exited = new Promise((resolve) => {
      this.child.on("exit", (code, signal) => {
        this.fail(new Error(`the load driver exited (${signal ?? code})`));
        resolve();
      });
    });
  }

  configure(config: DriverConfig): Promise<void> {
    return this.ask({ type: "configure", config }, "ready").then(() => undefined);
  }

  /** Runs one slice of the phase; answers the phase's requests so far. */
  async run(phase: PhaseKind, seconds: number): Promise<number> {
    const answer = await this.ask({ type: "run", phase, durationMs: seconds * 1000 }, "ran");
    if (answer.type !== "ran") throw new Error(`unexpected ${answer.type}`);
    return answer.requests;
  }

  /** Every phase's figures, its slices added up. */
  async report(): Promise<readonly PhaseStats[]> {
    const answer = await this.ask({ type: "report" }, "report");
    if (answer.type !== "report") throw new Error(`unexpected ${answer.type}`);
    return answer.stats;
  }

  async close(): Promise<void> {
    if (this.child.connected) this.child.send({ type: "exit" } satisfies ParentMessage);
    const timer = setTimeout(() => this.child.kill(), 5000);
    await this.exited;
    clearTimeout(timer);
  }

  private ask(message: ParentMessage, until: DriverMessage["type"]): Promise<DriverMessage> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = (answer) => {
        if (answer.type === "failed") reject(new Error(`load driver: ${answer.message}`));
        else if (answer.type === until) resolve(answer);
        else return;
        this.waiting = undefined;
      };
      this.child.send(message);
    });
  }

  private receive(message: DriverMessage): void {
    this.waiting?.(message);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.waiting?.({ type: "failed", message: error.message });
  }
}

interface AccountView {
  readonly kind: string;
  readonly currency: string;
  readonly debitsPosted: string;
  readonly creditsPosted: string;
}

function minor(amount: string): bigint {
  const read = readMoney(amount, benchCurrency, { allowZero: true });
  if (!read.ok) throw new Error(`the hub answered an unreadable amount ${amount}`);
  return read.minor;
}

/**
 * Every payer's position was debited exactly once per transfer acknowledged to it, and the
 * payees were credited the total: read through the operator API, so it holds for --url too.
 */
async function checkPositions(
  operator: OperatorClient,
  network: Network,
  createdByPayer: ReadonlyMap<string, number>,
): Promise<string[]> {
  const problems: string[] = [];
  const position = async (id: string) => {
    const found = await operator.call<{ accounts: AccountView[] }>("GET", `/participants/${id}`);
    const account = found.accounts.find(
      (candidate) => candidate.kind === "position" && candidate.currency === benchCurrency,
    );
    if (account === undefined) throw new Error(`${id} has no ${benchCurrency} position`);
    return account;
  };
  const each = minor(transferAmount);
  let total = 0n;
  for (const payer of network.payers) {
    const expected = BigInt(createdByPayer.get(payer.id) ?? 0) * each;
    const debited = minor((await position(payer.id)).debitsPosted);
    total += expected;
    if (debited !== expected) {
      problems.push(`${payer.id}: debited ${debited} minor units, acknowledged ${expected}`);
    }
  }
  let credited = 0n;
  for (const payeeId of network.payeeIds)
    credited += minor((await position(payeeId)).creditsPosted);
  if (credited !== total) problems.push(`payees credited ${credited}, acknowledged ${total}`);
  return problems;
}

function mergeCreatedByPayer(phases: readonly PhaseStats[]): Map<string, number> {
  const merged = new Map<string, number>();
  for (const phase of phases) {
    for (const [payer, created] of Object.entries(phase.createdByPayer)) {
      merged.set(payer, (merged.get(payer) ?? 0) + created);
    }
  }
  return merged;
}

function perSecond(count: number, seconds: number): number {
  return seconds === 0 ? 0 : Math.round(count / seconds);
}

/** What a phase cost the hub started here, its slices added up. */
class HubCost {
  cpuMs = 0;
  readonly batches: BatchTally = { batches: 0, transfers: 0, commitMs: 0 };
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

async function runSlice(
  target: Target,
  driver: DriverProcess,
  phase: PhaseKind,
  seconds: number,
  cost: HubCost,
): Promise<number> {
  const cpuBefore = process.cpuUsage();
  const tallyBefore = target.batches === undefined ? undefined : { ...target.batches };
  const requests = await driver.run(phase, seconds);
  const cpu = process.cpuUsage(cpuBefore);
  cost.cpuMs += (cpu.user + cpu.system) / 1000;
  if (target.batches !== undefined && tallyBefore !== undefined) {
    cost.batches.batches += target.batches.batches - tallyBefore.batches;
    cost.batches.transfers += target.batches.transfers - tallyBefore.transfers;
    cost.batches.commitMs += target.batches.commitMs - tallyBefore.commitMs;
  }
  return requests;
}

async function runPhases(
  target: Target,
  driver: DriverProcess,
  options: ApiBenchOptions,
): Promise<Phases> {
  const what = options.bulk === 0 ? "single transfers" : `bulk requests of ${options.bulk}`;
  if (options.warmupSeconds > 0) {
    options.progress(`warm-up: pings and ${what} for ${options.warmupSeconds} s`);
    await driver.run("mixed", options.warmupSeconds);
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
  const stats = await driver.report();
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
  return cost === null ? null : round(cost.cpuMs / Math.max(stats.requests, 1));
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
    const operator = new OperatorClient(target);
    const network = await onboardNetwork(operator, options.payers);
    const ledgerBefore = target.hub && (await verifyLedger(target.hub.ledgerStore));
    options.progress(
      `${target.hub === undefined ? target.origin : options.backend}: ${options.payers} payers ready, ${options.connections} connections from a separate driver process`,
    );
    const driver = new DriverProcess();
    let phases: Awaited<ReturnType<typeof runPhases>>;
    try {
      await driver.configure({
        origin: target.origin,
        connections: options.connections,
        payers: network.payers,
        payeeIds: network.payeeIds,
        currency: benchCurrency,
        amount: transferAmount,
        bulk: options.bulk,
      });
      phases = await runPhases(target, driver, options);
    } finally {
      await driver.close();
    }
    const { warmup, noop, transfers } = phases;
    const all = warmup === undefined ? [noop, transfers] : [warmup, noop, transfers];
    const batches = phases.transfersCost?.batches ?? null;
    const created = all.reduce((sum, phase) => sum + phase.transfersCreated, 0);
    options.progress("checking the positions and verifying the ledger…");
    const problems = await checkPositions(operator, network, mergeCreatedByPayer(all));
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
      driverCpuMsPerRequest: round(transfers.driverCpuMs / Math.max(transfers.requests, 1)),
      noopDriverCpuMsPerRequest: round(noop.driverCpuMs / Math.max(noop.requests, 1)),
      ledgerBatches: batches?.batches ?? null,
      meanBatchSize:
        batches === null ? null : round(batches.transfers / Math.max(batches.batches, 1), 1),
      meanCommitMs:
        batches === null ? null : round(batches.commitMs / Math.max(batches.batches, 1)),
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
