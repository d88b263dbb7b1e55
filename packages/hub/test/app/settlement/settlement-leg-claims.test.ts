/**
 * A confirmation that saw a leg refused forgets only legs it still claims: when a second
 * confirmation instructed the same leg since (and may be posting it now), the leg stays and
 * the window stays pending settlement, so it cannot be aborted while money may be moving.
 */
import { afterEach, expect, it } from "vitest";
import type { LegRecord } from "../../../src/app/ports/settlement-leg-store.ts";
import { settlementLegTransferId } from "../../../src/domain/settlement/settlement-leg.ts";
import { describeEachBackend } from "../../support/backends.ts";
import {
  closeOpenWindow,
  openSettlementNetwork,
  submitAll,
} from "../../support/settlement-network.ts";
import { testActor } from "../../support/test-actor.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describeEachBackend("settlement leg claims", (backend) => {
  it("keeps a leg another confirmation claimed since, and the window unabortable", async () => {
    const network = await openSettlementNetwork(backend, ["ba", "bb"]);
    cleanups.push(network.dispose);
    const { hub, position } = network;
    await submitAll(hub, [
      {
        kind: "posted",
        id: "t1",
        debitAccountId: position.ba as number,
        creditAccountId: position.bb as number,
        amount: 70n,
        currency: "USD",
      },
    ]);
    const window = await closeOpenWindow(hub);
    const leg = (claim: string): LegRecord => ({
      windowId: window.id,
      accountId: position.ba as number,
      participantId: "ba",
      currency: "USD",
      amount: 70n,
      transferId: settlementLegTransferId(window.id, position.ba as number),
      state: "instructed",
      source: "operator",
      claim,
    });
    const store = hub.settlementStore;
    expect(await store.beginSettlement(window.id, [leg("first")])).toBeNull();
    // A second confirmation instructs the same leg before the first forgets its refusal.
    expect(await store.beginSettlement(window.id, [leg("second")])).toBeNull();
    await store.dropRefusedLegs(window.id, [leg("first").transferId], "first");
    expect(await store.readLegs(window.id)).toEqual([leg("second")]);
    expect(await hub.settlement.abort(window.id, testActor)).toBe("window_settling");
    // The claimant's own refusal does forget it, and the window may be aborted again.
    await store.dropRefusedLegs(window.id, [leg("second").transferId], "second");
    expect(await store.readLegs(window.id)).toEqual([]);
    expect(await hub.settlement.abort(window.id, testActor)).toMatchObject({
      window: { state: "aborted" },
    });
  });
});
