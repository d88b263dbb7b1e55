/**
 * Fees end to end: schedules set and removed through four-eyes approval, bad schedules refused
 * with their codes and nothing written, and a transfer's fee posted (or reserved) in the same
 * linked group as the transfer: shown in the answer and the webhook, refused whole when the
 * fee would pass the cap, never charged twice by a retry, and the ledger still sums to zero.
 */
import { expect, it } from "vitest";
import { verifyLedger } from "../../src/app/ledger/verify-ledger.ts";
import { describeEachBackend } from "../support/backends.ts";
import {
  type ApiHarness,
  accountOf,
  expectProblem,
  tokenWithRole,
  useApiHarness,
} from "./api-harness.ts";
import { onboardParticipant } from "./participant-client.ts";
import { snapshotStore } from "./store-snapshot.ts";

/** 0.10 plus 25 bp, at least 0.20, at most 5.00. */
const networkFee = { fixed: "0.10", basisPoints: 25, minimum: "0.20", maximum: "5.00" };

async function setFee(
  api: ApiHarness,
  path: string,
  body: Record<string, unknown>,
): Promise<unknown> {
  const approved = await api.callApproved("PUT", `/operator/v1/${path}`, body);
  expect(approved.statusCode, approved.body).toBe(200);
  return (approved.json() as { result: unknown }).result;
}

describeEachBackend("fee schedules", (backend) => {
  const api = useApiHarness(backend);

  it("sets a schedule only once a second operator approves, and lists it", async () => {
    await onboardParticipant(api, "bank-alpha");
    const before = await snapshotStore(api.hub.database);
    const proposed = await api.call("PUT", "/operator/v1/fee-schedules/transfer/EUR", networkFee);
    expect(proposed.statusCode, proposed.body).toBe(202);
    expect(proposed.json()).toMatchObject({
      approval: {
        action: "fee_schedule.set",
        subject: "fee_schedule:transfer/*/EUR",
        payload: {
          ...networkFee,
          transactionType: "transfer",
          participantId: null,
          currency: "EUR",
        },
      },
    });
    const after = await snapshotStore(api.hub.database);
    expect(after.get("fee_schedules")).toEqual(before.get("fee_schedules"));
    expect((await api.call("GET", "/operator/v1/fee-schedules")).json()).toEqual({ items: [] });

    const { approval } = proposed.json() as { approval: { id: string } };
    const approved = await api.callAs(
      api.approverToken,
      "POST",
      `/operator/v1/approvals/${approval.id}/approve`,
    );
    expect(approved.statusCode, approved.body).toBe(200);
    const own = await setFee(api, "participants/bank-alpha/fee-schedules/transfer/EUR", {
      fixed: "0.01",
      basisPoints: 0,
    });
    expect(own).toMatchObject({ participant: "bank-alpha", minimum: "0.00", maximum: null });
    const listed = await api.call("GET", "/operator/v1/fee-schedules");
    expect(listed.json()).toEqual({
      items: [
        {
          transactionType: "transfer",
          participant: null,
          currency: "EUR",
          ...networkFee,
          updatedAt: expect.any(String),
          // The approver carries the change out, so it is the one who set it.
          updatedBy: "test approver",
        },
        own,
      ],
    });
    const audit = await api.call("GET", "/operator/v1/audit-log?action=fee_schedule.set");
    expect((audit.json() as { items: unknown[] }).items).toHaveLength(2);
  });

  it("refuses bad schedules with stable codes and writes nothing", async () => {
    await onboardParticipant(api, "bank-alpha");
    const viewer = await tokenWithRole(api, "viewer");
    const before = await snapshotStore(api.hub.database);
    const put = (body: Record<string, unknown>, path = "fee-schedules/transfer/EUR") =>
      api.call("PUT", `/operator/v1/${path}`, { ...networkFee, ...body });
    expectProblem(await put({ fixed: "-1.00" }), 422, "fee_value_negative");
    expectProblem(await put({ minimum: "-0.01" }), 422, "fee_value_negative");
    expectProblem(await put({ basisPoints: -5 }), 422, "fee_value_negative");
    expectProblem(await put({ fixed: "92233720368547758.08" }), 422, "fee_value_too_large");
    expectProblem(await put({ maximum: "1".repeat(40) }), 422, "fee_value_too_large");
    expectProblem(await put({ basisPoints: 10_001 }), 422, "fee_basis_points_invalid");
    expectProblem(await put({ basisPoints: 1e30 }), 422, "fee_basis_points_invalid");
    expectProblem(await put({ minimum: "6.00" }), 422, "fee_minimum_above_maximum");
    expectProblem(await put({ fixed: "0.001" }), 422, "amount_too_precise");
    expectProblem(await put({ fixed: "ten" }), 422, "amount_invalid");
    expectProblem(await put({}, "fee-schedules/transfer/XXX"), 422, "currency_unknown");
    expectProblem(await put({}, "fee-schedules/lottery/EUR"), 400, "request_invalid");
    expectProblem(
      await put({}, "participants/nobody/fee-schedules/transfer/EUR"),
      404,
      "participant_not_found",
    );
    expectProblem(
      await put({}, "participants/operator/fee-schedules/transfer/EUR"),
      422,
      "fee_payer_is_operator",
    );
    expectProblem(
      await api.call("DELETE", "/operator/v1/fee-schedules/payout/EUR"),
      404,
      "fee_schedule_not_found",
    );
    expectProblem(
      await api.callAs(viewer, "PUT", "/operator/v1/fee-schedules/transfer/EUR", networkFee),
      403,
      "role_insufficient",
    );
    expect((await api.callAs(viewer, "GET", "/operator/v1/fee-schedules")).statusCode).toBe(200);
    expect(await snapshotStore(api.hub.database)).toEqual(before);
  });

  it("removes a schedule on approval", async () => {
    await setFee(api, "fee-schedules/payout/EUR", networkFee);
    const removed = await api.callApproved("DELETE", "/operator/v1/fee-schedules/payout/EUR");
    expect(removed.statusCode, removed.body).toBe(200);
    expect((removed.json() as { result: unknown }).result).toMatchObject({
      transactionType: "payout",
    });
    expect((await api.call("GET", "/operator/v1/fee-schedules")).json()).toEqual({ items: [] });
  });
});

