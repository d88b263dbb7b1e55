/**
 * Settlement windows under random traffic, on both backends: among 3 to 6 banks, posted
 * transfers (some in linked pairs), fees to the operator, pendings later committed or voided,
 * with closes, confirmations (whole or per participant, repeated) and aborts at random points.
 * A reference model, plain arithmetic over the generated transfers, predicts every window's
 * gross flows and net positions (with what aborted windows carried in) and its state after
 * each step; after every step the hub must agree with it, and: each window's positions sum to
 * zero; each posted leg moved exactly its position's net; every netted account's balance is
 * what the unsettled windows and the open one leave on it (a settled window contributes zero);
 * every transfer's batch lies in exactly one window; the ledger and the windows verify.
 */
import fc from "fast-check";
import { afterEach, expect, it } from "vitest";
import { verifyLedger } from "../../../src/app/ledger/verify-ledger.ts";
import { operatorParticipantId } from "../../../src/app/participants/participant-service.ts";
import { verifySettlementWindows } from "../../../src/app/settlement/verify-settlement-windows.ts";
import type { TransferRequest } from "../../../src/domain/ledger/transfer.ts";
import type { WindowState } from "../../../src/domain/settlement/settlement-window.ts";
import type { Hub } from "../../../src/hub.ts";
import { type Backend, describeEachBackend } from "../../support/backends.ts";
import {
  deposit,
  openSettlementNetwork,
  type SettlementNetwork,
} from "../../support/settlement-network.ts";
import { testActor } from "../../support/test-actor.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Runs per backend: each opens a fresh hub, and PostgreSQL's round trips cost more. */
const runsOf: Record<Backend, number> = { sqlite: 10, postgres: 4 };
const stepsMax = 18;
/** Every reserve covers any window: liquidity is another test's subject. */
const reserve = 1_000_000_000n;

type Step =
  | { readonly kind: "post"; readonly from: number; readonly to: number; readonly amount: number }
  | {
      readonly kind: "pair";
      readonly legs: readonly [number, number, number][];
    }
  | { readonly kind: "fee"; readonly from: number; readonly amount: number }
  | { readonly kind: "hold"; readonly from: number; readonly to: number; readonly amount: number }
  | { readonly kind: "resolve"; readonly pick: number; readonly commit: boolean }
  | { readonly kind: "close" }
  | { readonly kind: "confirm"; readonly pick: number; readonly mask: number | null }
  | { readonly kind: "abort"; readonly pick: number };

const bank = fc.nat(5);
const amount = fc.integer({ min: 1, max: 1_000 });
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("post"), from: bank, to: bank, amount }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("pair"),
      legs: fc.tuple(fc.tuple(bank, bank, amount), fc.tuple(bank, bank, amount)),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("fee"), from: bank, amount }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("hold"), from: bank, to: bank, amount }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("resolve"), pick: fc.nat(), commit: fc.boolean() }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("close") }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("confirm"),
      pick: fc.nat(),
      mask: fc.option(fc.nat(63), { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("abort"), pick: fc.nat() }) },
);

interface Gross {
  sent: bigint;
  received: bigint;
}

/** The model's view of one window. */
interface ModelWindow {
  readonly id: string;
  state: WindowState;
  /** Gross flows of its own transfers, by netted account. */
  readonly gross: Map<number, Gross>;
  /** Batches committed while it was open. */
  batches: number;
  readonly carried: ModelWindow[];
  /** Netted accounts whose leg is posted. */
  readonly legsPosted: Set<number>;
}

interface Pending {
  readonly id: string;
  readonly debit: number;
  readonly credit: number;
  readonly amount: bigint;
}

/** Gross flows and nets a window settles: its own and its aborted predecessors'. */
function positionsOf(window: ModelWindow): Map<number, Gross & { net: bigint }> {
  const all = new Map<number, Gross & { net: bigint }>();
  const add = (from: ModelWindow) => {
    for (const [account, gross] of from.gross) {
      const sum = all.get(account) ?? { sent: 0n, received: 0n, net: 0n };
      sum.sent += gross.sent;
      sum.received += gross.received;
      sum.net = sum.received - sum.sent;
      all.set(account, sum);
    }
    for (const carried of from.carried) add(carried);
  };
  add(window);
  for (const [account, sum] of all) if (sum.sent === 0n && sum.received === 0n) all.delete(account);
  return all;
}

