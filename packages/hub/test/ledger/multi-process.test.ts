/**
 * Group commit across processes: three hub processes share one PostgreSQL schema and post
 * thousands of transfers at once, most of them debiting the same hot position account, each
 * through its own group commit. Batches of different processes interleave in one journal; the
 * row locks (accounts in id order, then the journal head) must make that equivalent to one
 * serial ledger: one effect per transfer id, the net debit cap binding exactly, expiry and
 * commits of the same pending resolving to exactly one of them, and a hash chain that verifies.
 *
 * PostgreSQL only (SQLite is one process by construction). Skipped when the server is
 * unreachable, except under CI=true, where the harness fails instead.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { verifyLedger } from "../../src/app/ledger/verify-ledger.ts";
import type { AccountBalances } from "../../src/app/ports/ledger-store.ts";
import { exposure } from "../../src/domain/ledger/account.ts";
import { expiryTransferId, type StoredTransfer } from "../../src/domain/ledger/transfer.ts";
import { postgresAvailable } from "../support/backends.ts";
import { testActor } from "../support/test-actor.ts";
import { openTestHub } from "../support/test-hub.ts";
import { startWorkerProcess, type WorkerProcess } from "../support/worker-process.ts";
import type {
  ParentMessage,
  Submission,
  WorkerConfig,
  WorkerMessage,
  WorkerSummary,
} from "./multi-process-worker.ts";

const here = dirname(fileURLToPath(import.meta.url));
const workerFile = join(here, "multi-process-worker.ts");

const workerCount = 3;
const currency = "CNY";
const hotCap = 100_000n;
const participants = ["pa", "pb", "pc", "pd"] as const;

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Worker = WorkerProcess;

function startWorker(config: WorkerConfig): Worker {
  return startWorkerProcess(workerFile, config);
}

/**
 * Relays the workers' barriers: when every worker has sent `from`, each is sent `to`. Rejects
 * as soon as a worker exits before reaching the barrier, so a crashed worker never hangs the test.
 */
function relayBarriers(
  workers: readonly Worker[],
  steps: readonly [WorkerMessage["type"], ParentMessage["type"]][],
): Promise<void> {
  return new Promise((resolve, reject) => {
    const arrived = new Map<string, number>();
    let stepsDone = 0;
    for (const [index, worker] of workers.entries()) {
      worker.child.on("message", (message: WorkerMessage) => {
        const count = (arrived.get(message.type) ?? 0) + 1;
        arrived.set(message.type, count);
        const step = steps.find(([from]) => from === message.type);
        if (step === undefined || count < workers.length) return;
        for (const other of workers) other.child.send({ type: step[1] } satisfies ParentMessage);
        if (++stepsDone === steps.length) resolve();
      });
      void worker.exited.then((code) => {
        if (stepsDone < steps.length) {
          reject(
            new Error(
              `worker ${index} exited (${code}) before the barriers completed:\n${worker.stderr.join("")}`,
            ),
          );
        }
      });
    }
  });
}

function parseSummary(worker: Worker, index: number): WorkerSummary {
  const lines = worker.stdout.join("").trim().split("\n");
  const last = lines[lines.length - 1] ?? "";
  try {
    return JSON.parse(last) as WorkerSummary;
  } catch {
    throw new Error(
      `worker ${index} printed no summary:\n${worker.stdout.join("")}\n${worker.stderr.join("")}`,
    );
  }
}

interface Balances {
  debitsPosted: bigint;
  creditsPosted: bigint;
  debitsPending: bigint;
  creditsPending: bigint;
}

const balanceFields = ["debitsPosted", "creditsPosted", "debitsPending", "creditsPending"] as const;

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

const postgres = await postgresAvailable();

