import { beforeEach, expect, it } from "vitest";
import { describeEachBackend } from "../support/backends.ts";
import {
  accountOf,
  allBalances,
  createParticipant,
  expectProblem,
  useApiHarness,
} from "./api-harness.ts";

describeEachBackend("settlement funds API", (backend) => {
  const api = useApiHarness(backend);
  beforeEach(async () => {
    await createParticipant(api, "acme-bank");
  });

  const move = (body: Record<string, unknown>, participantId = "acme-bank") =>
    api.call("POST", `/operator/v1/participants/${participantId}/funds`, {
      currency: "EUR",
      ...body,
    });

  it("deposits and withdraws against the operator's reconciliation account", async () => {
    const deposited = await move({
      id: "dep-1",
      direction: "in",
      amount: "500.00",
      reference: "wire 42",
    });
    expect(deposited.statusCode, deposited.body).toBe(201);
    const settlement = await accountOf(api, "acme-bank", "settlement");
    const reconciliation = await accountOf(api, "operator", "reconciliation");
    expect(deposited.json()).toEqual({
      code: "ok",
      transfer: expect.objectContaining({
        id: "dep-1",
        kind: "posted",
        debitAccountId: reconciliation.id,
        creditAccountId: settlement.id,
        amount: "500.00",
        currency: "EUR",
        reference: "wire 42",
      }),
    });
    expect(settlement).toMatchObject({ creditsPosted: "500.00", balance: "500.00" });
    expect(reconciliation).toMatchObject({ debitsPosted: "500.00", balance: "-500.00" });

    const withdrawn = await move({ id: "wd-1", direction: "out", amount: "120.5" });
    expect(withdrawn.statusCode, withdrawn.body).toBe(201);
    expect((await accountOf(api, "acme-bank", "settlement")).balance).toBe("379.50");
    const transfer = await api.call("GET", "/operator/v1/transfers/wd-1");
    expect(transfer.json()).toMatchObject({ amount: "120.50", debitAccountId: settlement.id });
  });

  it("refuses a withdrawal beyond the balance with insufficient_liquidity and moves nothing", async () => {
    await move({ id: "dep-1", direction: "in", amount: "100" });
    const before = await allBalances(api);
    expectProblem(
      await move({ id: "wd-1", direction: "out", amount: "100.01" }),
      422,
      "insufficient_liquidity",
    );
    expect(await allBalances(api)).toEqual(before);
    expectProblem(await api.call("GET", "/operator/v1/transfers/wd-1"), 404, "transfer_not_found");
    // Exactly the balance is fine.
    expect((await move({ id: "wd-2", direction: "out", amount: "100" })).statusCode).toBe(201);
    expect((await accountOf(api, "acme-bank", "settlement")).balance).toBe("0.00");
  });

  it("replays an identical request as 200 exists with a single effect", async () => {
    const body = { id: "dep-1", direction: "in", amount: "75.25" };
    expect((await move(body)).statusCode).toBe(201);
    const replay = await move(body);
    expect(replay.statusCode, replay.body).toBe(200);
    expect(replay.json()).toMatchObject({
      code: "exists",
      transfer: { id: "dep-1", amount: "75.25" },
    });
    expect(await accountOf(api, "acme-bank", "settlement")).toMatchObject({
      creditsPosted: "75.25",
      balance: "75.25",
    });
    // Idempotency compares minor units, not the text: "75.250" would be too precise, but
    // a second deposit written "10.5" then "10.50" is one deposit.
    expect((await move({ id: "dep-2", direction: "in", amount: "10.5" })).statusCode).toBe(201);
    expect((await move({ id: "dep-2", direction: "in", amount: "10.50" })).statusCode).toBe(200);
    expect((await accountOf(api, "acme-bank", "settlement")).balance).toBe("85.75");
  });

  it("refuses a reused id with different fields as 409", async () => {
    await move({ id: "dep-1", direction: "in", amount: "10" });
    const before = await allBalances(api);
    expectProblem(
      await move({ id: "dep-1", direction: "in", amount: "11" }),
      409,
      "exists_with_different_fields",
    );
    expectProblem(
      await move({ id: "dep-1", direction: "out", amount: "10" }),
      409,
      "exists_with_different_fields",
    );
    expect(await allBalances(api)).toEqual(before);
  });

  it("answers clear codes for bad amounts, currencies, participants and ids", async () => {
    const before = await allBalances(api);
    const refusals: [
      body: Record<string, unknown>,
      status: number,
      code: string,
      participantId?: string,
    ][] = [
      [{ id: "d1", direction: "in", amount: "0" }, 422, "amount_not_positive"],
      [{ id: "d2", direction: "in", amount: "-5" }, 422, "amount_invalid"],
      [{ id: "d3", direction: "in", amount: "1.001" }, 422, "amount_too_precise"],
      [{ id: "d4", direction: "in", amount: "1", currency: "EUX" }, 422, "currency_unknown"],
      [{ id: "d5", direction: "in", amount: "1", currency: "USD" }, 422, "currency_not_held"],
      [{ id: "d6", direction: "in", amount: "1" }, 404, "participant_not_found", "nobody"],
      [{ id: "bad id!", direction: "in", amount: "1" }, 422, "id_invalid"],
      [{ id: "d7", direction: "sideways", amount: "1" }, 400, "request_invalid"],
      [{ id: "d8", direction: "in", amount: 1 }, 400, "request_invalid"],
    ];
    for (const [body, status, code, participantId] of refusals) {
      expectProblem(await move(body, participantId), status, code);
    }
    expect(await allBalances(api)).toEqual(before);
  });

  it("refuses deposits for a suspended participant with participant_inactive", async () => {
    await api.call("POST", "/operator/v1/participants/acme-bank/status", { status: "suspended" });
    expectProblem(
      await move({ id: "dep-1", direction: "in", amount: "1" }),
      409,
      "participant_inactive",
    );
  });
});