class Model {
  readonly windows: ModelWindow[] = [];
  readonly pendings: Pending[] = [];
  private transferCount = 0;

  constructor(
    private readonly netted: ReadonlyMap<number, string>,
    firstWindowId: string,
  ) {
    this.windows.push(this.opening(firstWindowId));
  }

  get open(): ModelWindow {
    return this.windows.at(-1) as ModelWindow;
  }

  nextId(prefix: string): string {
    return `${prefix}${++this.transferCount}`;
  }

  post(debit: number, credit: number, amount: bigint): void {
    this.flow(debit, amount, 0n);
    this.flow(credit, 0n, amount);
  }

  private flow(account: number, sent: bigint, received: bigint): void {
    if (!this.netted.has(account)) return;
    const gross = this.open.gross.get(account) ?? { sent: 0n, received: 0n };
    gross.sent += sent;
    gross.received += received;
    this.open.gross.set(account, gross);
  }

  close(nextId: string): ModelWindow {
    const closing = this.open;
    const carriesPositions = closing.carried.some((w) => positionsOf(w).size > 0);
    closing.state = closing.batches === 0 && !carriesPositions ? "settled" : "closed";
    this.windows.push(this.opening(nextId));
    return closing;
  }

  private opening(id: string): ModelWindow {
    return {
      id,
      state: "open",
      gross: new Map(),
      batches: 0,
      carried: [],
      legsPosted: new Set(),
    };
  }

  /** What a confirmation must answer, and the window after it. */
  confirm(window: ModelWindow, participants: ReadonlySet<string> | null): string {
    if (window.state === "settled") return "window_already_settled";
    if (window.state === "aborted") return "window_aborted";
    const instructed = [...positionsOf(window)].filter(([, p]) => p.net !== 0n);
    const selected = instructed.filter(
      ([account]) => participants === null || participants.has(this.netted.get(account) ?? ""),
    );
    const posting = selected.filter(([account]) => !window.legsPosted.has(account));
    for (const [account] of posting) window.legsPosted.add(account);
    if (posting.length > 0) this.open.batches++;
    const done = instructed.every(([account]) => window.legsPosted.has(account));
    window.state = done ? "settled" : "pending_settlement";
    return window.state;
  }

  abort(window: ModelWindow): string {
    if (window.state === "settled") return "window_already_settled";
    if (window.state === "aborted") return "window_aborted";
    if (window.state === "pending_settlement") return "window_settling";
    window.state = "aborted";
    this.open.carried.push(window);
    return "aborted";
  }
}

interface Fixture {
  readonly network: SettlementNetwork;
  readonly banks: readonly string[];
  readonly netted: Map<number, string>;
  readonly fee: number;
  /** Posted balance (credits − debits) of each participant's settlement account after setup. */
  readonly settlementAtStart: Map<string, bigint>;
}

async function setUp(backend: Backend, size: number): Promise<Fixture> {
  const banks = Array.from({ length: size }, (_, i) => `b${i}`);
  const network = await openSettlementNetwork(backend, banks);
  cleanups.push(network.dispose);
  for (const id of banks) await deposit(network.hub, id, reserve, `dep-${id}`);
  const accounts = await network.hub.ledgerStore.readAllAccounts();
  const usd = accounts.filter((a) => a.currency === "USD");
  const fee = usd.find((a) => a.kind === "fee" && a.participantId === operatorParticipantId);
  if (fee === undefined) throw new Error("the operator has no USD fee account");
  const netted = new Map(
    usd.filter((a) => a.kind === "position" || a.id === fee.id).map((a) => [a.id, a.participantId]),
  );
  const settlementAtStart = new Map(
    usd
      .filter((a) => a.kind === "settlement")
      .map((a) => [a.participantId, a.creditsPosted - a.debitsPosted]),
  );
  return { network, banks, netted, fee: fee.id, settlementAtStart };
}

async function submit(hub: Hub, model: Model, requests: readonly TransferRequest[]) {
  expect(await hub.ledger.submit(requests)).toEqual(requests.map(() => "ok"));
  model.open.batches++;
}

