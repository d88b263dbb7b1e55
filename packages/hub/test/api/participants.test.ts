import { expect, it, vi } from "vitest";
import { describeEachBackend } from "../support/backends.ts";
import { testActor } from "../support/test-actor.ts";
import {
  accountOf,
  createParticipant,
  deposit,
  expectProblem,
  type ParticipantBody,
  useApiHarness,
} from "./api-harness.ts";

describeEachBackend("participants API", (backend) => {
  const api = useApiHarness(backend);

  const register = (body: Record<string, unknown>) =>
    api.call("POST", "/operator/v1/participants", {
      id: "acme-bank",
      name: "Acme Bank",
      kind: "bank",
      currencies: [{ currency: "EUR", netDebitCap: "1000.00" }],
      ...body,
    });

  it("registers a participant with a position, settlement and fee account per currency", async () => {
    const response = await register({
      currencies: [
        { currency: "EUR", netDebitCap: "1000.5" },
        { currency: "JPY", netDebitCap: "0" },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers.location).toBe("/operator/v1/participants/acme-bank");
    const participant = response.json() as ParticipantBody;
    expect(participant).toMatchObject({
      id: "acme-bank",
      name: "Acme Bank",
      kind: "bank",
      status: "active",
    });
    expect(new Date(participant.createdAt).toISOString()).toBe(participant.createdAt);
    const summary = participant.accounts.map((a) => [
      a.currency,
      a.kind,
      a.netDebitCap ?? null,
      a.balance,
    ]);
    expect(summary).toEqual([
      ["EUR", "position", "1000.50", "0.00"],
      ["EUR", "settlement", null, "0.00"],
      ["EUR", "fee", null, "0.00"],
      ["JPY", "position", "0", "0"],
      ["JPY", "settlement", null, "0"],
      ["JPY", "fee", null, "0"],
    ]);
    const fetched = await api.call("GET", "/operator/v1/participants/acme-bank");
    expect(fetched.json()).toEqual(participant);
  });

  it("refuses a duplicate id with 409 participant_exists", async () => {
    await createParticipant(api, "acme-bank");
    expectProblem(await register({ name: "Other" }), 409, "participant_exists");
  });

  it("refuses a malformed id with 422 participant_id_invalid", async () => {
    for (const id of ["Acme", "a", "-acme", "acme_bank"]) {
      expectProblem(await register({ id }), 422, "participant_id_invalid");
    }
    expectProblem(await register({ id: "a".repeat(65) }), 400, "request_invalid");
    expect((await api.call("GET", "/operator/v1/participants/acme")).statusCode).toBe(404);
  });

  it("names every bad currency entry and registers nothing", async () => {
    const response = await register({
      currencies: [
        { currency: "EUR", netDebitCap: "10" },
        { currency: "XYZ", netDebitCap: "10" },
        { currency: "USD", netDebitCap: "1.005" },
        { currency: "EUR", netDebitCap: "5" },
        { currency: "GBP", netDebitCap: "-1" },
      ],
    });
    const problem = expectProblem(response, 422, "currency_unknown");
    expect(problem.errors).toEqual([
      { index: 1, code: "currency_unknown", pointer: "/currencies/1/currency" },
      { index: 2, code: "amount_too_precise", pointer: "/currencies/2/netDebitCap" },
      { index: 3, code: "currency_duplicate", pointer: "/currencies/3/currency" },
      { index: 4, code: "amount_invalid", pointer: "/currencies/4/netDebitCap" },
    ]);
    expectProblem(
      await api.call("GET", "/operator/v1/participants/acme-bank"),
      404,
      "participant_not_found",
    );
  });

  it("answers the amount's own code for a bad net debit cap", async () => {
    const cap = (netDebitCap: string) =>
      register({ currencies: [{ currency: "EUR", netDebitCap }] });
    expectProblem(await cap("12.345"), 422, "amount_too_precise");
    expectProblem(await cap("1e3"), 422, "amount_invalid");
    expectProblem(await cap("9999999999999999999"), 422, "amount_too_large");
  });

  it("enforces the schema: kinds, extra fields, currency count", async () => {
    expectProblem(await register({ kind: "operator" }), 400, "request_invalid");
    const extra = expectProblem(await register({ color: "red" }), 400, "request_invalid");
    expect(extra.errors).toEqual([
      { location: "body", pointer: "/color", detail: expect.any(String) },
    ]);
    const many = Array.from({ length: 21 }, () => ({ currency: "EUR", netDebitCap: "1" }));
    expectProblem(await register({ currencies: many }), 400, "request_invalid");
    expectProblem(
      await register({ currencies: [{ currency: "EUR", netDebitCap: 100 }] }),
      400,
      "request_invalid",
    );
  });

  it("filters by kind and status, pages through the filtered list, and lists balances", async () => {
    const kinds = ["bank", "payment_institution", "bank", "biller", "bank"];
    for (const [index, kind] of kinds.entries()) {
      const response = await register({ id: `p-0${index}`, name: `P ${index}`, kind });
      expect(response.statusCode, response.body).toBe(201);
    }
    await api.call("POST", "/operator/v1/participants/p-02/status", { status: "suspended" });
    await deposit(api, "p-04", "dep-1", "12.50");
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `kind=bank&limit=1${cursor === null ? "" : `&cursor=${cursor}`}`;
      const response = await api.call("GET", `/operator/v1/participants?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json() as {
        items: ParticipantBody[];
        nextCursor: string | null;
      };
      ids.push(...page.items.map((item) => item.id));
      const funded = page.items.find((item) => item.id === "p-04");
      if (funded !== undefined) {
        const settlement = funded.accounts.find((account) => account.kind === "settlement");
        expect(settlement?.balance).toBe("12.50");
      }
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null && pages < 10);
    expect(ids).toEqual(["p-00", "p-02", "p-04"]);
    const listed = async (query: string) =>
      (
        (await api.call("GET", `/operator/v1/participants?${query}`)).json() as {
          items: { id: string }[];
        }
      ).items.map((item) => item.id);
    expect(await listed("kind=bank&status=active")).toEqual(["p-00", "p-04"]);
    expect(await listed("status=suspended")).toEqual(["p-02"]);
    expect(await listed("kind=operator")).toEqual(["operator"]);
  });

  it("refuses unknown filters, unknown kinds and statuses, and malformed cursors", async () => {
    for (const query of ["country=FR", "kind=wallet", "status=closed", "name=x"]) {
      expectProblem(
        await api.call("GET", `/operator/v1/participants?${query}`),
        400,
        "request_invalid",
      );
    }
    for (const query of ["cursor=Not%20An%20Id", "cursor=p-01&after=p-02"]) {
      expectProblem(
        await api.call("GET", `/operator/v1/participants?${query}`),
        400,
        "cursor_invalid",
      );
    }
  });

  it("pages through participants with a cursor", async () => {
    for (const id of ["p-03", "p-01", "p-02", "p-04", "p-05"]) await createParticipant(api, id, []);
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor === null ? "limit=2" : `limit=2&after=${cursor}`;
      const response = await api.call("GET", `/operator/v1/participants?${query}`);
      expect(response.statusCode).toBe(200);
      const page = response.json() as { items: { id: string }[]; nextCursor: string | null };
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null && pages < 10);
    // The hub's own operator participant is listed too.
    expect(ids).toEqual(["operator", "p-01", "p-02", "p-03", "p-04", "p-05"]);
    const all = (await api.call("GET", "/operator/v1/participants")).json() as {
      nextCursor: string | null;
    };
    expect(all.nextCursor).toBeNull();
    expectProblem(
      await api.call("GET", "/operator/v1/participants?limit=501"),
      400,
      "request_invalid",
    );
    expectProblem(
      await api.call("GET", "/operator/v1/participants?limit=0"),
      400,
      "request_invalid",
    );
  });

  it("suspends, reactivates and terminates; termination is final", async () => {
    await createParticipant(api, "acme-bank");
    const status = (value: string) =>
      api.call("POST", "/operator/v1/participants/acme-bank/status", { status: value });
    const suspended = await status("suspended");
    expect(suspended.statusCode).toBe(200);
    expect(suspended.json()).toMatchObject({ id: "acme-bank", status: "suspended" });
    expectProblem(await status("suspended"), 409, "status_unchanged");
    expect((await status("active")).statusCode).toBe(200);
    const terminated = await api.callApproved(
      "POST",
      "/operator/v1/participants/acme-bank/status",
      {
        status: "terminated",
      },
    );
    expect(terminated.statusCode).toBe(200);
    expect(terminated.json().result).toMatchObject({ id: "acme-bank", status: "terminated" });
    expectProblem(await status("active"), 409, "participant_terminated");
    expectProblem(await status("terminated"), 409, "participant_terminated");
    expectProblem(await status("paused"), 400, "request_invalid");
    expectProblem(
      await api.call("POST", "/operator/v1/participants/nobody/status", { status: "active" }),
      404,
      "participant_not_found",
    );
  });

  it("adds a currency", async () => {
    await createParticipant(api, "acme-bank");
    const add = (body: unknown) =>
      api.call("POST", "/operator/v1/participants/acme-bank/currencies", body);
    const response = await add({ currency: "USD", netDebitCap: "250" });
    expect(response.statusCode, response.body).toBe(201);
    const { accounts } = response.json() as { accounts: { currency: string; kind: string }[] };
    expect(accounts.filter((a) => a.currency === "USD").map((a) => a.kind)).toEqual([
      "position",
      "settlement",
      "fee",
    ]);
    expect((await accountOf(api, "acme-bank", "position", "USD")).netDebitCap).toBe("250.00");
    const unknown = expectProblem(
      await add({ currency: "ABC", netDebitCap: "1" }),
      422,
      "currency_unknown",
    );
    expect(unknown.errors).toEqual([{ code: "currency_unknown", pointer: "/currency" }]);
    expectProblem(await add({ currency: "USD", netDebitCap: "1.001" }), 422, "amount_too_precise");
    expectProblem(
      await api.call("POST", "/operator/v1/participants/nobody/currencies", {
        currency: "USD",
        netDebitCap: "1",
      }),
      404,
      "participant_not_found",
    );
  });

  it("sets a net debit cap, zero included", async () => {
    await createParticipant(api, "acme-bank");
    const put = (currency: string, amount: unknown, id = "acme-bank") =>
      api.call("PUT", `/operator/v1/participants/${id}/net-debit-caps/${currency}`, { amount });
    // A raise needs a second operator's approval; the approval answers what the route would.
    const response = await api.callApproved(
      "PUT",
      "/operator/v1/participants/acme-bank/net-debit-caps/EUR",
      { amount: "2500.75" },
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().result).toMatchObject({
      kind: "position",
      currency: "EUR",
      netDebitCap: "2500.75",
    });
    expect((await put("EUR", "0")).json()).toMatchObject({ netDebitCap: "0.00" });
    expect((await accountOf(api, "acme-bank", "position")).netDebitCap).toBe("0.00");
    expectProblem(await put("USD", "1"), 422, "currency_not_held");
    expectProblem(await put("QQQ", "1"), 422, "currency_unknown");
    expectProblem(await put("EUR", "1", "nobody"), 404, "participant_not_found");
    expectProblem(await put("EUR", "-1"), 422, "amount_invalid");
    expectProblem(await put("EUR", 1), 400, "request_invalid");
  });

  it("refuses duplicate currencies in the service too, registering nothing", async () => {
    const registered = await api.hub.participants.register(
      {
        id: "acme-bank",
        name: "Acme Bank",
        kind: "bank",
        currencies: [
          { currency: "EUR", netDebitCap: 100n },
          { currency: "USD", netDebitCap: 5n },
          { currency: "EUR", netDebitCap: 200n },
        ],
      },
      testActor,
    );
    expect(registered).toEqual({ ok: false, code: "currency_duplicate" });
    expectProblem(
      await api.call("GET", "/operator/v1/participants/acme-bank"),
      404,
      "participant_not_found",
    );
    expect(await api.hub.participantStore.listAccounts("acme-bank")).toEqual([]);
    const duplicate = expectProblem(
      await register({
        currencies: [
          { currency: "EUR", netDebitCap: "1" },
          { currency: "EUR", netDebitCap: "1" },
        ],
      }),
      422,
      "currency_duplicate",
    );
    expect(duplicate.errors).toEqual([
      { index: 1, code: "currency_duplicate", pointer: "/currencies/1/currency" },
    ]);
  });

  it("keeps the operator active: any status change is 409 operator_status_fixed", async () => {
    for (const status of ["suspended", "terminated", "active"]) {
      expectProblem(
        await api.call("POST", "/operator/v1/participants/operator/status", { status }),
        409,
        "operator_status_fixed",
      );
    }
    const operator = await api.call("GET", "/operator/v1/participants/operator");
    expect(operator.json()).toMatchObject({ id: "operator", kind: "operator", status: "active" });
    // Deposits, booked against the operator's reconciliation account, still work.
    await createParticipant(api, "acme-bank");
    await deposit(api, "acme-bank", "d1", "5.00");
    expect((await accountOf(api, "acme-bank", "settlement")).balance).toBe("5.00");
  });

  it("answers 409 status_changed_concurrently when the status changed since it was read", async () => {
    await createParticipant(api, "acme-bank");
    const stale = await api.hub.participantStore.findParticipant("acme-bank");
    expect(stale?.status).toBe("active");
    const terminated = await api.callApproved(
      "POST",
      "/operator/v1/participants/acme-bank/status",
      {
        status: "terminated",
      },
    );
    expect(terminated.statusCode, terminated.body).toBe(200);
    // The next change reads the status as it was before the termination, as a racing one would.
    const find = vi.spyOn(api.hub.participantStore, "findParticipant").mockResolvedValueOnce(stale);
    try {
      expectProblem(
        await api.call("POST", "/operator/v1/participants/acme-bank/status", {
          status: "suspended",
        }),
        409,
        "status_changed_concurrently",
      );
      expect(find).toHaveBeenCalledTimes(1);
    } finally {
      find.mockRestore();
    }
    const after = await api.call("GET", "/operator/v1/participants/acme-bank");
    expect(after.json()).toMatchObject({ status: "terminated" });
  });

  it("never revives a terminated participant when status changes race", async () => {
    const rounds = 8;
    for (let round = 0; round < rounds; round++) {
      const id = `racer-${round}`;
      await createParticipant(api, id);
      const url = `/operator/v1/participants/${id}/status`;
      const [terminate, suspend] = await Promise.all([
        api.callApproved("POST", url, { status: "terminated" }),
        api.call("POST", url, { status: "suspended" }),
      ]);
      for (const response of [terminate, suspend]) {
        if (response.statusCode === 200) continue;
        expect(["status_changed_concurrently", "participant_terminated"]).toContain(
          (response.json() as { code: string }).code,
        );
      }
      const final = (
        await api.call("GET", `/operator/v1/participants/${id}`)
      ).json() as ParticipantBody;
      if (terminate.statusCode === 200) expect(final.status).toBe("terminated");
      else expect(suspend.statusCode).toBe(200);
      expect(final.status).not.toBe("active");
    }
  });

  it("refuses to add a currency already held with 409 currency_held, cap unchanged", async () => {
    await createParticipant(api, "acme-bank", [{ currency: "EUR", netDebitCap: "100.00" }]);
    const before = (
      await api.call("GET", "/operator/v1/participants/acme-bank")
    ).json() as ParticipantBody;
    const held = await api.call("POST", "/operator/v1/participants/acme-bank/currencies", {
      currency: "EUR",
      netDebitCap: "999",
    });
    expectProblem(held, 409, "currency_held");
    expect((await api.call("GET", "/operator/v1/participants/acme-bank")).json()).toEqual(before);
    expect((await accountOf(api, "acme-bank", "position")).netDebitCap).toBe("100.00");
  });

  it("refuses new currencies and caps for a terminated participant with 409", async () => {
    await createParticipant(api, "acme-bank", [{ currency: "EUR", netDebitCap: "100.00" }]);
    const terminated = await api.callApproved(
      "POST",
      "/operator/v1/participants/acme-bank/status",
      {
        status: "terminated",
      },
    );
    expect(terminated.statusCode, terminated.body).toBe(200);
    const before = (
      await api.call("GET", "/operator/v1/participants/acme-bank")
    ).json() as ParticipantBody;
    expectProblem(
      await api.call("POST", "/operator/v1/participants/acme-bank/currencies", {
        currency: "USD",
        netDebitCap: "1",
      }),
      409,
      "participant_terminated",
    );
    // Terminated outranks currency_held and currency_not_held.
    expectProblem(
      await api.call("POST", "/operator/v1/participants/acme-bank/currencies", {
        currency: "EUR",
        netDebitCap: "1",
      }),
      409,
      "participant_terminated",
    );
    for (const currency of ["EUR", "USD"]) {
      expectProblem(
        await api.call("PUT", `/operator/v1/participants/acme-bank/net-debit-caps/${currency}`, {
          amount: "5",
        }),
        409,
        "participant_terminated",
      );
    }
    expect((await api.call("GET", "/operator/v1/participants/acme-bank")).json()).toEqual(before);
    expect((await accountOf(api, "acme-bank", "position")).netDebitCap).toBe("100.00");
  });

  it("still adds currencies and sets caps for a suspended participant", async () => {
    await createParticipant(api, "acme-bank");
    const suspended = await api.call("POST", "/operator/v1/participants/acme-bank/status", {
      status: "suspended",
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    const added = await api.call("POST", "/operator/v1/participants/acme-bank/currencies", {
      currency: "USD",
      netDebitCap: "10",
    });
    expect(added.statusCode, added.body).toBe(201);
    const capped = await api.call("PUT", "/operator/v1/participants/acme-bank/net-debit-caps/EUR", {
      amount: "7",
    });
    expect(capped.statusCode, capped.body).toBe(200);
    expect((await accountOf(api, "acme-bank", "position")).netDebitCap).toBe("7.00");
    expect((await accountOf(api, "acme-bank", "position", "USD")).netDebitCap).toBe("10.00");
  });

  it("answers 404 participant_not_found for an unknown participant", async () => {
    expectProblem(
      await api.call("GET", "/operator/v1/participants/nobody"),
      404,
      "participant_not_found",
    );
  });
});
