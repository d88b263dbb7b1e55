/**
 * A hub whose banks clear in USD, for settlement tests: each bank's position and settlement
 * account ids, deposits into reserves, and a close of whatever window is open.
 */
import { expect } from "vitest";
import type { TransferRequest } from "../../src/domain/ledger/transfer.ts";
import type { SettlementWindow } from "../../src/domain/settlement/settlement-window.ts";
import type { Hub } from "../../src/hub.ts";
import type { Backend } from "./backends.ts";
import { testActor } from "./test-actor.ts";
import { openTestHub, type TestHub, type TestHubOptions } from "./test-hub.ts";

export interface SettlementNetwork extends TestHub {
  readonly banks: readonly string[];
  readonly position: Readonly<Record<string, number>>;
  readonly settlementAccount: Readonly<Record<string, number>>;
}

export async function openSettlementNetwork(
  backend: Backend,
  banks: readonly string[],
  options: TestHubOptions = {},
): Promise<SettlementNetwork> {
  const test = await openTestHub(backend, options);
  const position: Record<string, number> = {};
  const settlementAccount: Record<string, number> = {};
  try {
    for (const id of banks) {
      const registered = await test.hub.participants.register(
        {
          id,
          name: `Bank ${id}`,
          kind: "bank",
          currencies: [{ currency: "USD", netDebitCap: 1_000_000_000n }],
        },
        testActor,
      );
      expect(registered.ok).toBe(true);
      position[id] = await accountId(test.hub, id, "position");
      settlementAccount[id] = await accountId(test.hub, id, "settlement");
    }
  } catch (error) {
    await test.dispose();
    throw error;
  }
  return { ...test, banks, position, settlementAccount };
}

async function accountId(hub: Hub, participantId: string, kind: "position" | "settlement") {
  const account = await hub.participantStore.findAccount(participantId, "USD", kind);
  if (account === undefined) throw new Error(`${participantId} has no USD ${kind} account`);
  return account.id;
}

/** Funds a bank's reserve, so its payments into settlement are covered. */
export async function deposit(hub: Hub, participantId: string, amount: bigint, id: string) {
  const moved = await hub.funds.moveFunds(
    { participantId, currency: "USD", amount, direction: "in", transferId: id },
    testActor,
  );
  expect(moved).toEqual({ ok: true, value: "ok" });
}

export async function submitAll(hub: Hub, requests: readonly TransferRequest[]) {
  expect(await hub.ledger.submit(requests)).toEqual(requests.map(() => "ok"));
}

/** Closes the open USD window, whichever it is. */
export async function closeOpenWindow(hub: Hub): Promise<SettlementWindow> {
  const open = (await hub.settlement.openWindows()).find((w) => w.currency === "USD");
  const outcome = await hub.settlement.close(
    "USD",
    { kind: "window", windowId: open?.id ?? "" },
    testActor,
  );
  if (outcome.kind !== "closed") throw new Error(`not closed: ${outcome.kind}`);
  return outcome.window;
}
