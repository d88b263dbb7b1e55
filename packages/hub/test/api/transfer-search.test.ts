import { expect, it, vi } from "vitest";
import { PendingExpiry, pendingExpiryDefaults } from "../../src/jobs/pending-expiry.ts";
import { describeEachBackend } from "../support/backends.ts";
import { deposit, expectProblem, useApiHarness } from "./api-harness.ts";
import { onboardParticipant, type ParticipantClient } from "./participant-client.ts";

interface Item {
  id: string;
  kind: string;
  state: string;
  payerId: string;
  payeeId: string;
  amount: string;
  currency: string;
  reference: string | null;
  createdAt: string;
  pendingId: string | null;
  resolvedBy: string | null;
}
interface Page {
  items: Item[];
  nextCursor: string | null;
}

describeEachBackend("operator transfer search", (backend) => {
  const api = useApiHarness(backend);

  const search = async (query: string): Promise<Page> => {
    const response = await api.call("GET", `/operator/v1/transfers?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Page;
  };
  const ids = async (query: string) => (await search(query)).items.map((item) => item.id);

  const pay = async (
    from: ParticipantClient,
    id: string,
    payee: string,
    amount: string,
    extra: Record<string, unknown> = {},
  ) => {
    const response = await from.call("POST", "/v1/transfers", {
      id,
      payee,
      amount,
      currency: "EUR",
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
  };

  /** alpha, beta and gamma, with a history of payments between them. */
  async function network() {
    const alpha = await onboardParticipant(api, "bank-alpha", "bank", "500.00");
    const beta = await onboardParticipant(api, "bank-beta", "payment_institution", "500.00");
    const gamma = await onboardParticipant(api, "bank-gamma", "bank", "500.00");
    await pay(alpha, "a-b-1", "bank-beta", "10.00", { reference: "inv-1" });
    await pay(alpha, "a-g-1", "bank-gamma", "20.00");
    await pay(beta, "b-a-1", "bank-alpha", "5.50");
    await pay(gamma, "g-b-1", "bank-beta", "99.99", { reference: "inv-2" });
    await pay(alpha, "a-b-2", "bank-beta", "1.00", { reserveForMs: 60_000 });
    await deposit(api, "bank-alpha", "dep-alpha", "300.00");
    return { alpha, beta, gamma };
  }

  it("answers each transfer with its parties by participant id and its state, newest first", async () => {
    await network();
    const page = await search("");
    expect(page.items.map((item) => item.id)).toEqual([
      "dep-alpha",
      "a-b-2",
      "g-b-1",
      "b-a-1",
      "a-g-1",
      "a-b-1",
    ]);
    expect(page.items[0]).toMatchObject({
      kind: "posted",
      state: "posted",
      payerId: "operator",
      payeeId: "bank-alpha",
      amount: "300.00",
      currency: "EUR",
    });
    expect(page.items[1]).toMatchObject({
      kind: "pending",
      state: "reserved",
      payerId: "bank-alpha",
      payeeId: "bank-beta",
      resolvedBy: null,
      pendingId: null,
    });
    expect(page.nextCursor).toBeNull();
  });

  it("filters by participant, counterparty, kind, currency, amount range, reference", async () => {
    await network();
    expect(await ids("participant=bank-beta")).toEqual(["a-b-2", "g-b-1", "b-a-1", "a-b-1"]);
    expect(await ids("participant=bank-alpha")).toEqual([
      "dep-alpha",
      "a-b-2",
      "b-a-1",
      "a-g-1",
      "a-b-1",
    ]);
    expect(await ids("participant=bank-alpha&counterparty=bank-beta")).toEqual([
      "a-b-2",
      "b-a-1",
      "a-b-1",
    ]);
    expect(await ids("participant=bank-alpha&kind=pending")).toEqual(["a-b-2"]);
    expect(await ids("kind=posted&participant=bank-gamma")).toEqual(["g-b-1", "a-g-1"]);
    expect(await ids("currency=EUR&amountMin=5.50&amountMax=20")).toEqual([
      "b-a-1",
      "a-g-1",
      "a-b-1",
    ]);
    expect(await ids("participant=bank-beta&currency=EUR&amountMin=50")).toEqual(["g-b-1"]);
    expect(await ids("currency=JPY")).toEqual([]);
    expect(await ids("reference=inv-2")).toEqual(["g-b-1"]);
    expect(await ids("participant=bank-alpha&reference=inv-1")).toEqual(["a-b-1"]);
  });

  it("finds transfers the operator posted by account id under the accounts' participants", async () => {
    await network();
    const accounts = async (id: string) =>
      (
        (await api.call("GET", `/operator/v1/participants/${id}`)).json() as {
          accounts: { id: number; kind: string; currency: string }[];
        }
      ).accounts.find((account) => account.kind === "position" && account.currency === "EUR")?.id;
    const posted = await api.call("POST", "/operator/v1/transfers", {
      transfers: [
        {
          id: "op-g-a",
          kind: "posted",
          debitAccountId: await accounts("bank-gamma"),
          creditAccountId: await accounts("bank-alpha"),
          amount: "2.00",
          currency: "EUR",
        },
      ],
    });
    expect(posted.statusCode, posted.body).toBe(200);
    expect(await ids("participant=bank-gamma&counterparty=bank-alpha")).toEqual([
      "op-g-a",
      "a-g-1",
    ]);
    expect((await search("participant=bank-gamma")).items[0]).toMatchObject({
      id: "op-g-a",
      payerId: "bank-gamma",
      payeeId: "bank-alpha",
    });
  });

  it("filters by time range against the transfers' own times", async () => {
    await network();
    const all = (await search("")).items;
    const middle = all[3]?.createdAt ?? "";
    const expected = (keep: (at: number) => boolean) =>
      all.filter((item) => keep(Date.parse(item.createdAt))).map((item) => item.id);
    const since = Date.parse(middle);
    expect(await ids(`from=${middle}`)).toEqual(expected((at) => at >= since));
    expect(await ids(`to=${middle}`)).toEqual(expected((at) => at < since));
    expect(await ids(`participant=bank-alpha&from=${middle}`)).toEqual(
      expected((at) => at >= since).filter((id) => id !== "g-b-1"),
    );
    const later = new Date(Date.now() + 60_000).toISOString();
    expect(await ids(`participant=bank-alpha&from=${later}`)).toEqual([]);
  });

  it("derives the current state: reserved, then committed, voided or expired", async () => {
    const { alpha } = await network();
    await pay(alpha, "r-commit", "bank-beta", "1.00", { reserveForMs: 60_000 });
    await pay(alpha, "r-void", "bank-beta", "1.00", { reserveForMs: 60_000 });
    await pay(alpha, "r-expire", "bank-beta", "1.00", { reserveForMs: 1_000 });
    expect((await alpha.call("POST", "/v1/transfers/r-commit/commit")).statusCode).toBe(200);
    expect((await alpha.call("POST", "/v1/transfers/r-void/void")).statusCode).toBe(200);
    // The ledger reads the wall clock: move it past the reservation's timeout, no sleeping.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 5_000 });
    try {
      const expiry = new PendingExpiry(api.hub.ledgerStore, api.hub.ledger, pendingExpiryDefaults);
      expect(await expiry.sweep()).toBe(1);
    } finally {
      vi.useRealTimers();
    }

    const states = Object.fromEntries(
      (await search("participant=bank-alpha&kind=pending")).items.map((item) => [
        item.id,
        [item.state, item.resolvedBy],
      ]),
    );
    expect(states).toEqual({
      "r-expire": ["expired", "~expire:r-expire"],
      "r-void": ["voided", "~void:r-void"],
      "r-commit": ["committed", "~commit:r-commit"],
      "a-b-2": ["reserved", null],
    });
    expect(await ids("state=committed")).toEqual(["r-commit"]);
    expect(await ids("participant=bank-beta&state=voided")).toEqual(["r-void"]);
    expect(await ids("state=expired")).toEqual(["r-expire"]);
    expect(await ids("state=reserved")).toEqual(["a-b-2"]);
    expect(await ids("participant=bank-gamma&state=posted")).toEqual(["g-b-1", "a-g-1"]);

    const resolution = await api.call("GET", "/operator/v1/transfers/~commit:r-commit");
    expect(resolution.statusCode, resolution.body).toBe(200);
    expect(resolution.json()).toMatchObject({
      kind: "commit",
      state: "committed",
      pendingId: "r-commit",
      payerId: "bank-alpha",
      payeeId: "bank-beta",
    });
    const reservation = await api.call("GET", "/operator/v1/transfers/r-void");
    expect(reservation.json()).toMatchObject({
      id: "r-void",
      kind: "pending",
      state: "voided",
      resolvedBy: "~void:r-void",
      amount: "1.00",
      debitAccountId: expect.any(Number),
    });
  });

  it("pages across several pages without duplicates or gaps, with and without a participant", async () => {
    const { alpha, beta } = await network();
    for (let index = 0; index < 7; index++) {
      await pay(
        index % 2 === 0 ? alpha : beta,
        `p-${index}`,
        index % 2 === 0 ? "bank-beta" : "bank-alpha",
        "1.00",
      );
    }
    for (const filter of ["", "participant=bank-alpha&", "participant=bank-beta&kind=posted&"]) {
      const everything = await ids(filter.replace(/&$/, ""));
      const paged: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const suffix: string = cursor === null ? "" : `&cursor=${cursor}`;
        const page = await search(`${filter}limit=3${suffix}`);
        expect(page.items.length).toBeLessThanOrEqual(3);
        paged.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor !== null && pages < 20);
      expect(paged).toEqual(everything);
      expect(new Set(paged).size).toBe(paged.length);
      expect(pages).toBeGreaterThan(2);
    }
  });

  it("refuses unknown filters, incomplete filters, bad amounts and malformed or foreign cursors", async () => {
    await network();
    const refused: [string, number, string][] = [
      ["payer=bank-alpha", 400, "request_invalid"],
      ["state=settled", 400, "request_invalid"],
      ["kind=commit", 400, "request_invalid"],
      ["from=yesterday", 400, "request_invalid"],
      ["limit=501", 400, "request_invalid"],
      ["counterparty=bank-beta", 400, "filter_incomplete"],
      ["amountMin=1.00", 400, "filter_incomplete"],
      ["amountMax=1.00&participant=bank-alpha", 400, "filter_incomplete"],
      ["currency=EUR&amountMin=1.001", 422, "amount_too_precise"],
      ["currency=EUR&amountMin=abc", 422, "amount_invalid"],
      ["currency=XYZ&amountMin=1", 422, "currency_unknown"],
      ["cursor=not-a-cursor", 400, "cursor_invalid"],
      [
        `cursor=${Buffer.from('["participants","x"]').toString("base64url")}`,
        400,
        "cursor_invalid",
      ],
      [`cursor=${Buffer.from("1700000000000.a-b-1").toString("base64url")}`, 400, "cursor_invalid"],
    ];
    for (const [query, status, code] of refused) {
      expectProblem(await api.call("GET", `/operator/v1/transfers?${query}`), status, code);
    }
  });
});