describeEachBackend("fees on participant transfers", (backend) => {
  const api = useApiHarness(backend);

  async function network(alphaCap = "1000.00") {
    const alpha = await onboardParticipant(api, "bank-alpha", "bank", alphaCap);
    const beta = await onboardParticipant(api, "bank-beta", "payment_institution");
    await setFee(api, "fee-schedules/transfer/EUR", networkFee);
    return { alpha, beta };
  }

  const pay = (id: string, amount: string, extra: Record<string, unknown> = {}) => ({
    id,
    payee: "bank-beta",
    amount,
    currency: "EUR",
    ...extra,
  });

  /** What a refused transfer must leave as it was (a signed request records its nonce). */
  async function ledgerTables() {
    const snapshot = new Map(await snapshotStore(api.hub.database));
    snapshot.delete("seen_nonces");
    return snapshot;
  }

  async function expectBalanced(): Promise<void> {
    const report = await verifyLedger(api.hub.ledgerStore);
    expect(report.problems).toEqual([]);
  }

  it("posts the fee with the transfer, shows it in the answer and the webhook, and sums to zero", async () => {
    const { alpha, beta } = await network();
    await api.hub.database.kysely
      .insertInto("webhook_endpoints")
      .values({
        participant_id: "bank-beta",
        id: "ep-1",
        url: "https://beta.example/hooks",
        event_types: "transfer.credited",
        created_at: 0n,
      })
      .execute();
    // 100.00 EUR: 0.10 + 100.00 × 25 / 10,000 = 0.35.
    const created = await alpha.call("POST", "/v1/transfers", pay("t-1", "100.00"));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      amount: "100.00",
      fee: { amount: "0.35", currency: "EUR" },
    });
    expect((await accountOf(api, "bank-alpha", "position")).balance).toBe("-100.35");
    expect((await accountOf(api, "bank-beta", "position")).balance).toBe("100.00");
    expect((await accountOf(api, "operator", "fee")).creditsPosted).toBe("0.35");
    expect((await beta.call("GET", "/v1/transfers/t-1")).json()).toMatchObject({
      fee: { amount: "0.35", currency: "EUR" },
    });
    const listed = await alpha.call("GET", "/v1/transfers");
    expect((listed.json() as { transfers: unknown[] }).transfers).toEqual([
      expect.objectContaining({ id: "t-1", fee: { amount: "0.35", currency: "EUR" } }),
    ]);
    const [delivery] = await api.hub.database.kysely
      .selectFrom("webhook_deliveries")
      .select("payload")
      .execute();
    expect(JSON.parse(delivery?.payload ?? "{}")).toMatchObject({
      type: "transfer.credited",
      data: { transferId: "t-1", amount: "100.00", fee: { amount: "0.35", currency: "EUR" } },
    });
    await expectBalanced();

    // The payer's daily statement shows the fee; the payee's shows none.
    const day = new Date().toISOString().slice(0, 10);
    const statement = async (client: typeof alpha) => {
      const csv = await client.call("GET", `/v1/reconciliation/days/${day}/statement.csv`);
      expect(csv.statusCode, csv.body).toBe(200);
      const [header = "", row = ""] = csv.body.trim().split("\r\n");
      const columns = header.split(",");
      return row.split(",")[columns.indexOf("fee")];
    };
    expect([await statement(alpha), await statement(beta)]).toEqual(["0.35", "0.00"]);

    // The fee settles with the window: the operator's fee account is netted like a position.
    const closed = await api.call("POST", "/operator/v1/settlement-windows/EUR-1/close");
    expect(closed.statusCode, closed.body).toBe(200);
    const report = await api.call("GET", "/operator/v1/settlement-windows/EUR-1");
    const nets = (report.json() as { positions: { participantId: string; net: string }[] })
      .positions;
    expect(Object.fromEntries(nets.map((p) => [p.participantId, p.net]))).toEqual({
      "bank-alpha": "-100.35",
      "bank-beta": "100.00",
      operator: "0.35",
    });
  });

  it("charges the payer's own schedule over the default, the minimum on small amounts, and nothing without a schedule", async () => {
    const { alpha } = await network();
    const small = await alpha.call("POST", "/v1/transfers", pay("t-small", "1.00"));
    expect(small.json()).toMatchObject({ fee: { amount: "0.20" } });
    await setFee(api, "participants/bank-alpha/fee-schedules/transfer/EUR", {
      fixed: "0.01",
      basisPoints: 0,
    });
    const own = await alpha.call("POST", "/v1/transfers", pay("t-own", "100.00"));
    expect(own.json()).toMatchObject({ fee: { amount: "0.01" } });
    const beta = await onboardParticipant(api, "bank-gamma");
    const free = await beta.call(
      "POST",
      "/v1/transfers",
      pay("t-free", "1.00", { currency: "EUR" }),
    );
    expect(free.statusCode, free.body).toBe(201);
    // bank-gamma has no schedule of its own, so the default applies; a currency without one is free.
    expect(free.json()).toMatchObject({ fee: { amount: "0.20" } });
    await api.callApproved("DELETE", "/operator/v1/fee-schedules/transfer/EUR");
    const none = await beta.call("POST", "/v1/transfers", pay("t-none", "1.00"));
    expect(none.json()).toMatchObject({ fee: null });
    await expectBalanced();
  });

  it("refuses the transfer whole when its fee would pass the payer's cap", async () => {
    const { alpha } = await network("100.00");
    const before = await ledgerTables();
    // 100.00 fits the cap alone; with its 0.35 fee it does not.
    const refused = await alpha.call("POST", "/v1/transfers", pay("t-cap", "100.00"));
    expectProblem(refused, 422, "exceeds_net_debit_cap");
    expect(await ledgerTables()).toEqual(before);
    // 99.00 costs 0.10 + 0.2475 → 0.35: 99.35 in all, within the cap.
    const fits = await alpha.call("POST", "/v1/transfers", pay("t-cap", "99.00"));
    expect(fits.statusCode, fits.body).toBe(201);
    expect((await accountOf(api, "bank-alpha", "position")).balance).toBe("-99.35");
    await expectBalanced();
  });

  it("charges each item of a bulk request its own fee, refusing only the one whose fee passes the cap", async () => {
    const { alpha } = await network("10.00");
    const response = await alpha.call("POST", "/v1/transfers/bulk", {
      transfers: [
        pay("b-1", "5.00"),
        // 5.20 owed so far; 4.80 and its 0.20 fee would make 10.20.
        pay("b-2", "4.80"),
        pay("b-3", "4.50"),
        pay("b-1", "5.00"),
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const { results } = response.json() as {
      results: { id: string; status: number; code?: string; replayed?: boolean; fee?: unknown }[];
    };
    expect(
      results.map(({ id, status, code, replayed }) => ({ id, status, code, replayed })),
    ).toEqual([
      { id: "b-1", status: 201, code: undefined, replayed: false },
      { id: "b-2", status: 422, code: "exceeds_net_debit_cap", replayed: undefined },
      { id: "b-3", status: 201, code: undefined, replayed: false },
      { id: "b-1", status: 201, code: undefined, replayed: true },
    ]);
    expect((await accountOf(api, "bank-alpha", "position")).balance).toBe("-9.90");
    expect((await accountOf(api, "operator", "fee")).creditsPosted).toBe("0.40");
    await expectBalanced();
  });

  it("answers a retry with the first fee and charges it once, even after the schedule changed", async () => {
    const { alpha } = await network();
    const first = await alpha.call("POST", "/v1/transfers", pay("t-1", "100.00"));
    const retry = await alpha.call("POST", "/v1/transfers", pay("t-1", "100.00"));
    expect(retry.statusCode).toBe(201);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(retry.json()).toEqual(first.json());
    await api.callApproved("DELETE", "/operator/v1/fee-schedules/transfer/EUR");
    const afterRemoval = await alpha.call("POST", "/v1/transfers", pay("t-1", "100.00"));
    expect(afterRemoval.headers["idempotent-replayed"]).toBe("true");
    expect(afterRemoval.json()).toEqual(first.json());
    // And the reverse: sent first without a fee, retried once a schedule exists.
    await alpha.call("POST", "/v1/transfers", pay("t-2", "10.00"));
    await setFee(api, "fee-schedules/transfer/EUR", networkFee);
    const later = await alpha.call("POST", "/v1/transfers", pay("t-2", "10.00"));
    expect(later.headers["idempotent-replayed"]).toBe("true");
    expect(later.json()).toMatchObject({ fee: null });
    expectProblem(
      await alpha.call("POST", "/v1/transfers", pay("t-2", "10.01")),
      409,
      "idempotency_key_reused",
    );
    expect((await accountOf(api, "bank-alpha", "position")).balance).toBe("-110.35");
    expect((await accountOf(api, "operator", "fee")).creditsPosted).toBe("0.35");
    await expectBalanced();
  });

  it("reserves a reservation's fee with it, and commits or voids them together", async () => {
    const { alpha } = await network();
    const reserved = await alpha.call(
      "POST",
      "/v1/transfers",
      pay("r-1", "100.00", { reserveForMs: 60_000 }),
    );
    expect(reserved.json()).toMatchObject({ state: "reserved", fee: { amount: "0.35" } });
    expect((await accountOf(api, "bank-alpha", "position")).debitsPending).toBe("100.35");
    const committed = await alpha.call("POST", "/v1/transfers/r-1/commit");
    expect(committed.statusCode, committed.body).toBe(200);
    expect(committed.json()).toMatchObject({ state: "committed", fee: { amount: "0.35" } });
    const again = await alpha.call("POST", "/v1/transfers/r-1/commit");
    expect(again.statusCode).toBe(200);
    await alpha.call("POST", "/v1/transfers", pay("r-2", "10.00", { reserveForMs: 60_000 }));
    const voided = await alpha.call("POST", "/v1/transfers/r-2/void");
    expect(voided.json()).toMatchObject({ state: "voided", fee: { amount: "0.20" } });
    const position = await accountOf(api, "bank-alpha", "position");
    expect(position).toMatchObject({ balance: "-100.35", debitsPending: "0.00" });
    const fees = await accountOf(api, "operator", "fee");
    expect(fees).toMatchObject({ creditsPosted: "0.35", creditsPending: "0.00" });
    await expectBalanced();
  });

  it("keeps the fee's id space out of participants' reach", async () => {
    const { alpha } = await network();
    const squatted = await alpha.call("POST", "/v1/transfers", pay("~fee:t-9", "1.00"));
    expect([400, 422]).toContain(squatted.statusCode);
    expect((await accountOf(api, "bank-alpha", "position")).balance).toBe("0.00");
  });
});