async function run(fixture: Fixture, model: Model, step: Step): Promise<void> {
  const { hub, position } = fixture.network;
  const n = fixture.banks.length;
  const bankAt = (i: number) => fixture.banks[i % n] as string;
  const pairOf = (from: number, to: number) => {
    const payer = bankAt(from);
    const payee = from % n === to % n ? bankAt(from + 1) : bankAt(to);
    return [position[payer] as number, position[payee] as number] as const;
  };
  const posted = (debit: number, credit: number, value: bigint, linked = false) => {
    model.post(debit, credit, value);
    return {
      kind: "posted" as const,
      id: model.nextId("t"),
      debitAccountId: debit,
      creditAccountId: credit,
      amount: value,
      currency: "USD",
      linked,
    };
  };
  switch (step.kind) {
    case "post": {
      const [debit, credit] = pairOf(step.from, step.to);
      return submit(hub, model, [posted(debit, credit, BigInt(step.amount))]);
    }
    case "pair": {
      const [[f1, t1, a1], [f2, t2, a2]] = step.legs as [
        [number, number, number],
        [number, number, number],
      ];
      const [d1, c1] = pairOf(f1, t1);
      const [d2, c2] = pairOf(f2, t2);
      return submit(hub, model, [posted(d1, c1, BigInt(a1), true), posted(d2, c2, BigInt(a2))]);
    }
    case "fee":
      return submit(hub, model, [
        posted(position[bankAt(step.from)] as number, fixture.fee, BigInt(step.amount)),
      ]);
    case "hold": {
      const [debit, credit] = pairOf(step.from, step.to);
      const pending = { id: model.nextId("h"), debit, credit, amount: BigInt(step.amount) };
      await submit(hub, model, [
        {
          kind: "pending",
          id: pending.id,
          debitAccountId: debit,
          creditAccountId: credit,
          amount: pending.amount,
          currency: "USD",
          timeoutMs: 3_600_000,
        },
      ]);
      model.pendings.push(pending);
      return;
    }
    case "resolve": {
      if (model.pendings.length === 0) return;
      const [pending] = model.pendings.splice(step.pick % model.pendings.length, 1) as [Pending];
      if (step.commit) model.post(pending.debit, pending.credit, pending.amount);
      return submit(hub, model, [
        { kind: step.commit ? "commit" : "void", id: model.nextId("r"), pendingId: pending.id },
      ]);
    }
    case "close": {
      const open = model.open;
      const outcome = await hub.settlement.close(
        "USD",
        { kind: "window", windowId: open.id },
        testActor,
      );
      if (outcome.kind !== "closed") throw new Error(`close answered ${outcome.kind}`);
      const closed = model.close(outcome.next.id);
      expect(outcome.window).toMatchObject({ id: closed.id, state: closed.state });
      return;
    }
    case "confirm": {
      const closed = model.windows.filter((w) => w.state !== "open");
      if (closed.length === 0) return;
      const window = closed[step.pick % closed.length] as ModelWindow;
      const payers = [...positionsOf(window)]
        .filter(([, p]) => p.net !== 0n)
        .map(([account]) => fixture.netted.get(account) as string);
      const named = [...new Set(payers)].filter((_, i) => ((step.mask ?? 0) >> i) & 1);
      const scope =
        step.mask === null || named.length === 0
          ? ({ kind: "all" } as const)
          : ({ kind: "participants", participantIds: named } as const);
      const expected = model.confirm(window, scope.kind === "all" ? null : new Set(named));
      const outcome = await hub.settlement.confirm(window.id, scope, testActor);
      if (outcome.kind === "confirmed") {
        expect(outcome.refused).toEqual([]);
        expect(outcome.window.state).toBe(expected);
      } else {
        expect(outcome).toEqual({ kind: "refused", refusal: expected });
      }
      return;
    }
    case "abort": {
      const closed = model.windows.filter((w) => w.state !== "open");
      if (closed.length === 0) return;
      const window = closed[step.pick % closed.length] as ModelWindow;
      const expected = model.abort(window);
      const outcome = await hub.settlement.abort(window.id, testActor);
      if (typeof outcome === "string") expect(outcome).toBe(expected);
      else expect([outcome.window.state, outcome.into.id]).toEqual([expected, model.open.id]);
    }
  }
}

