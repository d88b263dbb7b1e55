/**
 * Two hub nodes on one PostgreSQL store (each its own connection pool and group commit)
 * confirming the same window at the same moment, then again and again: the legs post once, the
 * settlement accounts move by exactly the net positions, and the window ends settled. A
 * confirmation racing an abort: exactly one of them wins, and the loser says why. SQLite is one
 * process by construction: there the same hub runs both at once, interleaved at every await.
 */
import { afterEach, expect, it } from "vitest";
import { verifyLedger } from "../../../src/app/ledger/verify-ledger.ts";
import type { SettlementStore } from "../../../src/app/ports/settlement-store.ts";
import type { ConfirmScope } from "../../../src/app/settlement/settlement-service.ts";
import { SettlementService } from "../../../src/app/settlement/settlement-service.ts";
import { verifySettlementWindows } from "../../../src/app/settlement/verify-settlement-windows.ts";
import { type Hub, openHub } from "../../../src/hub.ts";
import { type Backend, describeEachBackend } from "../../support/backends.ts";
import {
  closeOpenWindow,
  deposit,
  openSettlementNetwork,
  type SettlementNetwork,
  submitAll,
} from "../../support/settlement-network.ts";
import { testActor } from "../../support/test-actor.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const banks = ["ba", "bb", "bc"];
const reserve = 1_000_000n;
const rounds = 8;

async function twoNodes(backend: Backend): Promise<{ network: SettlementNetwork; other: Hub }> {
  const network = await openSettlementNetwork(backend, banks);
  cleanups.push(network.dispose);
  for (const id of banks) await deposit(network.hub, id, reserve, `dep-${id}`);
  if (backend === "sqlite") return { network, other: network.hub };
  const other = await openHub({
    databaseUrl: network.database.databaseUrl,
    dataDir: network.database.dataDir,
    expirePendings: false,
    purgeExpired: false,
  });
  cleanups.push(() => other.close());
  return { network, other };
}

/** One round of traffic: ba pays bb and bc, bc pays bb; nets ba −(30+r), bb +(25+r), bc +5. */
async function traffic(network: SettlementNetwork, round: number): Promise<void> {
  const { position: p } = network;
  const usd = { currency: "USD" } as const;
  await submitAll(network.hub, [
    {
      kind: "posted",
      id: `r${round}-1`,
      debitAccountId: p.ba as number,
      creditAccountId: p.bb as number,
      amount: BigInt(20 + round),
      ...usd,
    },
    {
      kind: "posted",
      id: `r${round}-2`,
      debitAccountId: p.ba as number,
      creditAccountId: p.bc as number,
      amount: 10n,
      ...usd,
    },
    {
      kind: "posted",
      id: `r${round}-3`,
      debitAccountId: p.bc as number,
      creditAccountId: p.bb as number,
      amount: 5n,
      ...usd,
    },
  ]);
}

/**
 * The hub's settlement service, but one that calls `onLock` once it has asked for the window's
 * row lock to begin settling (an abort started then meets it at the lock itself), or once it
 * has begun (the window is pending settlement, its legs not posted yet).
 */
