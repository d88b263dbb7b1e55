import { describe, expect, it } from "vitest";
import { describeEachBackend } from "../support/backends.ts";
import { accountOf, deposit, expectProblem, useApiHarness } from "./api-harness.ts";
import { onboardParticipant, type ParticipantClient } from "./participant-client.ts";

interface TransferBody {
  id: string;
  payer: string;
  payee: string;
  amount: string;
  currency: string;
  reference: string | null;
  state: string;
  expiresAt: string | null;
  createdAt: string;
}

describeEachBackend("participant transfers", (backend) => {
  const api = useApiHarness(backend);

  async function twoBanks(): Promise<[ParticipantClient, ParticipantClient]> {
    const alpha = await onboardParticipant(api, "bank-alpha", "bank", "100.00");
    const beta = await onboardParticipant(api, "bank-beta", "payment_institution", "100.00");
    return [alpha, beta];
  }

  const pay = (id: string, amount = "10.00", extra: Record<string, unknown> = {}) => ({
    id,
    payee: "bank-beta",
    amount,
    currency: "EUR",
    ...extra,
  });

  it("moves the amount from the payer's position to the payee's and shows it to both", async () => {
    const [alpha, beta] = await twoBanks();
    const created = await alpha.call(
      "POST",
      "/v1/transfers",
      pay("t-1", "12.30", { reference: "inv 7" }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json() as TransferBody;
    expect(body).toMatchObject({
      id: "t-1",
      payer: "bank-alpha",
      payee: "bank-beta",
      amount: "12.30",
      currency: "EUR",
      reference: "inv 7",
      state: "posted",
      expiresAt: null,
    });
    expect((await accountOf(api, "bank-alpha", "position")).balance).toBe("-12.30");
    expect((await accountOf(api, "bank-beta", "position")).balance).toBe("12.30");
    const seenByPayee = await beta.call("GET", "/v1/transfers/t-1");
    expect(seenByPayee.json()).toEqual(body);
    const outsider = await onboardParticipant(api, "bank-gamma");
    expectProblem(await outsider.call("GET", "/v1/transfers/t-1"), 404, "transfer_not_found");
  });

  it("answers a retry with the first answer and moves nothing more", async () => {
    const [alpha] = await twoBanks();
    const first = await alpha.call("POST", "/v1/transfers", pay("t-1"));
    // The same request, its keys in another order: RFC 8785 makes it the same body.
    const reordered = { currency: "EUR", amount: "10.00", payee: "bank-beta", id: "t-1" };
    const retry = await alpha.call("POST", "/v1/transfers", reordered);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(retry.json()).toEqual(first.json());
    expect(first.headers["idempotent-replayed"]).toBeUndefined();
    expect((await accountOf(api, "bank-alpha", "position")).balance).toBe("-10.00");
  });

  it("refuses another body under a used id, and another participant's id", async () => {
    const [alpha, beta] = await twoBanks();
    await alpha.call("POST", "/v1/transfers", pay("t-1"));
    const changed = await alpha.call(
      "POST",
      "/v1/transfers",
      pay("t-1", "10.00", { reference: "x" }),
    );
    expectProblem(changed, 409, "idempotency_key_reused");
    const moreMoney = await alpha.call("POST", "/v1/transfers", pay("t-1", "11.00"));
    expectProblem(moreMoney, 409, "idempotency_key_reused");
    const taken = await beta.call("POST", "/v1/transfers", { ...pay("t-1"), payee: "bank-alpha" });
    expectProblem(taken, 409, "transfer_id_taken");
    expect((await accountOf(api, "bank-alpha", "position")).balance).toBe("-10.00");
  });

  it("refuses an id in the hub's own namespace, where bill payments and settlement legs live, moving nothing", async () => {
    const [alpha] = await twoBanks();
    // A bill payment's clearing id is derived from public ids; taken first, it would block it.
    const squatted = await alpha.call("POST", "/v1/transfers", pay("bp.0123abcd"));
    expectProblem(squatted, 422, "transfer_id_reserved");
    // So is a settlement leg's, from its window and account.
    expectProblem(
      await alpha.call("POST", "/v1/transfers", pay("st.USD-1.7")),
      422,
      "transfer_id_reserved",
    );
    expect((await accountOf(api, "bank-alpha", "position")).balance).toBe("0.00");
    // Only the prefix is kept: the same characters elsewhere in an id are the client's.
    expect((await alpha.call("POST", "/v1/transfers", pay("order.bp.1"))).statusCode).toBe(201);
  });

  it("gives concurrent duplicates exactly one effect", async () => {
    const [alpha] = await twoBanks();
    const answers = await Promise.all(
      Array.from({ length: 24 }, () => alpha.call("POST", "/v1/transfers", pay("t-dup", "1.00"))),
    );
    expect(answers.map((answer) => answer.statusCode)).toEqual(answers.map(() => 201));
    const fresh = answers.filter((answer) => answer.headers["idempotent-replayed"] === undefined);
    expect(fresh).toHaveLength(1);
    expect((await accountOf(api, "bank-alpha", "position")).balance).toBe("-1.00");
    const bodies = await Promise.all(
      [1, 2, 3, 4].map((cents) =>
        alpha.call("POST", "/v1/transfers", pay("t-race", `0.0${cents}`)),
      ),
    );
    expect(bodies.filter((answer) => answer.statusCode === 201)).toHaveLength(1);
    expect(bodies.filter((answer) => answer.statusCode === 409)).toHaveLength(3);
  });

  it("writes nothing for a refused transfer, so the id can be sent again once it can succeed", async () => {
    const [alpha] = await twoBanks();
    const tooMuch = await alpha.call("POST", "/v1/transfers", pay("t-big", "150.00"));
    expectProblem(tooMuch, 422, "exceeds_net_debit_cap");
    expectProblem(await alpha.call("GET", "/v1/transfers/t-big"), 404, "transfer_not_found");
    await deposit(api, "bank-alpha", "dep-1", "100.00");
    const raised = await api.callApproved(
      "PUT",
      "/operator/v1/participants/bank-alpha/net-debit-caps/EUR",
      {
        amount: "200.00",
      },
    );
    expect(raised.statusCode, raised.body).toBe(200);
    const again = await alpha.call("POST", "/v1/transfers", pay("t-big", "150.00"));
    expect(again.statusCode, again.body).toBe(201);
  });

  it("refuses payees that cannot be paid, with their own codes", async () => {
    const [alpha] = await twoBanks();
    const cases: [Record<string, unknown>, number, string][] = [
      [pay("t-a", "1.00", { payee: "nobody-here" }), 422, "payee_not_found"],
      [pay("t-b", "1.00", { payee: "bank-alpha" }), 422, "payee_is_payer"],
      [pay("t-c", "1.00", { payee: "operator" }), 422, "payee_not_found"],
      [pay("t-d", "1.00", { currency: "USD" }), 422, "currency_not_held"],
      [pay("t-e", "1.001"), 422, "amount_too_precise"],
      [pay("t-f", "1.00", { currency: "XXQ" }), 422, "currency_unknown"],
      [pay("~t-g", "1.00"), 422, "id_invalid"],
    ];
    for (const [body, status, code] of cases) {
      expectProblem(await alpha.call("POST", "/v1/transfers", body), status, code);
    }
    expect((await accountOf(api, "bank-alpha", "position")).balance).toBe("0.00");
  });

  it("finds nothing under an id no participant or transfer can have, a NUL in it too, on every store", async () => {
    const [alpha] = await twoBanks();
    await alpha.call("POST", "/v1/transfers", pay("t-1"));
    // PostgreSQL text cannot hold a NUL: such an id must never reach the store as a query.
    expectProblem(await alpha.call("GET", "/v1/transfers/~t-1"), 404, "transfer_not_found");
    for (const path of ["/v1/transfers/t%001", "/v1/transfers/t%001/commit"]) {
      const method = path.endsWith("/commit") ? "POST" : "GET";
      expectProblem(await alpha.call(method, path), 400, "request_invalid");
    }
    for (const payee of ["bank\u0000beta", "Bank-Beta", "b"]) {
      expectProblem(
        await alpha.call("POST", "/v1/transfers", pay("t-2", "1.00", { payee })),
        422,
        "payee_not_found",
      );
    }
    const page = await alpha.call("GET", "/v1/transfers?counterparty=bank-gamma");
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toEqual({ transfers: [], next: null });
    expectProblem(
      await alpha.call("GET", "/v1/transfers?counterparty=bank%00beta"),
      400,
      "request_invalid",
    );
  });

  it("refuses a string holding half a character as invalid JSON, alone or in bulk, and takes a whole one", async () => {
    const [alpha] = await twoBanks();
    // JSON.stringify writes an unpaired surrogate as a \u escape: valid JSON, but not I-JSON,
    // and RFC 8785 cannot canonicalise it for the idempotency hash.
    for (const body of [
      pay("t-\ud800"),
      pay("t-1", "1.00", { reference: "half \udfff" }),
      pay("t-1", "1.00", { debtor: { name: "\ud83d" } }),
      { transfers: [pay("t-1"), pay("t-2", "1.00", { payee: "\udc00" })] },
    ]) {
      const path = "transfers" in body ? "/v1/transfers/bulk" : "/v1/transfers";
      expectProblem(await alpha.call("POST", path, body), 400, "body_invalid_json");
    }
    const whole = await alpha.call(
      "POST",
      "/v1/transfers",
      pay("t-1", "1.00", { reference: "\ud83d\ude00" }),
    );
    expect(whole.statusCode, whole.body).toBe(201);
    expect((whole.json() as TransferBody).reference).toBe("😀");
  });

  it("reserves, then commits once; only the payer resolves", async () => {
    const [alpha, beta] = await twoBanks();
    const reserved = await alpha.call(
      "POST",
      "/v1/transfers",
      pay("r-1", "5.00", { reserveForMs: 60_000 }),
    );
    expect(reserved.json()).toMatchObject({ state: "reserved", expiresAt: expect.any(String) });
    expectProblem(
      await beta.call("POST", "/v1/transfers/r-1/commit"),
      403,
      "resolution_not_permitted",
    );
    const committed = await alpha.call("POST", "/v1/transfers/r-1/commit");
    expect(committed.statusCode, committed.body).toBe(200);
    expect(committed.json()).toMatchObject({ id: "r-1", state: "committed" });
    const again = await alpha.call("POST", "/v1/transfers/r-1/commit");
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expectProblem(await alpha.call("POST", "/v1/transfers/r-1/void"), 409, "already_committed");
    expect((await accountOf(api, "bank-beta", "position")).balance).toBe("5.00");
    expect((await beta.call("GET", "/v1/transfers/r-1")).json()).toMatchObject({
      state: "committed",
    });
  });

  it("voids a reservation and returns the amount", async () => {
    const [alpha] = await twoBanks();
    await alpha.call("POST", "/v1/transfers", pay("r-2", "5.00", { reserveForMs: 60_000 }));
    const voided = await alpha.call("POST", "/v1/transfers/r-2/void");
    expect(voided.json()).toMatchObject({ state: "voided" });
    const position = await accountOf(api, "bank-alpha", "position");
    expect([position.balance, position.debitsPending]).toEqual(["0.00", "0.00"]);
  });

  it("answers each item of a bulk request on its own", async () => {
    const [alpha] = await twoBanks();
    const response = await alpha.call("POST", "/v1/transfers/bulk", {
      transfers: [
        pay("b-1", "1.00"),
        pay("b-2", "1.0000"),
        pay("b-3", "2.00", { payee: "nobody-here" }),
        pay("b-4", "3.00"),
        pay("b-1", "1.00"),
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const { results } = response.json() as {
      results: { id: string; status: number; code?: string; replayed?: boolean }[];
    };
    expect(
      results.map(({ id, status, code, replayed }) => ({ id, status, code, replayed })),
    ).toEqual([
      { id: "b-1", status: 201, code: undefined, replayed: false },
      { id: "b-2", status: 422, code: "amount_too_precise", replayed: undefined },
      { id: "b-3", status: 422, code: "payee_not_found", replayed: undefined },
      { id: "b-4", status: 201, code: undefined, replayed: false },
      { id: "b-1", status: 201, code: undefined, replayed: true },
    ]);
    expect((await accountOf(api, "bank-alpha", "position")).balance).toBe("-4.00");
  });

  it("lists the caller's transfers newest first, page by page, with filters", async () => {
    const [alpha, beta] = await twoBanks();
    const gamma = await onboardParticipant(api, "bank-gamma");
    for (let index = 0; index < 5; index++) {
      await alpha.call("POST", "/v1/transfers", pay(`l-${index}`, "1.00"));
    }
    await gamma.call("POST", "/v1/transfers", { ...pay("g-1", "1.00"), payee: "bank-alpha" });
    await alpha.call("POST", "/v1/transfers", pay("l-r", "1.00", { reserveForMs: 60_000 }));
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? "" : `&cursor=${cursor}`;
      const page = await alpha.call("GET", `/v1/transfers?limit=3${query}`);
      expect(page.statusCode, page.body).toBe(200);
      const body = page.json() as { transfers: TransferBody[]; next: string | null };
      ids.push(...body.transfers.map((transfer) => transfer.id));
      cursor = body.next;
    } while (cursor !== null);
    expect(new Set(ids)).toEqual(new Set(["l-0", "l-1", "l-2", "l-3", "l-4", "g-1", "l-r"]));
    expect(ids).toHaveLength(7);
    const withGamma = await alpha.call("GET", "/v1/transfers?counterparty=bank-gamma");
    expect((withGamma.json() as { transfers: TransferBody[] }).transfers.map((t) => t.id)).toEqual([
      "g-1",
    ]);
    const reserved = await alpha.call("GET", "/v1/transfers?state=reserved");
    expect((reserved.json() as { transfers: TransferBody[] }).transfers.map((t) => t.id)).toEqual([
      "l-r",
    ]);
    const future = new Date(Date.now() + 60_000).toISOString();
    const none = await alpha.call("GET", `/v1/transfers?from=${encodeURIComponent(future)}`);
    expect(none.statusCode, none.body).toBe(200);
    expect((none.json() as { transfers: TransferBody[] }).transfers).toEqual([]);
    const betaSees = await beta.call("GET", "/v1/transfers");
    expect((betaSees.json() as { transfers: TransferBody[] }).transfers).toHaveLength(6);
    expectProblem(await alpha.call("GET", "/v1/transfers?cursor=bm9wZQ"), 400, "cursor_invalid");
  });

  it("writes the payee's webhook deliveries in the batch that moved the money, and none for a refusal", async () => {
    const [alpha] = await twoBanks();
    await api.hub.database.kysely
      .insertInto("webhook_endpoints")
      .values({
        participant_id: "bank-beta",
        id: "ep-1",
        url: "https://beta.example/hooks",
        event_types: "transfer.committed transfer.credited",
        created_at: 0n,
      })
      .execute();
    await alpha.call("POST", "/v1/transfers", pay("w-1", "2.50"));
    await alpha.call("POST", "/v1/transfers", pay("w-2", "500.00"));
    await alpha.call("POST", "/v1/transfers", pay("w-3", "1.00", { reserveForMs: 60_000 }));
    const rows = await api.hub.database.kysely
      .selectFrom("webhook_deliveries")
      .select(["participant_id", "endpoint_id", "event_id", "event_type", "payload", "status"])
      .execute();
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({
      participant_id: "bank-beta",
      endpoint_id: "ep-1",
      event_id: "transfer.credited:w-1",
      event_type: "transfer.credited",
      status: "pending",
    });
    expect(JSON.parse(row?.payload ?? "{}")).toMatchObject({
      type: "transfer.credited",
      data: {
        transferId: "w-1",
        payer: "bank-alpha",
        payee: "bank-beta",
        amount: "2.50",
        state: "posted",
      },
    });
  });
});

describe("participant transfers: kinds", () => {
  const api = useApiHarness("sqlite");

  it("lets a biller read but not pay", async () => {
    await onboardParticipant(api, "bank-beta");
    const biller = await onboardParticipant(api, "biller-water", "biller");
    const refused = await biller.call("POST", "/v1/transfers", {
      id: "x-1",
      payee: "bank-beta",
      amount: "1.00",
      currency: "EUR",
    });
    expectProblem(refused, 403, "operation_not_permitted");
    expect((await biller.call("GET", "/v1/transfers")).statusCode).toBe(200);
  });
});