async function checkInvariants(fixture: Fixture, model: Model): Promise<void> {
  const { hub } = fixture.network;
  const stored = await hub.settlementStore.readWindowsAfter("USD", 0, 1_000);
  expect(stored.map((w) => [w.id, w.state])).toEqual(model.windows.map((w) => [w.id, w.state]));
  const accounts = await hub.ledgerStore.readAllAccounts();
  const balance = new Map(accounts.map((a) => [a.id, a.creditsPosted - a.debitsPosted]));
  const expectedBalance = new Map([...fixture.netted.keys()].map((id) => [id, 0n]));
  const expectedSettlement = new Map(fixture.settlementAtStart);
  const addTo = <K>(map: Map<K, bigint>, key: K, value: bigint) =>
    map.set(key, (map.get(key) ?? 0n) + value);

  for (const window of model.windows) {
    const predicted = positionsOf(window);
    if (window.state === "open") {
      for (const [account, p] of predicted) addTo(expectedBalance, account, p.net);
      continue;
    }
    const positions = await hub.settlement.report(window.id);
    // The reference model's figures, not the snapshots', are the expectation.
    expect(
      positions?.positions.map((p) => [p.accountId, p.grossSent, p.grossReceived, p.net]),
      window.id,
    ).toEqual(
      [...predicted]
        .sort(([a], [b]) => a - b)
        .map(([account, p]) => [account, p.sent, p.received, p.net]),
    );
    expect(positions?.positions.reduce((sum, p) => sum + p.net, 0n)).toBe(0n);
    const legs = (positions?.legs ?? []).filter((leg) => leg.state === "posted");
    expect(new Set(legs.map((leg) => leg.accountId)), window.id).toEqual(window.legsPosted);
    for (const leg of legs) {
      const net = predicted.get(leg.accountId)?.net ?? 0n;
      // The leg settles the position exactly: net plus what the leg moved is zero.
      expect(net + leg.amount, leg.transferId).toBe(0n);
      const transfer = await hub.ledgerStore.findTransfer(leg.transferId);
      expect(transfer?.amount).toBe(net < 0n ? -net : net);
      addTo(expectedSettlement, fixture.netted.get(leg.accountId) as string, net);
    }
    if (window.state === "aborted") continue;
    for (const [account, p] of predicted) {
      const settledBy = window.legsPosted.has(account) ? -p.net : 0n;
      addTo(expectedBalance, account, p.net + settledBy);
    }
  }
  for (const [account, expected] of expectedBalance) {
    expect(balance.get(account), `netted account ${account}`).toBe(expected);
  }
  for (const account of accounts.filter((a) => a.kind === "settlement" && a.currency === "USD")) {
    expect(balance.get(account.id), `${account.participantId} settlement`).toBe(
      expectedSettlement.get(account.participantId),
    );
  }

  const head = (await hub.ledgerStore.readJournalHead()).seq;
  for (const transfer of await hub.ledgerStore.readTransfersOfBatches(1, head)) {
    const holding = stored.filter(
      (w) => transfer.batchSeq > w.startSeq && (w.endSeq === null || transfer.batchSeq <= w.endSeq),
    );
    expect(
      holding.map((w) => w.id),
      transfer.id,
    ).toHaveLength(1);
  }
  expect(await verifySettlementWindows(hub.settlementStore, hub.ledgerStore)).toMatchObject({
    ok: true,
    problems: [],
  });
  expect((await verifyLedger(hub.ledgerStore)).problems).toEqual([]);
}

describeEachBackend("settlement windows under random traffic", (backend) => {
  it("net, settle and tile the journal as the reference model says, after every step", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 6 }),
        fc.array(stepArbitrary, { minLength: 4, maxLength: stepsMax }),
        async (size, steps) => {
          const fixture = await setUp(backend, size);
          const [first] = await fixture.network.hub.settlement.openWindows();
          // The deposits are journal batches of the first window, outside any netted account.
          const model = new Model(fixture.netted, first?.id ?? "");
          model.open.batches = fixture.banks.length;
          for (const step of steps) {
            await run(fixture, model, step);
            await checkInvariants(fixture, model);
          }
          // Close whatever is left and settle every window that can be: nothing stays owed.
          await run(fixture, model, { kind: "close" });
          for (const window of model.windows.filter((w) => w.state !== "open")) {
            if (window.state === "closed" || window.state === "pending_settlement") {
              await run(fixture, model, {
                kind: "confirm",
                pick: model.windows.indexOf(window),
                mask: null,
              });
            }
          }
          await checkInvariants(fixture, model);
          await cleanups.pop()?.();
        },
      ),
      { numRuns: runsOf[backend], endOnFailure: true },
    );
  });
});
