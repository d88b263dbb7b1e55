/**
 * One hub process of test/ledger/multi-process.test.ts. Run as
 * `node --import tsx multi-process-worker.ts '<WorkerConfig as JSON>'` with an IPC channel.
 *
 * It opens its own hub on the shared PostgreSQL schema and, in lock step with its siblings
 * (the parent relays the barriers over IPC), posts thousands of transfers through its own group
 * commit: most debit one hot position account. It prints a `WorkerSummary` as one JSON line on
 * stdout and exits 0; any failure goes to stderr with exit code 1.
 */
import type { TransferResultCode } from "../../src/domain/ledger/result-code.ts";
import { isResolution, type TransferRequest } from "../../src/domain/ledger/transfer.ts";
import { type Hub, openHub } from "../../src/hub.ts";
import { runWorkerProcess, sendToParent } from "../support/worker-main.ts";

export interface WorkerConfig {
  readonly worker: number;
  readonly databaseUrl: string;
  readonly currency: string;
  /** The hot position account nearly everything debits. */
  readonly hot: number;
  /** Its net debit cap. */
  readonly hotCap: string;
  /** Position accounts of the other participants (credited by hot transfers). */
  readonly positions: readonly number[];
  /** A settlement account with few funds, debited until liquidity runs out. */
  readonly poorSettlement: number;
  /** The settlement account it pays into. */
  readonly richSettlement: number;
  /** Whether this worker runs expiry sweeps. */
  readonly sweeper: boolean;
  readonly postedCount: number;
  readonly pendingCount: number;
  readonly sharedPostedCount: number;
  readonly sharedPendingCount: number;
}

/** How a transfer request is categorised, for the parent's checks. */
export type Role =
  | "posted"
  | "over-cap"
  | "pending-long"
  | "pending-racy"
  | "resolve-long"
  | "resolve-racy"
  | "shared-posted"
  | "shared-pending"
  | "shared-resolve-same-id"
  | "shared-resolve-own-id"
  | "fill";

/** One submission and its result; amounts as decimal strings. */
export interface Submission {
  readonly role: Role;
  readonly id: string;
  readonly kind: TransferRequest["kind"];
  readonly debitAccountId?: number;
  readonly creditAccountId?: number;
  readonly amount?: string;
  readonly pendingId?: string;
  readonly result: TransferResultCode;
}

export interface WorkerSummary {
  readonly worker: number;
  readonly submissions: readonly Submission[];
  /** Sum of what this worker's `hub.expiry.sweep()` calls returned. */
  readonly expiredBySweeps: number;
  readonly sweeps: number;
  /** Transfers per batch this process committed, as `onBatch` reported them. */
  readonly batchSizes: readonly number[];
  readonly storageErrors: readonly string[];
}

export type ParentMessage = { type: "go" } | { type: "drain" } | { type: "fill" };
export type WorkerMessage = { type: "ready" } | { type: "phase1-done" } | { type: "drained" };

/** A seeded PRNG (mulberry32): the workload is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `jobs` with at most `concurrency` in flight. */
async function pool(concurrency: number, jobs: readonly (() => Promise<void>)[]): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, jobs.length) }, async () => {
    while (next < jobs.length) {
      const job = jobs[next++] as () => Promise<void>;
      await job();
    }
  });
  await Promise.all(lanes);
}

const inbox: ParentMessage["type"][] = [];
const waiters = new Map<ParentMessage["type"], () => void>();
process.on("message", (message: ParentMessage) => {
  const waiter = waiters.get(message.type);
  if (waiter === undefined) inbox.push(message.type);
  else {
    waiters.delete(message.type);
    waiter();
  }
});

function send(message: WorkerMessage): void {
  sendToParent(message);
}

function waitFor(type: ParentMessage["type"]): Promise<void> {
  const index = inbox.indexOf(type);
  if (index >= 0) {
    inbox.splice(index, 1);
    return Promise.resolve();
  }
  return new Promise((resolve) => waiters.set(type, resolve));
}

function openWorkerHub(config: WorkerConfig, batchSizes: number[], errors: string[]) {
  return openHub({
    databaseUrl: config.databaseUrl,
    expirePendings: false,
    groupCommit: {
      onBatch: (transfers) => batchSizes.push(transfers),
      onStorageError: (error) => errors.push(String(error)),
    },
  });
}

