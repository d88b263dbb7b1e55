import { expect, it } from "vitest";
import { describeEachBackend } from "../support/backends.ts";
import {
  accountOf,
  createParticipant,
  deposit,
  expectProblem,
  useApiHarness,
} from "./api-harness.ts";

interface Standing {
  participantId: string;
  kind: string;
  status: string;
  position: string;
  netDebitCap: string | null;
  headroom: string | null;
  reserve: string;
}
interface Overview {
  at: string;
  currencies: {
    currency: string;
    totals: { position: string; netDebitCap: string; headroom: string; reserve: string };
    participants: Standing[];
  }[];
}

describeEachBackend("network overview API", (backend) => {
  const api = useApiHarness(backend);

  const overview = async (): Promise<Overview> => {
    const response = await api.call("GET", "/operator/v1/network-overview");
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Overview;
  };

  const post = async (transfers: unknown[]) => {
    const response = await api.call("POST", "/operator/v1/transfers", { transfers });
    expect(response.statusCode, response.body).toBe(200);
    const codes = (response.json() as { results: { code: string }[] }).results.map((r) => r.code);
    expect(
      codes.every((code) => code === "ok"),
      codes.join(),
    ).toBe(true);
  };

  it("answers each participant's position, cap, headroom and reserve per currency, with totals", async () => {
    await createParticipant(api, "bank-a", [
      { currency: "EUR", netDebitCap: "100.00" },
      { currency: "JPY", netDebitCap: "5000" },
    ]);
    await createParticipant(api, "bank-b", [{ currency: "EUR", netDebitCap: "0" }]);
    await deposit(api, "bank-a", "dep-a", "250.00");
    const a = (await accountOf(api, "bank-a", "position")).id;
    const b = (await accountOf(api, "bank-b", "position")).id;
    const operator = (await accountOf(api, "operator", "position")).id;
    const transfer = (id: string, kind: string, debit: number, credit: number, amount: string) => ({
      id,
      kind,
      debitAccountId: debit,
      creditAccountId: credit,
      amount,
      currency: "EUR",
    });
    await post([
      transfer("t1", "posted", a, b, "30.00"),
      transfer("t2", "posted", b, operator, "5.00"),
      // A reservation is not cleared: it leaves positions alone but uses headroom up.
      { ...transfer("t3", "pending", a, b, "20.00"), timeoutMs: 60_000 },
    ]);

    const body = await overview();
    expect(Date.parse(body.at)).not.toBeNaN();
    const eur = body.currencies.find((c) => c.currency === "EUR");
    const standings = Object.fromEntries(
      (eur?.participants ?? []).map((s) => [
        s.participantId,
        [s.position, s.netDebitCap, s.headroom, s.reserve],
      ]),
    );
    expect(standings).toEqual({
      "bank-a": ["-30.00", "100.00", "50.00", "250.00"],
      // Owed 25.00 with a cap of zero, bank-b may still pay out those 25.00.
      "bank-b": ["25.00", "0.00", "25.00", "0.00"],
      operator: ["5.00", "0.00", "5.00", "0.00"],
    });
    expect(eur?.totals).toEqual({
      position: "0.00",
      netDebitCap: "100.00",
      headroom: "80.00",
      reserve: "250.00",
    });
    const jpy = body.currencies.find((c) => c.currency === "JPY");
    expect(jpy?.participants.map((s) => [s.participantId, s.position, s.headroom])).toEqual([
      ["bank-a", "0", "5000"],
      ["operator", "0", "0"],
    ]);
    expect(eur?.participants.find((s) => s.participantId === "bank-a")).toMatchObject({
      kind: "bank",
      status: "active",
    });
  });

  it("keeps the sum of positions at zero in every currency", async () => {
    const ids = ["bank-a", "bank-b", "bank-c"];
    for (const id of ids)
      await createParticipant(api, id, [{ currency: "EUR", netDebitCap: "50.00" }]);
    const accounts = await Promise.all(
      [...ids, "operator"].map(async (id) => (await accountOf(api, id, "position")).id),
    );
    const transfers = accounts.flatMap((debit, i) =>
      accounts
        .filter((credit) => credit !== debit && i < 3)
        .map((credit, j) => ({
          id: `t-${i}-${j}`,
          kind: "posted",
          debitAccountId: debit,
          creditAccountId: credit,
          amount: `${i + j + 1}.25`,
          currency: "EUR",
        })),
    );
    await post(transfers);
    const eur = (await overview()).currencies.find((c) => c.currency === "EUR");
    const minor = (eur?.participants ?? []).reduce(
      (sum, s) => sum + BigInt(s.position.replace(".", "")),
      0n,
    );
    expect(eur?.participants).toHaveLength(4);
    expect(minor).toBe(0n);
    expect(eur?.totals.position).toBe("0.00");
    expect(eur?.participants.some((s) => s.position !== "0.00")).toBe(true);
  });

  it("refuses query parameters it does not know", async () => {
    expectProblem(
      await api.call("GET", "/operator/v1/network-overview?currency=EUR"),
      400,
      "request_invalid",
    );
  });
});