function confirmingWith(
  hub: Hub,
  moment: "asking" | "begun",
  onLock: () => void,
): SettlementService {
  const store = hub.settlementStore;
  const hooked = new Proxy(store, {
    get(target, key) {
      if (key === "beginSettlement") {
        return (...args: Parameters<SettlementStore["beginSettlement"]>) => {
          const beginning = target.beginSettlement(...args);
          if (moment === "asking") onLock();
          return moment === "asking" ? beginning : beginning.finally(onLock);
        };
      }
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return new SettlementService(hooked, hub.ledger, hub.auditLogStore, hub.participantStore);
}

async function balances(hub: Hub, kind: "position" | "settlement") {
  const out = { ba: 0n, bb: 0n, bc: 0n };
  for (const id of banks) {
    const account = await hub.participantStore.findAccount(id, "USD", kind);
    out[id as keyof typeof out] = (account?.creditsPosted ?? 0n) - (account?.debitsPosted ?? 0n);
  }
  return out;
}

async function expectVerified(hub: Hub): Promise<void> {
  expect((await verifyLedger(hub.ledgerStore)).problems).toEqual([]);
  expect((await verifySettlementWindows(hub.settlementStore, hub.ledgerStore)).problems).toEqual(
    [],
  );
}

describeEachBackend("confirmations racing on two hub nodes", (backend) => {
  it("moves a window's money once when two nodes confirm it at once, and again", async () => {
    const { network, other } = await twoNodes(backend);
    const { hub } = network;
    const scopes: [ConfirmScope, ConfirmScope][] = [
      [{ kind: "all" }, { kind: "all" }],
      [{ kind: "all" }, { kind: "participants", participantIds: ["ba"] }],
      [
        { kind: "participants", participantIds: ["ba", "bb"] },
        { kind: "participants", participantIds: ["bb", "bc"] },
      ],
    ];
    let owed = 0n;
    for (let round = 0; round < rounds; round++) {
      await traffic(network, round);
      owed += BigInt(30 + round);
      const window = await closeOpenWindow(hub);
      const [first, second] = scopes[round % scopes.length] as [ConfirmScope, ConfirmScope];
      const outcomes = await Promise.all([
        hub.settlement.confirm(window.id, first, testActor),
        other.settlement.confirm(window.id, second, testActor),
      ]);
      for (const outcome of outcomes) {
        if (outcome.kind === "confirmed") expect(outcome.refused).toEqual([]);
        else expect(outcome).toEqual({ kind: "refused", refusal: "window_already_settled" });
      }
      // Whatever the race left pending, the rest settles now; more confirmations change nothing.
      await hub.settlement.confirm(window.id, { kind: "all" }, testActor);
      for (const node of [other, hub]) {
        expect(await node.settlement.confirm(window.id, { kind: "all" }, testActor)).toEqual({
          kind: "refused",
          refusal: "window_already_settled",
        });
      }
      const report = await hub.settlement.report(window.id);
      expect(report?.window.state).toBe("settled");
      expect(report?.legs.map((leg) => [leg.participantId, leg.state, leg.amount])).toEqual([
        ["ba", "posted", BigInt(30 + round)],
        ["bb", "posted", -BigInt(25 + round)],
        ["bc", "posted", -5n],
      ]);
      // The settlement accounts moved by every window's nets once; the positions are back at zero.
      expect(await balances(hub, "settlement")).toEqual({
        ba: reserve - owed,
        bb: reserve + owed - 5n * BigInt(round + 1),
        bc: reserve + 5n * BigInt(round + 1),
      });
      expect(await balances(hub, "position")).toEqual({ ba: 0n, bb: 0n, bc: 0n });
    }
    await expectVerified(hub);
  });

  it("lets exactly one of a confirmation and an abort racing for a window win", async () => {
    const { network, other } = await twoNodes(backend);
    const { hub } = network;
    const winners: string[] = [];
    for (let round = 0; round < rounds; round++) {
      await traffic(network, round);
      const window = await closeOpenWindow(hub);
      // Four ways to meet, in turn: the abort first; both started at once; the abort started
      // just as the confirmation asks for the window's lock (a true race at the lock); the
      // abort once the confirmation holds the window. The first and last have a known winner.
      const mode = round % 4;
      const [confirmer, aborter] = round % 2 === 0 ? [hub, other] : [other, hub];
      let aborting: ReturnType<Hub["settlement"]["abort"]> | undefined;
      const abort = () => {
        aborting ??= aborter.settlement.abort(window.id, testActor);
        return aborting;
      };
      if (mode === 0) await abort();
      if (mode === 1) void abort();
      const service =
        mode === 2
          ? confirmingWith(confirmer, "asking", () => void abort())
          : mode === 3
            ? confirmingWith(confirmer, "begun", () => void abort())
            : confirmer.settlement;
      const confirmed = await service.confirm(window.id, { kind: "all" }, testActor);
      const aborted = await abort();
      const state = (await hub.settlement.report(window.id))?.window.state;
      if (typeof aborted === "string") {
        expect(aborted).toMatch(
          mode === 3 ? /^window_settling$/ : /^window_(settling|already_settled)$/,
        );
        expect(confirmed).toMatchObject({ kind: "confirmed", refused: [] });
        expect(state).toBe("settled");
        expect(mode).not.toBe(0);
        winners.push("confirm");
      } else {
        expect(confirmed).toEqual({ kind: "refused", refusal: "window_aborted" });
        expect(state).toBe("aborted");
        expect(mode).not.toBe(3);
        expect((await hub.settlement.report(window.id))?.legs).toEqual([]);
        winners.push("abort");
      }
    }
    // Whatever was aborted settles with the last round: no bank owes anything after it.
    const last = await closeOpenWindow(hub);
    if (last.state === "closed") {
      expect(await hub.settlement.confirm(last.id, { kind: "all" }, testActor)).toMatchObject({
        window: { state: "settled" },
      });
    }
    expect(await balances(hub, "position")).toEqual({ ba: 0n, bb: 0n, bc: 0n });
    const settlement = await balances(hub, "settlement");
    expect(settlement.ba + settlement.bb + settlement.bc).toBe(3n * reserve);
    expect(settlement.bc).toBe(reserve + 5n * BigInt(rounds));
    console.info(`[confirm vs abort, ${backend}] winners: ${winners.join(" ")}`);
    expect(new Set(winners)).toEqual(new Set(["confirm", "abort"]));
    await expectVerified(hub);
  });
});

/** A store whose `method` waits for `gate` before it runs, and says when it has run. */
function gated<K extends "dropRefusedLegs" | "beginSettlement">(
  store: SettlementStore,
  method: K,
  around: (run: () => ReturnType<SettlementStore[K]>) => ReturnType<SettlementStore[K]>,
): SettlementStore {
  return new Proxy(store, {
    get(target, key) {
      if (key === method) {
        return (...args: unknown[]) =>
          around(() =>
            (target[method] as (...a: unknown[]) => ReturnType<SettlementStore[K]>)(...args),
          );
      }
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describeEachBackend("a refused leg racing a confirmation that posts it", (backend) => {
  // With bb's line too, A leaves bb's leg behind; with ba's alone, A forgets every leg and
  // sends the window back to closed, as if nothing had moved.
  it.each([{ fileLists: ["ba", "bb"] }, { fileLists: ["ba"] }])(
    "keeps the leg a second confirmation posted while the first forgets its refusal ($fileLists)",
    async ({ fileLists }) => {
      const network = await openSettlementNetwork(backend, banks);
      cleanups.push(network.dispose);
      const { hub, position: p } = network;
      await deposit(hub, "ba", 50n, "dep-a");
      await submitAll(hub, [
        {
          kind: "posted",
          id: "t1",
          debitAccountId: p.ba as number,
          creditAccountId: p.bb as number,
          amount: 80n,
          currency: "USD",
        },
      ]);
      const window = await closeOpenWindow(hub);
      // A: the bank's file says ba paid 80, but ba's reserve holds 50: the ledger refuses ba's leg.
      // A stops just before it forgets that leg, until B has begun.
      let releaseDrop = () => {};
      const dropMayRun = new Promise<void>((resolve) => {
        releaseDrop = resolve;
      });
      let reached = () => {};
      const dropReached = new Promise<void>((resolve) => {
        reached = resolve;
      });
      let dropped = () => {};
      const dropDone = new Promise<void>((resolve) => {
        dropped = resolve;
      });
      const first = new SettlementService(
        gated(hub.settlementStore, "dropRefusedLegs", (run) => {
          reached();
          return dropMayRun.then(run).finally(() => dropped());
        }),
        hub.ledger,
        hub.auditLogStore,
        hub.participantStore,
      );
      const lines = [
        {
          line: 2,
          windowId: window.id,
          participantId: "ba",
          direction: "pay",
          amount: "0.80",
          currency: "USD",
        },
        {
          line: 3,
          windowId: window.id,
          participantId: "bb",
          direction: "receive",
          amount: "0.80",
          currency: "USD",
        },
      ];
      const firstDone = first.confirmFile(
        window.id,
        lines.filter((line) => fileLists.includes(line.participantId)),
        testActor,
      );
      // B: ba's reserve is topped up meanwhile; B begins, then lets A forget, then posts ba's leg.
      await dropReached;
      await deposit(hub, "ba", 30n, "dep-a2");
      const second = new SettlementService(
        gated(hub.settlementStore, "beginSettlement", (run) =>
          run().then(async (refusal) => {
            releaseDrop();
            await dropDone;
            return refusal;
          }),
        ),
        hub.ledger,
        hub.auditLogStore,
        hub.participantStore,
      );
      const outcomes = await Promise.all([
        firstDone,
        second.confirm(window.id, { kind: "participants", participantIds: ["ba"] }, testActor),
      ]);
      expect(outcomes[0]).toMatchObject({ refused: [{ participantId: "ba" }] });
      expect(outcomes[1]).toMatchObject({ kind: "confirmed", refused: [] });
      if (!fileLists.includes("bb")) {
        // ba's money moved: the window may not be aborted, and settles with bb's leg.
        expect((await hub.settlement.report(window.id))?.window.state).toBe("pending_settlement");
        expect(await hub.settlement.abort(window.id, testActor)).toBe("window_settling");
        await hub.settlement.confirm(window.id, { kind: "all" }, testActor);
      }
      const report = await hub.settlement.report(window.id);
      expect(report?.legs.map((leg) => [leg.participantId, leg.state])).toEqual([
        ["ba", "posted"],
        ["bb", "posted"],
      ]);
      expect(report?.window.state).toBe("settled");
      await submitAll(hub, [
        {
          kind: "posted",
          id: "t2",
          debitAccountId: p.bb as number,
          creditAccountId: p.bc as number,
          amount: 5n,
          currency: "USD",
        },
      ]);
      const next = await closeOpenWindow(hub);
      expect(
        (await hub.settlement.report(next.id))?.positions.map((q) => [q.participantId, q.net]),
      ).toEqual([
        ["bb", -5n],
        ["bc", 5n],
      ]);
      await expectVerified(hub);
    },
  );
});