describe.skipIf(!postgres)("group commit across three hub processes [postgres]", () => {
  it("keeps one serial ledger when three processes post to the same hot accounts", async () => {
    const started = performance.now();
    // The shared schema and the parent's hub.
    const { hub, database, dispose } = await openTestHub("postgres");
    cleanups.push(dispose);
    const databaseUrl = database.databaseUrl;
    if (databaseUrl === undefined) throw new Error("the PostgreSQL test database has no URL");

    // ---- Setup: four participants, caps, deposits.
    const accountIds = new Map<string, number>();
    for (const id of participants) {
      const registered = await hub.participants.register(
        {
          id,
          name: id,
          kind: "bank",
          currencies: [{ currency, netDebitCap: 0n }],
        },
        testActor,
      );
      expect(registered.ok).toBe(true);
      const cap = id === "pa" ? hotCap : 1_000_000_000n;
      expect(
        (await hub.participants.setNetDebitCap(id, { currency, netDebitCap: cap }, testActor)).ok,
      ).toBe(true);
      for (const account of await hub.participantStore.listAccounts(id)) {
        accountIds.set(`${id}.${account.kind}`, account.id);
      }
      const deposit = await hub.funds.moveFunds(
        {
          transferId: `deposit-${id}`,
          participantId: id,
          direction: "in",
          currency,
          amount: id === "pd" ? 5_000n : 1_000_000n,
        },
        testActor,
      );
      expect(deposit).toEqual({ ok: true, value: "ok" });
    }
    const account = (key: string) => {
      const id = accountIds.get(key);
      if (id === undefined) throw new Error(`no account ${key}`);
      return id;
    };
    const hot = account("pa.position");
    const poorSettlement = account("pd.settlement");
    const before = await hub.ledgerStore.readAllAccounts();
    const setupHead = await hub.ledgerStore.readJournalHead();
    const setupIds = new Set(
      (await hub.ledgerStore.readTransfersOfBatches(1, setupHead.seq)).map((t) => t.id),
    );

    // ---- Three processes, in lock step.
    const workers = Array.from({ length: workerCount }, (_, worker) =>
      startWorker({
        worker,
        databaseUrl,
        currency,
        hot,
        hotCap: hotCap.toString(),
        positions: [account("pb.position"), account("pc.position"), account("pd.position")],
        poorSettlement,
        richSettlement: account("pa.settlement"),
        sweeper: worker < 2,
        postedCount: 2_500,
        pendingCount: 150,
        sharedPostedCount: 100,
        sharedPendingCount: 30,
      }),
    );
    cleanups.push(async () => {
      for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill();
    });
    await relayBarriers(workers, [
      ["ready", "go"],
      ["phase1-done", "drain"],
      ["drained", "fill"],
    ]);
    const exitCodes = await Promise.all(workers.map((worker) => worker.exited));
    for (const [index, code] of exitCodes.entries()) {
      expect(code, `worker ${index}:\n${workers[index]?.stderr.join("")}`).toBe(0);
    }
    const summaries = workers.map(parseSummary);
    const all: Submission[] = summaries.flatMap((summary) => summary.submissions);
    for (const summary of summaries) expect(summary.storageErrors).toEqual([]);
    expect(all.filter((s) => s.result === "storage_unavailable")).toEqual([]);

    // ---- Each transfer id took effect at most once, whichever process submitted it.
    const okCounts = countBy(
      all.filter((s) => s.result === "ok"),
      (s) => s.id,
    );
    expect([...okCounts].filter(([, count]) => count > 1)).toEqual([]);
    const ok = new Map(all.filter((s) => s.result === "ok").map((s) => [s.id, s]));

    // Same id, same fields, three processes at once: exactly one `ok`, the others `exists`.
    for (const role of ["shared-posted", "shared-pending", "shared-resolve-same-id"] as const) {
      const byId = new Map<string, string[]>();
      for (const s of all.filter((s) => s.role === role)) {
        byId.set(s.id, [...(byId.get(s.id) ?? []), s.result]);
      }
      expect(byId.size).toBeGreaterThan(0);
      for (const [id, results] of byId) {
        expect([id, results.sort()]).toEqual([id, ["exists", "exists", "ok"]]);
      }
    }
    // Different resolution ids for one pending from three processes: exactly one wins.
    const ownResolutions = new Map<string, string[]>();
    for (const s of all.filter((s) => s.role === "shared-resolve-own-id")) {
      ownResolutions.set(s.pendingId ?? "", [
        ...(ownResolutions.get(s.pendingId ?? "") ?? []),
        s.result,
      ]);
    }
    expect(ownResolutions.size).toBeGreaterThan(0);
    for (const [pendingId, results] of ownResolutions) {
      expect(results, pendingId).toHaveLength(workerCount);
      expect(
        results.filter((r) => r === "ok"),
        pendingId,
      ).toHaveLength(1);
      const winner = all.find(
        (s) => s.role === "shared-resolve-own-id" && s.pendingId === pendingId && s.result === "ok",
      );
      const lost = winner?.kind === "commit" ? "already_committed" : "already_voided";
      expect(results.filter((r) => r !== "ok").sort(), pendingId).toEqual([lost, lost]);
    }
    // Far beyond the cap: always refused, in every process.
    const overCap = all.filter((s) => s.role === "over-cap");
    expect(overCap.length).toBeGreaterThan(0);
    expect(new Set(overCap.map((s) => s.result))).toEqual(new Set(["exceeds_net_debit_cap"]));
    // Every path really ran.
    const resultsOf = (role: string) =>
      countBy(
        all.filter((s) => s.role === role),
        (s) => s.result,
      );
    const posted = resultsOf("posted");
    expect(posted.get("ok") ?? 0).toBeGreaterThan(1_000);
    expect(posted.get("exceeds_net_debit_cap") ?? 0).toBeGreaterThan(0);
    expect(posted.get("insufficient_liquidity") ?? 0).toBeGreaterThan(0);
    const racy = resultsOf("resolve-racy");
    expect(racy.get("ok") ?? 0, "racy commits that won").toBeGreaterThan(0);
    expect(racy.get("pending_expired") ?? 0, "racy commits that lost").toBeGreaterThan(0);
    expect(new Set(racy.keys())).toEqual(new Set(["ok", "pending_expired"]));
    const long = resultsOf("resolve-long");
    expect(new Set(long.keys())).toEqual(new Set(["ok"]));
    expect(
      all.filter((s) => s.role === "resolve-long" && s.kind === "void").length,
    ).toBeGreaterThan(0);
    const pendingCreated = all.filter(
      (s) => (s.role === "pending-long" || s.role === "pending-racy") && s.result === "ok",
    );
    expect(pendingCreated.length).toBeGreaterThan(60);

    // ---- Expected balances: the state before the workers plus each `ok` once.
    const expected = new Map<number, Balances>(
      before.map((a) => [
        a.id,
        {
          debitsPosted: a.debitsPosted,
          creditsPosted: a.creditsPosted,
          debitsPending: a.debitsPending,
          creditsPending: a.creditsPending,
        },
      ]),
    );
    const balancesOf = (id: number | undefined) => {
      const balances = expected.get(id ?? -1);
      if (balances === undefined) throw new Error(`unknown account ${id}`);
      return balances;
    };
    const pendingOf = (pendingId: string | undefined) => {
      const pending = ok.get(pendingId ?? "");
      if (pending === undefined || pending.kind !== "pending") {
        throw new Error(`resolution of ${pendingId}, which no process created`);
      }
      return pending;
    };
    const resolvedPendings = new Set<string>();
    for (const s of ok.values()) {
      if (s.kind === "posted" || s.kind === "pending") {
        const amount = BigInt(s.amount ?? "0");
        const debit = balancesOf(s.debitAccountId);
        const credit = balancesOf(s.creditAccountId);
        if (s.kind === "posted") {
          debit.debitsPosted += amount;
          credit.creditsPosted += amount;
        } else {
          debit.debitsPending += amount;
          credit.creditsPending += amount;
        }
        continue;
      }
      const pending = pendingOf(s.pendingId);
      expect(resolvedPendings.has(pending.id), `${pending.id} resolved twice`).toBe(false);
      resolvedPendings.add(pending.id);
      const amount = BigInt(pending.amount ?? "0");
      const debit = balancesOf(pending.debitAccountId);
      const credit = balancesOf(pending.creditAccountId);
      debit.debitsPending -= amount;
      credit.creditsPending -= amount;
      if (s.kind === "commit") {
        debit.debitsPosted += amount;
        credit.creditsPosted += amount;
      }
    }
    // What no commit or void resolved must have expired (open pendings drained before the fill).
    const expiredIds = [...ok.values()]
      .filter((s) => s.kind === "pending" && !resolvedPendings.has(s.id))
      .map((s) => s.id);
    for (const id of expiredIds) {
      const pending = pendingOf(id);
      const amount = BigInt(pending.amount ?? "0");
      balancesOf(pending.debitAccountId).debitsPending -= amount;
      balancesOf(pending.creditAccountId).creditsPending -= amount;
    }
    expect(expiredIds.length, "pendings released by expiry").toBeGreaterThan(0);
    expect(await hub.ledgerStore.readOpenPendingIds()).toEqual([]);

    const accounts = await hub.ledgerStore.readAllAccounts();
    const stored = new Map(
      accounts.map((a) => [
        a.id,
        Object.fromEntries(balanceFields.map((field) => [field, a[field]])) as unknown as Balances,
      ]),
    );
    expect(stored).toEqual(expected);

    // ---- The journal holds exactly those effects: each `ok` once, one expiry per expired pending.
    const head = await hub.ledgerStore.readJournalHead();
    const transfers = await hub.ledgerStore.readTransfersOfBatches(1, head.seq);
    const storedIds = countBy(transfers, (t) => t.id);
    expect([...storedIds].filter(([, count]) => count > 1)).toEqual([]);
    const expectedIds = new Set([...setupIds, ...ok.keys(), ...expiredIds.map(expiryTransferId)]);
    expect(new Set(storedIds.keys())).toEqual(expectedIds);
    const expiredBySweeps = summaries.reduce((sum, summary) => sum + summary.expiredBySweeps, 0);
    expect(expiredBySweeps).toBe(expiredIds.length);

    // Commits happened before the pending's timeout, expiries after it.
    const byId = new Map(transfers.map((t) => [t.id, t]));
    for (const t of transfers) {
      if (t.pendingId === null) continue;
      const expiresAt = byId.get(t.pendingId)?.expiresAt ?? null;
      expect(expiresAt, t.id).not.toBeNull();
      if (t.kind === "expire")
        expect(t.createdAt, t.id).toBeGreaterThanOrEqual(expiresAt as number);
      else expect(t.createdAt, t.id).toBeLessThan(expiresAt as number);
    }

    // ---- Replayed in journal order, no limited account is ever beyond its limit.
    const limits = new Map(accounts.map((a) => [a.id, a]));
    const replay = new Map<number, Balances>(
      accounts.map((a) => [
        a.id,
        { debitsPosted: 0n, creditsPosted: 0n, debitsPending: 0n, creditsPending: 0n },
      ]),
    );
    let hotPeak = 0n;
    const beyond: string[] = [];
    for (const t of transfers)
      replayTransfer(
        replay,
        t,
        limits,
        beyond,
        (e) => {
          if (e > hotPeak) hotPeak = e;
        },
        hot,
      );
    expect(beyond).toEqual([]);
    expect(hotPeak).toBeLessThanOrEqual(hotCap);

    // The cap binds exactly: after the fill, the hot account sits at its cap, not a unit beyond.
    const hotAccount = accounts.find((a) => a.id === hot) as AccountBalances;
    expect(exposure({ ...hotAccount, participantActive: true })).toBe(hotCap);
    expect(hotAccount.debitsPending).toBe(0n);
    const fills = resultsOf("fill");
    expect(fills.get("exceeds_net_debit_cap") ?? 0).toBeGreaterThanOrEqual(workerCount);

    // ---- The hash chain runs through the interleaved batches of all three processes.
    const report = await verifyLedger(hub.ledgerStore);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.transfers).toBe(transfers.length);
    const batchesSeq = new Map<number, Set<string>>();
    for (const t of transfers) {
      if (t.batchSeq <= setupHead.seq) continue;
      const owner = /^w(\d+)-/.exec(t.id)?.[1];
      if (owner === undefined) continue;
      const owners = batchesSeq.get(t.batchSeq) ?? new Set<string>();
      owners.add(owner);
      batchesSeq.set(t.batchSeq, owners);
    }
    // A batch is one process's transaction; the processes' batches alternate in the journal.
    const owners = [...batchesSeq.entries()].sort(([a], [b]) => a - b).map(([, set]) => [...set]);
    expect(owners.filter((set) => set.length !== 1)).toEqual([]);
    let switches = 0;
    for (let i = 1; i < owners.length; i++) if (owners[i]?.[0] !== owners[i - 1]?.[0]) switches++;
    expect(head.seq - setupHead.seq).toBeGreaterThan(3);
    expect(switches).toBeGreaterThan(3);
    expect(new Set(owners.map((set) => set[0]))).toEqual(new Set(["0", "1", "2"]));
    for (const summary of summaries) {
      expect(
        Math.max(...summary.batchSizes),
        `worker ${summary.worker} batch sizes`,
      ).toBeGreaterThan(1);
    }

    const batchCounts = summaries.map((summary) => summary.batchSizes.length);
    console.info(
      `[multi-process] ${all.length} submissions, ${transfers.length - setupIds.size} transfers in ${head.seq - setupHead.seq} batches (per process ${batchCounts.join("/")}, ${switches} process switches), ${pendingCreated.length} pendings (${racy.get("ok") ?? 0} racy commits won, ${expiredIds.length} expired), ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 180_000);
});

/** Applies one stored transfer; reports any limited account that ends beyond its limit. */
function replayTransfer(
  replay: Map<number, Balances>,
  t: StoredTransfer,
  limits: ReadonlyMap<number, AccountBalances>,
  beyond: string[],
  onHotExposure: (exposure: bigint) => void,
  hot: number,
): void {
  const debit = replay.get(t.debitAccountId) as Balances;
  const credit = replay.get(t.creditAccountId) as Balances;
  if (t.kind === "posted") {
    debit.debitsPosted += t.amount;
    credit.creditsPosted += t.amount;
  } else if (t.kind === "pending") {
    debit.debitsPending += t.amount;
    credit.creditsPending += t.amount;
  } else {
    debit.debitsPending -= t.amount;
    credit.creditsPending -= t.amount;
    if (t.kind === "commit") {
      debit.debitsPosted += t.amount;
      credit.creditsPosted += t.amount;
    }
  }
  for (const id of [t.debitAccountId, t.creditAccountId]) {
    const balances = replay.get(id) as Balances;
    const netDebit = balances.debitsPosted + balances.debitsPending - balances.creditsPosted;
    if (id === hot) onHotExposure(netDebit);
    const limit = limits.get(id)?.debitLimit ?? null;
    if (limit !== null && netDebit > limit) {
      beyond.push(
        `${t.id} (batch ${t.batchSeq}) took account ${id} to ${netDebit}, limit ${limit}`,
      );
    }
  }
}