async function run(config: WorkerConfig): Promise<WorkerSummary> {
  const batchSizes: number[] = [];
  const storageErrors: string[] = [];
  const hub: Hub = await openWorkerHub(config, batchSizes, storageErrors);
  const submissions: Submission[] = [];
  const w = `w${config.worker}`;
  const rand = random(0x5eed + config.worker * 7919);
  const amount = (max: number) => BigInt(1 + Math.floor(rand() * max));
  const { currency, hot, positions } = config;
  const position = (i: number) => positions[i % positions.length] as number;

  async function submit(role: Role, request: TransferRequest): Promise<TransferResultCode> {
    const result = await hub.ledger.submitOne(request);
    submissions.push({
      role,
      id: request.id,
      kind: request.kind,
      ...(!isResolution(request)
        ? {
            debitAccountId: request.debitAccountId,
            creditAccountId: request.creditAccountId,
            amount: request.amount.toString(),
          }
        : { pendingId: request.pendingId }),
      result,
    });
    return result;
  }

  try {
    send({ type: "ready" });
    await waitFor("go");

    // ---- Phase 1: everything at once, in every process at once.
    const postedJobs: (() => Promise<void>)[] = [];
    for (let i = 0; i < config.postedCount; i++) {
      const id = `${w}-t-${i}`;
      const roll = rand();
      let request: TransferRequest;
      let role: Role = "posted";
      if (i % 50 === 49) {
        // Far beyond the cap whatever the hot account was credited: always refused.
        role = "over-cap";
        const huge = BigInt(config.hotCap) * 100n;
        request = {
          kind: "posted",
          id,
          debitAccountId: hot,
          creditAccountId: position(i),
          amount: huge,
          currency,
        };
      } else if (roll < 0.08) {
        // Some credits to the hot account, so its exposure moves both ways.
        request = {
          kind: "posted",
          id,
          debitAccountId: position(i),
          creditAccountId: hot,
          amount: amount(100),
          currency,
        };
      } else if (roll < 0.13) {
        request = {
          kind: "posted",
          id,
          debitAccountId: config.poorSettlement,
          creditAccountId: config.richSettlement,
          amount: amount(100),
          currency,
        };
      } else {
        request = {
          kind: "posted",
          id,
          debitAccountId: hot,
          creditAccountId: position(i),
          amount: amount(100),
          currency,
        };
      }
      postedJobs.push(async () => {
        await submit(role, request);
      });
    }

    const pendingJobs: (() => Promise<void>)[] = [];
    for (let i = 0; i < config.pendingCount; i++) {
      const id = `${w}-p-${i}`;
      const racy = i % 3 === 0;
      const timeoutMs = racy ? 1_000 : 120_000;
      const pendingAmount = amount(50);
      // Racy commits spread over 0..1.5 timeouts: early ones win, late ones lose to the sweeps,
      // those near the timeout race them, whatever the batch latency on a loaded machine.
      const delay = Math.floor(rand() * (racy ? 1_500 : 150));
      const commit = racy || i % 2 === 0;
      pendingJobs.push(async () => {
        const created = await submit(racy ? "pending-racy" : "pending-long", {
          kind: "pending",
          id,
          debitAccountId: hot,
          creditAccountId: position(i),
          amount: pendingAmount,
          currency,
          timeoutMs,
        });
        if (created !== "ok") return;
        await sleep(delay);
        await submit(racy ? "resolve-racy" : "resolve-long", {
          kind: commit ? "commit" : "void",
          id: `${id}-r`,
          pendingId: id,
        });
      });
    }

    // The same ids, with the same fields, submitted by every process in the same order.
    const sharedJobs: (() => Promise<void>)[] = [];
    for (let k = 0; k < Math.max(config.sharedPostedCount, config.sharedPendingCount); k++) {
      if (k < config.sharedPostedCount) {
        sharedJobs.push(async () => {
          await submit("shared-posted", {
            kind: "posted",
            id: `dup-${k}`,
            debitAccountId: position(0),
            creditAccountId: position(1),
            amount: BigInt(k + 1),
            currency,
          });
        });
      }
      if (k < config.sharedPendingCount) {
        sharedJobs.push(async () => {
          const pendingId = `sp-${k}`;
          const created = await submit("shared-pending", {
            kind: "pending",
            id: pendingId,
            debitAccountId: position(1),
            creditAccountId: position(2),
            amount: BigInt(10 + k),
            currency,
            timeoutMs: 120_000,
          });
          if (created !== "ok" && created !== "exists") return;
          if (k % 2 === 0) {
            // One commit id shared by all: one `ok`, the others `exists`.
            await submit("shared-resolve-same-id", {
              kind: "commit",
              id: `${pendingId}-c`,
              pendingId,
            });
          } else {
            // Each process its own resolution: one wins, the others learn how it was resolved.
            await submit("shared-resolve-own-id", {
              kind: config.worker === 1 ? "void" : "commit",
              id: `${w}-${pendingId}-r`,
              pendingId,
            });
          }
        });
      }
    }

    let phase1Done = false;
    let expiredBySweeps = 0;
    let sweeps = 0;
    const sweeping = (async () => {
      if (!config.sweeper) return;
      while (!phase1Done) {
        expiredBySweeps += await hub.expiry.sweep();
        sweeps++;
        await sleep(20 + Math.floor(rand() * 30));
      }
    })();

    await Promise.all([pool(128, postedJobs), pool(50, pendingJobs), pool(4, sharedJobs)]);
    phase1Done = true;
    await sweeping;

    // ---- Phase 2: once every process stopped creating pendings, release what expired.
    send({ type: "phase1-done" });
    await waitFor("drain");
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (config.sweeper) {
        expiredBySweeps += await hub.expiry.sweep();
        sweeps++;
      }
      if (storageErrors.length > 0) {
        throw new Error(`batches failed: ${storageErrors.slice(0, 3).join("; ")}`);
      }
      const open = await hub.ledgerStore.readOpenPendingIds();
      if (open.length === 0) break;
      if (Date.now() > deadline) {
        throw new Error(`${open.length} pendings still open, e.g. ${open.slice(0, 5).join(", ")}`);
      }
      await sleep(50);
    }

    // ---- Phase 3: nothing releases exposure any more; fill the hot account to its cap exactly.
    send({ type: "drained" });
    await waitFor("fill");
    let fillIndex = 0;
    const fillLanes = Array.from({ length: 16 }, async () => {
      let fillAmount = 32n;
      for (;;) {
        const id = `${w}-f-${fillIndex++}`;
        const result = await submit("fill", {
          kind: "posted",
          id,
          debitAccountId: hot,
          creditAccountId: position(fillIndex),
          amount: fillAmount,
          currency,
        });
        if (result === "ok") continue;
        if (result !== "exceeds_net_debit_cap") throw new Error(`fill ${id}: ${result}`);
        if (fillAmount === 1n) return;
        fillAmount /= 2n;
      }
    });
    await Promise.all(fillLanes);

    return {
      worker: config.worker,
      submissions,
      expiredBySweeps,
      sweeps,
      batchSizes,
      storageErrors,
    };
  } finally {
    await hub.close();
  }
}

await runWorkerProcess(run);
