/**
 * The settlement cycle on both backends, through the hub: a window's net positions come from
 * the snapshots at its ends (not from its transfers), sum to zero, and settle through the
 * ledger once however often they are confirmed; legs are not clearing, so the next window does
 * not see them; an aborted window's positions return in the next round; an empty window settles
 * at once; a payer whose reserve falls short is reported before anything moves.
 */
import { afterEach, expect, it } from "vitest";
import { verifyLedger } from "../../../src/app/ledger/verify-ledger.ts";
import type { Hub } from "../../../src/hub.ts";
import { type Backend, describeEachBackend } from "../../support/backends.ts";
import { testActor } from "../../support/test-actor.ts";
import { openTestHub } from "../../support/test-hub.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function network(backend: Backend) {
  const test = await openTestHub(backend);
  cleanups.push(test.dispose);
  const { hub } = test;
  const position: Record<string, number> = {};
  for (const id of ["ba", "bb", "bc"]) {
    const registered = await hub.participants.register(
      {
        id,
        name: `Bank ${id}`,
        kind: "bank",
        currencies: [{ currency: "USD", netDebitCap: 10_000n }],
      },
      testActor,
    );
    expect(registered.ok).toBe(true);
    position[id] = (await hub.participantStore.findAccount(id, "USD", "position"))?.id as number;
  }
  return { hub, position };
}

async function pay(
  hub: Hub,
  position: Record<string, number>,
  id: string,
  from: string,
  to: string,
  amount: bigint,
) {
  const [code] = await hub.ledger.submit([
    {
      kind: "posted",
      id,
      debitAccountId: position[from] as number,
      creditAccountId: position[to] as number,
      amount,
      currency: "USD",
    },
  ]);
  expect(code).toBe("ok");
}

async function deposit(hub: Hub, participantId: string, amount: bigint, id: string) {
  const moved = await hub.funds.moveFunds(
    { participantId, currency: "USD", amount, direction: "in", transferId: id },
    testActor,
  );
  expect(moved).toEqual({ ok: true, value: "ok" });
}

async function closeOpen(hub: Hub) {
  const [open] = await hub.settlement.openWindows();
  const outcome = await hub.settlement.close(
    "USD",
    { kind: "window", windowId: open?.id ?? "" },
    testActor,
  );
  if (outcome.kind !== "closed") throw new Error(`not closed: ${outcome.kind}`);
  return outcome.window;
}

const nets = (positions: readonly { participantId: string; net: bigint }[]) =>
  Object.fromEntries(positions.map((p) => [p.participantId, p.net]));

