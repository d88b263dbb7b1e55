/**
 * Net debit caps that follow the reserve: set with four eyes, re-set by every movement of the
 * settlement account's funds (deposits, withdrawals, settlement legs), refused when malformed
 * with nothing written, and shown in the network overview.
 */
import { expect, it } from "vitest";
import { describeEachBackend } from "../support/backends.ts";
import {
  accountOf,
  createParticipant,
  deposit,
  expectProblem,
  useApiHarness,
} from "./api-harness.ts";
import { snapshotStore, storeChanges } from "./store-snapshot.ts";

describeEachBackend("reserve-following caps API", (backend) => {
  const api = useApiHarness(backend);
  const ruleUrl = (participantId = "bank-a", currency = "EUR") =>
    `/operator/v1/participants/${participantId}/reserve-caps/${currency}`;
  const capOf = async (participantId = "bank-a") =>
    (await accountOf(api, participantId, "position")).netDebitCap;
  const withdraw = (id: string, amount: string, participantId = "bank-a") =>
    api.call("POST", `/operator/v1/participants/${participantId}/funds`, {
      id,
      direction: "out",
      amount,
      currency: "EUR",
    });

  it("needs a second operator to set a rule, then sets the cap from the reserve at once", async () => {
    await createParticipant(api, "bank-a");
    await deposit(api, "bank-a", "dep-1", "200.01");
    const proposed = await api.call("PUT", ruleUrl(), { factor: "1.5" });
    expect(proposed.statusCode, proposed.body).toBe(202);
    expect(proposed.json()).toMatchObject({
      approval: {
        action: "participant.reserve_cap_set",
        payload: { participantId: "bank-a", currency: "EUR", factor: "1.5" },
      },
    });
    // Proposed only: the cap is the one set at onboarding.
    expect(await capOf()).toBe("100.00");
    const approved = await api.callApproved("PUT", ruleUrl(), { factor: "1.5" });
    expect(approved.statusCode, approved.body).toBe(200);
    // floor(20001 × 1.5) = 30001 minor units: rounded down, never up.
    expect(approved.json()).toMatchObject({
      result: {
        participantId: "bank-a",
        currency: "EUR",
        capFollowsReserve: "1.5",
        netDebitCap: "300.01",
      },
    });
    expect(await capOf()).toBe("300.01");
    const audit = await api.call(
      "GET",
      "/operator/v1/audit-log?action=participant.reserve_cap_set",
    );
    expect(audit.json()).toMatchObject({
      items: [
        {
          details: { currency: "EUR", factor: "1.5", netDebitCap: "300.01", previous: "100.00" },
        },
      ],
    });
  });

  it("raises the cap with a deposit and lowers it with a withdrawal", async () => {
    await createParticipant(api, "bank-a");
    expect((await api.callApproved("PUT", ruleUrl(), { factor: "2" })).statusCode).toBe(200);
    expect(await capOf()).toBe("0.00");
    await deposit(api, "bank-a", "dep-1", "100.00");
    expect(await capOf()).toBe("200.00");
    expect((await withdraw("wd-1", "30.00")).statusCode).toBe(201);
    expect(await capOf()).toBe("140.00");
    // A refused withdrawal moves nothing, so the cap stays.
    expectProblem(await withdraw("wd-2", "70.01"), 422, "insufficient_liquidity");
    expect(await capOf()).toBe("140.00");
  });

  it("moves the cap when a settlement leg moves the reserve", async () => {
    await createParticipant(api, "bank-a");
    await createParticipant(api, "bank-b");
    await deposit(api, "bank-a", "dep-a", "50.00");
    expect((await api.callApproved("PUT", ruleUrl("bank-a"), { factor: "2" })).statusCode).toBe(
      200,
    );
    expect((await api.callApproved("PUT", ruleUrl("bank-b"), { factor: "1" })).statusCode).toBe(
      200,
    );
    expect([await capOf("bank-a"), await capOf("bank-b")]).toEqual(["100.00", "0.00"]);
    const a = (await accountOf(api, "bank-a", "position")).id;
    const b = (await accountOf(api, "bank-b", "position")).id;
    const posted = await api.call("POST", "/operator/v1/transfers", {
      transfers: [
        {
          id: "t1",
          kind: "posted",
          debitAccountId: a,
          creditAccountId: b,
          amount: "30.00",
          currency: "EUR",
        },
      ],
    });
    expect(posted.statusCode, posted.body).toBe(200);
    // Listing opens the currency's first window, as the operator's first look does.
    await api.call("GET", "/operator/v1/settlement-windows?currency=EUR&state=open");
    const closed = await api.call("POST", "/operator/v1/settlement-windows/EUR-1/close");
    expect(closed.statusCode, closed.body).toBe(200);
    const settled = await api.callApproved(
      "POST",
      "/operator/v1/settlement-windows/EUR-1/settlement",
      {
        scope: "all",
      },
    );
    expect(settled.statusCode, settled.body).toBe(200);
    expect((await accountOf(api, "bank-a", "settlement")).balance).toBe("20.00");
    expect((await accountOf(api, "bank-b", "settlement")).balance).toBe("30.00");
    expect([await capOf("bank-a"), await capOf("bank-b")]).toEqual(["40.00", "30.00"]);
  });

  it("refuses bad factors with reserve_cap_factor_invalid and writes nothing", async () => {
    await createParticipant(api, "bank-a");
    const before = await snapshotStore(api.hub.database);
    for (const factor of [
      "0",
      "0.00001",
      "100.0001",
      "101",
      "-1",
      "1e2",
      "1,5",
      " 1.5",
      "",
      "1.",
      ".5",
    ]) {
      expectProblem(
        await api.call("PUT", ruleUrl(), { factor }),
        422,
        "reserve_cap_factor_invalid",
      );
    }
    expectProblem(await api.call("PUT", ruleUrl(), { factor: 1.5 }), 400, "request_invalid");
    expectProblem(
      await api.call("PUT", ruleUrl("bank-a", "USD"), { factor: "1" }),
      422,
      "currency_not_held",
    );
    expectProblem(
      await api.call("PUT", ruleUrl("bank-a", "EUX"), { factor: "1" }),
      422,
      "currency_unknown",
    );
    expectProblem(
      await api.call("PUT", ruleUrl("nobody"), { factor: "1" }),
      404,
      "participant_not_found",
    );
    expect(storeChanges(before, await snapshotStore(api.hub.database))).toEqual({});
    // The bounds themselves are accepted.
    expect((await api.call("PUT", ruleUrl(), { factor: "0.0001" })).statusCode).toBe(202);
    expect((await api.call("PUT", ruleUrl(), { factor: "100" })).statusCode).toBe(202);
  });

  it("refuses a cap set by hand while a rule stands, and leaves the cap when the rule is cleared", async () => {
    await createParticipant(api, "bank-a");
    await deposit(api, "bank-a", "dep-1", "10.00");
    expect((await api.callApproved("PUT", ruleUrl(), { factor: "3" })).statusCode).toBe(200);
    const capUrl = "/operator/v1/participants/bank-a/net-debit-caps/EUR";
    const before = await snapshotStore(api.hub.database);
    for (const netDebitCap of ["1.00", "500.00"]) {
      expectProblem(
        await api.call("PUT", capUrl, { netDebitCap }),
        409,
        "net_debit_cap_follows_reserve",
      );
    }
    expect(storeChanges(before, await snapshotStore(api.hub.database))).toEqual({});

    const overview = async () =>
      (await api.call("GET", "/operator/v1/network-overview")).json().currencies[0].participants[0];
    expect(await overview()).toMatchObject({
      participantId: "bank-a",
      capFollowsReserve: "3",
      netDebitCap: "30.00",
    });

    const positionShown = async () =>
      (
        (await api.call("GET", "/operator/v1/participants/bank-a")).json() as {
          accounts: { kind: string; capFollowsReserve?: string | null }[];
        }
      ).accounts.find((account) => account.kind === "position");
    expect(await positionShown()).toMatchObject({ capFollowsReserve: "3", netDebitCap: "30.00" });

    const cleared = await api.call("DELETE", ruleUrl());
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toEqual({
      participantId: "bank-a",
      currency: "EUR",
      capFollowsReserve: null,
      netDebitCap: "30.00",
    });
    expect(await overview()).toMatchObject({ capFollowsReserve: null, netDebitCap: "30.00" });
    expect(await positionShown()).toMatchObject({ capFollowsReserve: null });
    expectProblem(await api.call("DELETE", ruleUrl()), 404, "reserve_cap_rule_not_found");
    // Cleared: deposits leave the cap alone, and the operator sets it by hand again.
    await deposit(api, "bank-a", "dep-2", "10.00");
    expect(await capOf()).toBe("30.00");
    expect((await api.call("PUT", capUrl, { netDebitCap: "5.00" })).statusCode).toBe(200);
  });
});
