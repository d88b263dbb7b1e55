/**
 * Closing windows while three hub processes post without pause, on one PostgreSQL schema: the
 * test closes the open window thirty times as batches keep committing, confirms some windows
 * (their legs post amid the traffic) and aborts others into the next round. Every transfer a
 * process was told `ok` must lie in exactly one window; across the windows, each account's
 * gross flows must be exactly what the acknowledged transfers moved (nothing lost at a cut-off,
 * nothing counted twice), and its nets plus its legs exactly its balance.
 *
 * PostgreSQL only (SQLite is one process by construction). Skipped when the server is
 * unreachable, except under CI=true, where the harness fails instead.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { verifyLedger } from "../../../src/app/ledger/verify-ledger.ts";
import { verifySettlementWindows } from "../../../src/app/settlement/verify-settlement-windows.ts";
import type { Hub } from "../../../src/hub.ts";
import { postgresAvailable } from "../../support/backends.ts";
import {
  closeOpenWindow,
  deposit,
  openSettlementNetwork,
} from "../../support/settlement-network.ts";
import { testActor } from "../../support/test-actor.ts";
import { startWorkerProcess, type WorkerProcess } from "../../support/worker-process.ts";
import type {
  CloseParentMessage,
  CloseWorkerConfig,
  CloseWorkerMessage,
  CloseWorkerSubmission,
} from "./settlement-close-worker.ts";

const here = dirname(fileURLToPath(import.meta.url));
const workerFile = join(here, "settlement-close-worker.ts");

const workerCount = 3;
const closesCount = 30;
/** Batches that must commit between two closes, so each close cuts through live traffic. */
const batchesBetweenClosesMin = 3;
/** How often the parent looks at the journal head while it waits for those batches. */
const headPollMs = 5;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Worker extends WorkerProcess {
  readonly said: (type: CloseWorkerMessage["type"]) => Promise<void>;
}

function startWorker(config: CloseWorkerConfig): Worker {
  const started = startWorkerProcess(workerFile, config);
  const { child, stderr, exited } = started;
  const heard = new Set<string>();
  child.on("message", (message: CloseWorkerMessage) => heard.add(message.type));
  const said = (type: CloseWorkerMessage["type"]) =>
    new Promise<void>((resolve, reject) => {
      if (heard.has(type)) return resolve();
      child.on("message", (message: CloseWorkerMessage) => {
        if (message.type === type) resolve();
      });
      void exited.then((code) =>
        reject(new Error(`worker exited (${code}) before "${type}":\n${stderr.join("")}`)),
      );
    });
  return { ...started, said };
}

function tell(workers: readonly Worker[], type: CloseParentMessage["type"]): void {
  for (const worker of workers) worker.child.send({ type } satisfies CloseParentMessage);
}

async function batchesCommitted(hub: Hub, afterSeq: number, count: number): Promise<void> {
  for (;;) {
    if ((await hub.ledgerStore.readJournalHead()).seq >= afterSeq + count) return;
    await new Promise((resolve) => setTimeout(resolve, headPollMs));
  }
}

const postgres = await postgresAvailable();