describeEachBackend("settlement cycle", (backend) => {
  it("nets a window, settles it once, and leaves the legs out of the next window", async () => {
    const { hub, position } = await network(backend);
    await deposit(hub, "ba", 1_000n, "dep-a");
    await pay(hub, position, "t1", "ba", "bb", 100n);
    await pay(hub, position, "t2", "bb", "bc", 30n);
    await pay(hub, position, "t3", "bc", "ba", 10n);
    const first = await closeOpen(hub);
    expect(first).toMatchObject({ id: "USD-1", state: "closed", startSeq: 0 });

    const report = await hub.settlement.report(first.id);
    expect(
      report?.positions.map(({ participantId, grossSent, grossReceived, net }) => ({
        participantId,
        grossSent,
        grossReceived,
        net,
      })),
    ).toEqual([
      { participantId: "ba", grossSent: 100n, grossReceived: 10n, net: -90n },
      { participantId: "bb", grossSent: 30n, grossReceived: 100n, net: 70n },
      { participantId: "bc", grossSent: 10n, grossReceived: 30n, net: 20n },
    ]);
    expect(report?.instructions.map((i) => [i.participantId, i.direction, i.amount])).toEqual([
      ["ba", "pay", 90n],
      ["bb", "receive", 70n],
      ["bc", "receive", 20n],
    ]);
    expect(report?.shortfalls).toEqual([]);

    const confirmed = await hub.settlement.confirm(first.id, { kind: "all" }, testActor);
    expect(confirmed).toMatchObject({ kind: "confirmed", window: { state: "settled" } });
    const again = await hub.settlement.confirm(first.id, { kind: "all" }, testActor);
    expect(again).toMatchObject({ kind: "refused", refusal: "window_already_settled" });

    // Every position is back at zero: the window's net is settled.
    for (const id of ["ba", "bb", "bc"]) {
      const account = await hub.participantStore.findAccount(id, "USD", "position");
      expect(account && account.creditsPosted - account.debitsPosted).toBe(0n);
    }
    const settlementOf = async (id: string) => {
      const account = await hub.participantStore.findAccount(id, "USD", "settlement");
      return account && account.creditsPosted - account.debitsPosted;
    };
    expect([await settlementOf("ba"), await settlementOf("bb"), await settlementOf("bc")]).toEqual([
      910n,
      70n,
      20n,
    ]);

    await pay(hub, position, "t4", "bb", "ba", 5n);
    const second = await closeOpen(hub);
    expect(nets((await hub.settlement.report(second.id))?.positions ?? [])).toEqual({
      ba: 5n,
      bb: -5n,
    });
    expect((await verifyLedger(hub.ledgerStore)).ok).toBe(true);
  });

  it("returns an aborted window's positions in the next round", async () => {
    const { hub, position } = await network(backend);
    await pay(hub, position, "t1", "ba", "bb", 40n);
    const first = await closeOpen(hub);
    const aborted = await hub.settlement.abort(first.id, testActor);
    expect(aborted).toMatchObject({ window: { state: "aborted", carriedInto: "USD-2" } });
    expect(await hub.settlement.abort(first.id, testActor)).toBe("window_aborted");
    await pay(hub, position, "t2", "bb", "ba", 15n);
    const second = await closeOpen(hub);
    const report = await hub.settlement.report(second.id);
    expect(nets(report?.positions ?? [])).toEqual({ ba: -25n, bb: 25n });
    expect(report?.carried.map((w) => w.id)).toEqual(["USD-1"]);
  });

  it("settles an empty window at once", async () => {
    const { hub } = await network(backend);
    const empty = await closeOpen(hub);
    expect(empty).toMatchObject({ state: "settled", startSeq: empty.endSeq });
    const again = await closeOpen(hub);
    expect(again).toMatchObject({ id: "USD-2", state: "settled", startSeq: empty.endSeq });
  });

  it("closes a window no batch reached right after a close that had transfers", async () => {
    const { hub, position } = await network(backend);
    await pay(hub, position, "t1", "ba", "bb", 40n);
    const first = await closeOpen(hub);
    const empty = await closeOpen(hub);
    expect(empty).toMatchObject({ state: "settled", startSeq: first.endSeq, endSeq: first.endSeq });
    await pay(hub, position, "t2", "bb", "ba", 15n);
    const third = await closeOpen(hub);
    expect(nets((await hub.settlement.report(third.id))?.positions ?? [])).toEqual({
      ba: 15n,
      bb: -15n,
    });
  });

  it("reports a payer whose reserve falls short before moving anything, and settles the others", async () => {
    const { hub, position } = await network(backend);
    await deposit(hub, "ba", 50n, "dep-a");
    await pay(hub, position, "t1", "ba", "bb", 80n);
    await pay(hub, position, "t2", "bc", "bb", 20n);
    await deposit(hub, "bc", 20n, "dep-c");
    const window = await closeOpen(hub);
    const refused = await hub.settlement.confirm(window.id, { kind: "all" }, testActor);
    expect(refused).toEqual({
      kind: "liquidity_shortfall",
      shortfalls: [
        { participantId: "ba", accountId: position.ba, owes: 80n, reserve: 50n, shortBy: 30n },
      ],
    });
    expect((await hub.settlement.report(window.id))?.window.state).toBe("closed");
    // Settling only a short payer moves nothing and leaves the window abortable.
    const onlyShort = await hub.settlement.confirm(
      window.id,
      { kind: "participants", participantIds: ["ba"] },
      testActor,
    );
    expect(onlyShort.kind).toBe("liquidity_shortfall");
    expect((await hub.settlement.report(window.id))?.window.state).toBe("closed");
    const partial = await hub.settlement.confirm(window.id, { kind: "all_covered" }, testActor);
    expect(partial).toMatchObject({ kind: "confirmed", window: { state: "pending_settlement" } });
    expect(await hub.settlement.abort(window.id, testActor)).toBe("window_settling");
    await deposit(hub, "ba", 30n, "dep-a2");
    const rest = await hub.settlement.confirm(
      window.id,
      { kind: "participants", participantIds: ["ba"] },
      testActor,
    );
    expect(rest).toMatchObject({ kind: "confirmed", window: { state: "settled" } });
    expect((await verifyLedger(hub.ledgerStore)).ok).toBe(true);
  });
});
