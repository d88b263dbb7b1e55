/** Position account ids are read once each, shared by callers waiting for the same one. */
import { expect, it } from "vitest";
import { PositionAccounts } from "../../src/app/participants/position-accounts.ts";

function storeWith(ids: Record<string, number>) {
  const reads: string[] = [];
  let failNext = false;
  const store = {
    async findAccount(participantId: string, currency: string) {
      reads.push(`${participantId} ${currency}`);
      if (failNext) {
        failNext = false;
        throw new Error("store unreachable");
      }
      const id = ids[`${participantId} ${currency}`];
      return id === undefined ? undefined : ({ id } as never);
    },
  };
  return { store, reads, failOnce: () => (failNext = true) };
}

it("reads a position once, sharing the read between callers that wait for it at once", async () => {
  const { store, reads } = storeWith({ "wallet-a CNY": 7 });
  const positions = new PositionAccounts(store);
  const [first, second] = await Promise.all([
    positions.idOf("wallet-a", "CNY"),
    positions.idOf("wallet-a", "CNY"),
  ]);
  expect([first, second, await positions.idOf("wallet-a", "CNY")]).toEqual([7, 7, 7]);
  expect(reads).toEqual(["wallet-a CNY"]);
});

it("remembers neither a position not found nor a failed read", async () => {
  const ids: Record<string, number> = {};
  const { store, reads, failOnce } = storeWith(ids);
  const positions = new PositionAccounts(store);
  expect(await positions.idOf("wallet-a", "EUR")).toBeUndefined();
  ids["wallet-a EUR"] = 9;
  expect(await positions.idOf("wallet-a", "EUR")).toBe(9);
  failOnce();
  await expect(positions.idOf("bank-b", "EUR")).rejects.toThrow("store unreachable");
  ids["bank-b EUR"] = 11;
  expect(await positions.idOf("bank-b", "EUR")).toBe(11);
  expect(reads).toEqual(["wallet-a EUR", "wallet-a EUR", "bank-b EUR", "bank-b EUR"]);
});