describe.skipIf(!postgres)("closing windows amid three posting processes [postgres]", () => {
  it("puts every acknowledged transfer in exactly one window, however often the window closes", async () => {
    const started = performance.now();
    const banks = ["pa", "pb", "pc", "pd"];
    const network = await openSettlementNetwork("postgres", banks);
    cleanups.push(network.dispose);
    const { hub, position } = network;
    for (const id of banks) await deposit(hub, id, 1_000_000_000n, `dep-${id}`);
    const workers = Array.from({ length: workerCount }, (_, worker) =>
      startWorker({
        worker,
        databaseUrl: network.database.databaseUrl as string,
        currency: "USD",
        positions: banks.map((id) => position[id] as number),
        lanes: 8,
      }),
    );
    cleanups.push(async () => {
      for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill();
    });
    await Promise.all(workers.map((worker) => worker.said("ready")));
    tell(workers, "go");
    await Promise.all(workers.map((worker) => worker.said("posting")));

    const actions = { confirmed: 0, aborted: 0 };
    for (let close = 0; close < closesCount; close++) {
      const head = (await hub.ledgerStore.readJournalHead()).seq;
      await batchesCommitted(hub, head, batchesBetweenClosesMin);
      const window = await closeOpenWindow(hub);
      if (window.state !== "closed") continue;
      if (close % 4 === 1) {
        const outcome = await hub.settlement.confirm(window.id, { kind: "all" }, testActor);
        expect(outcome).toMatchObject({ kind: "confirmed", refused: [] });
        actions.confirmed++;
      } else if (close % 7 === 3) {
        expect(await hub.settlement.abort(window.id, testActor)).toMatchObject({
          window: { state: "aborted" },
        });
        actions.aborted++;
      }
    }
    tell(workers, "stop");
    const codes = await Promise.all(workers.map((worker) => worker.exited));
    for (const [index, code] of codes.entries()) {
      expect(code, `worker ${index}:\n${workers[index]?.stderr.join("")}`).toBe(0);
    }
    // The last transfers, and what the aborts carried, go into one more closed window.
    await closeOpenWindow(hub);

    const submissions = workers.flatMap(
      (worker) =>
        JSON.parse(
          worker.stdout.join("").trim().split("\n").at(-1) ?? "[]",
        ) as CloseWorkerSubmission[],
    );
    expect(submissions.filter((s) => s.result !== "ok")).toEqual([]);
    const head = (await hub.ledgerStore.readJournalHead()).seq;
    const transfers = await hub.ledgerStore.readTransfersOfBatches(1, head);
    const stored = new Map<string, number>();
    for (const t of transfers) stored.set(t.id, (stored.get(t.id) ?? 0) + 1);
    // Each acknowledged transfer once in the journal, and no transfer of a worker unacknowledged.
    expect(submissions.filter((s) => stored.get(s.id) !== 1)).toEqual([]);
    const acknowledged = new Set(submissions.map((s) => s.id));
    expect(transfers.filter((t) => /^w\d/.test(t.id) && !acknowledged.has(t.id))).toEqual([]);

    const windows = await hub.settlementStore.readWindowsAfter("USD", 0, 1_000);
    expect(windows).toHaveLength(closesCount + 2);
    for (const t of transfers) {
      const holding = windows.filter(
        (w) => t.batchSeq > w.startSeq && (w.endSeq === null || t.batchSeq <= w.endSeq),
      );
      expect(
        holding.map((w) => w.id),
        t.id,
      ).toHaveLength(1);
    }

    // What the acknowledged transfers moved, account by account, against the windows' figures:
    // aborted windows are left out, their positions being in the window they were carried into.
    const expected = new Map<number, { sent: bigint; received: bigint }>();
    const flowOf = (id: number) => {
      const flow = expected.get(id) ?? { sent: 0n, received: 0n };
      expected.set(id, flow);
      return flow;
    };
    for (const s of submissions.filter((s) => s.kind === "posted" || s.kind === "commit")) {
      flowOf(s.debitAccountId).sent += BigInt(s.amount);
      flowOf(s.creditAccountId).received += BigInt(s.amount);
    }
    const windowed = new Map<number, { sent: bigint; received: bigint; net: bigint }>();
    let busy = 0;
    for (const window of windows.filter((w) => w.state !== "open" && w.state !== "aborted")) {
      const positions = await hub.settlementStore.readPositions(window.id);
      if (positions.length > 0) busy++;
      expect(
        positions.reduce((sum, p) => sum + p.net, 0n),
        window.id,
      ).toBe(0n);
      for (const p of positions) {
        const sum = windowed.get(p.accountId) ?? { sent: 0n, received: 0n, net: 0n };
        sum.sent += p.grossSent;
        sum.received += p.grossReceived;
        sum.net += p.net;
        windowed.set(p.accountId, sum);
      }
      for (const leg of await hub.settlementStore.readLegs(window.id)) {
        expect(leg.state).toBe("posted");
        (windowed.get(leg.accountId) as { net: bigint }).net += leg.amount;
      }
    }
    const accounts = await hub.ledgerStore.readAllAccounts();
    for (const id of banks.map((bank) => position[bank] as number)) {
      const account = accounts.find((a) => a.id === id);
      expect(windowed.get(id), `account ${id}`).toEqual({
        sent: expected.get(id)?.sent,
        received: expected.get(id)?.received,
        net: (account?.creditsPosted ?? 0n) - (account?.debitsPosted ?? 0n),
      });
    }
    expect(busy, "windows that cut through traffic").toBeGreaterThan(closesCount / 2);
    expect(actions.confirmed).toBeGreaterThan(3);
    expect(actions.aborted).toBeGreaterThan(0);

    expect((await verifySettlementWindows(hub.settlementStore, hub.ledgerStore)).problems).toEqual(
      [],
    );
    expect((await verifyLedger(hub.ledgerStore)).problems).toEqual([]);
    console.info(
      `[settlement multi-process] ${submissions.length} transfers in ${head} batches, ${windows.length} windows (${busy} with flows, ${actions.confirmed} confirmed amid traffic, ${actions.aborted} aborted), ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 120_000);
});
