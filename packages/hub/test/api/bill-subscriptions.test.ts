/**
 * Channels' bill subscriptions through the participant API: idempotent by customer, bounded
 * per channel, every refusal a stable code with nothing written, the customer's parameters
 * masked in every answer and sealed in the store; and a biller's pushed bill refused when it
 * does not hold together, or when the sender is not an active biller.
 */
import { expect, it } from "vitest";
import { describeEachBackend } from "../support/backends.ts";
import { waterProfile } from "../support/biller-profiles.ts";
import { expectProblem, useApiHarness } from "./api-harness.ts";
import { onboardParticipant, type ParticipantClient } from "./participant-client.ts";
import { snapshotStore, storeChanges } from "./store-snapshot.ts";

const account = "4401234567";

describeEachBackend("bill subscriptions", (backend) => {
  const api = useApiHarness(backend, { billSubscriptions: { perChannelMax: 2 } });

  async function network() {
    const wallet = await onboardParticipant(api, "wallet-a", "payment_institution");
    const bank = await onboardParticipant(api, "bank-a", "bank");
    const biller = await onboardParticipant(api, "water-co", "biller");
    return { wallet, bank, biller };
  }

  const subscribe = (channel: ParticipantClient, body: unknown) =>
    channel.call("POST", "/v1/bill-subscriptions", body);

  async function subscriptionRows() {
    return api.hub.database.kysely.selectFrom("bill_subscriptions").selectAll().execute();
  }

  it("subscribes a customer once: the same customer again answers the same subscription, masked", async () => {
    const { wallet } = await network();
    const first = await subscribe(wallet, {
      billerId: "water-co",
      customerParameters: { accountNumber: account },
      reference: "user-1",
    });
    expect(first.statusCode, first.body).toBe(201);
    const created = first.json();
    expect(created).toMatchObject({
      billerId: "water-co",
      customerParameters: { accountNumber: "****567" },
      reference: "user-1",
    });
    expect(created.id).toMatch(/^bs-/);
    expect(first.body).not.toContain(account);

    const again = await subscribe(wallet, {
      billerId: "water-co",
      customerParameters: { accountNumber: account },
      reference: "user-2",
    });
    expect(again.statusCode).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json()).toEqual(created);

    const rows = await subscriptionRows();
    expect(rows).toHaveLength(1);
    // Sealed at rest: the clear number is in no column of the row.
    expect(
      JSON.stringify(rows, (_key, value) => (typeof value === "bigint" ? 0 : value)),
    ).not.toContain(account);
  });

  it("refuses a channel its subscription beyond the bound, and takes one again after a removal", async () => {
    const { wallet } = await network();
    const ids: string[] = [];
    for (const n of ["1", "2"]) {
      const answer = await subscribe(wallet, {
        billerId: "water-co",
        customerParameters: { accountNumber: `440000000${n}` },
      });
      expect(answer.statusCode, answer.body).toBe(201);
      ids.push(answer.json().id);
    }
    const third = { billerId: "water-co", customerParameters: { accountNumber: "4400000003" } };
    expectProblem(await subscribe(wallet, third), 409, "bill_subscriptions_full");
    expect(await subscriptionRows()).toHaveLength(2);

    const removed = await wallet.call("DELETE", `/v1/bill-subscriptions/${ids[0]}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expectProblem(
      await wallet.call("DELETE", `/v1/bill-subscriptions/${ids[0]}`),
      404,
      "bill_subscription_not_found",
    );
    expect((await subscribe(wallet, third)).statusCode).toBe(201);
  });

  it("refuses an unknown biller, a participant that is no biller and malformed parameters, writing nothing", async () => {
    const { wallet } = await network();
    const before = await snapshotStore(api.hub.database);
    const customerParameters = { accountNumber: account };
    expectProblem(
      await subscribe(wallet, { billerId: "nobody", customerParameters }),
      404,
      "biller_not_found",
    );
    expectProblem(
      await subscribe(wallet, { billerId: "wat\u0000er-co", customerParameters }),
      404,
      "biller_not_found",
    );
    expectProblem(
      await subscribe(wallet, { billerId: "bank-a", customerParameters }),
      422,
      "participant_not_biller",
    );
    const malformed = expectProblem(
      await subscribe(wallet, {
        billerId: "water-co",
        customerParameters: { accountNumber: "", "Bad-Name": "1", meter: "x\u0001" },
      }),
      422,
      "customer_parameters_invalid",
    );
    expect(malformed.errors).toEqual([
      { pointer: "/customerParameters/accountNumber", code: "value_length" },
      { pointer: "/customerParameters", code: "name" },
      { pointer: "/customerParameters/meter", code: "value_text" },
    ]);
    expectProblem(
      await subscribe(wallet, { billerId: "water-co", customerParameters: {} }),
      422,
      "customer_parameters_invalid",
    );
    expectProblem(
      await subscribe(wallet, { billerId: "water-co", customerParameters, reference: "a\u0007" }),
      400,
      "request_invalid",
    );
    // Only the requests' signature nonces were remembered.
    const { seen_nonces: _nonces, ...written } = storeChanges(
      before,
      await snapshotStore(api.hub.database),
    );
    expect(written).toEqual({});
  });

  it("holds a registered biller's subscriptions to its profile's rules, so each can be told of a bill", async () => {
    const { wallet } = await network();
    const put = await api.call("PUT", "/operator/v1/billers/water-co", {
      ...waterProfile,
      currencies: ["EUR"],
    });
    expect(put.statusCode, put.body).toBe(201);
    const before = await snapshotStore(api.hub.database);
    // The shape every biller shares holds, but not this biller's: a name it does not define, and
    // an account number failing its Luhn check. No notice of the biller could ever match them.
    const refused = expectProblem(
      await subscribe(wallet, {
        billerId: "water-co",
        customerParameters: { accountNumber: account, account_number: "79927398710" },
      }),
      422,
      "customer_parameters_invalid",
    );
    expect(refused.errors).toEqual([
      { pointer: "/customerParameters/account_number", code: "parameter_check_digit_invalid" },
      { pointer: "/customerParameters/accountNumber", code: "parameter_unknown" },
    ]);
    const { seen_nonces: _nonces, ...written } = storeChanges(
      before,
      await snapshotStore(api.hub.database),
    );
    expect(written).toEqual({});

    const taken = await subscribe(wallet, {
      billerId: "water-co",
      customerParameters: { account_number: "79927398713" },
    });
    expect(taken.statusCode, taken.body).toBe(201);
    expect(taken.json().customerParameters).toEqual({ account_number: "****713" });
  });

  it("lets banks and payment institutions subscribe, not billers", async () => {
    const { bank, biller } = await network();
    const body = { billerId: "water-co", customerParameters: { accountNumber: account } };
    expect((await subscribe(bank, body)).statusCode).toBe(201);
    expectProblem(await subscribe(biller, body), 403, "operation_not_permitted");
  });

  it("lists a channel's own subscriptions, newest first, by biller, page by page", async () => {
    const { wallet, bank } = await network();
    await onboardParticipant(api, "gas-co", "biller");
    for (const [billerId, accountNumber] of [
      ["water-co", "4400000001"],
      ["gas-co", "4400000002"],
    ]) {
      const answer = await subscribe(wallet, { billerId, customerParameters: { accountNumber } });
      expect(answer.statusCode, answer.body).toBe(201);
    }
    await subscribe(bank, { billerId: "water-co", customerParameters: { accountNumber: account } });

    const page = await wallet.call("GET", "/v1/bill-subscriptions?limit=1");
    expect(page.statusCode, page.body).toBe(200);
    const first = page.json();
    expect(first.subscriptions).toHaveLength(1);
    expect(first.next).toEqual(expect.any(String));
    const rest = await wallet.call("GET", `/v1/bill-subscriptions?limit=1&cursor=${first.next}`);
    const second = rest.json();
    expect(second.subscriptions).toHaveLength(1);
    const listed = [...first.subscriptions, ...second.subscriptions];
    expect(listed.map((s: { billerId: string }) => s.billerId).sort()).toEqual([
      "gas-co",
      "water-co",
    ]);
    for (const s of listed) expect(s.customerParameters.accountNumber).toMatch(/^\*\*\*\*\d{3}$/);

    const hostile = await wallet.call("GET", "/v1/bill-subscriptions?billerId=wat%00er");
    expect(hostile.statusCode, hostile.body).toBeLessThan(500);
    const water = (await wallet.call("GET", "/v1/bill-subscriptions?billerId=water-co")).json();
    expect(water.subscriptions.map((s: { billerId: string }) => s.billerId)).toEqual(["water-co"]);
    expect(water.next).toBeNull();
    expectProblem(
      await wallet.call("GET", "/v1/bill-subscriptions?cursor=not-a-cursor"),
      400,
      "cursor_invalid",
    );
    // Another channel's subscription is not the wallet's to remove.
    const banks = (await bank.call("GET", "/v1/bill-subscriptions")).json();
    expectProblem(
      await wallet.call("DELETE", `/v1/bill-subscriptions/${banks.subscriptions[0].id}`),
      404,
      "bill_subscription_not_found",
    );
  });

  const notice = (overrides: Record<string, unknown> = {}) => ({
    noticeId: "BILL-1",
    kind: "new",
    customerParameters: [{ name: "accountNumber", value: account }],
    bill: {
      billNumber: "W-2026-11",
      currency: "CNY",
      amountDue: "88.50",
      dueDate: "2026-12-20",
    },
    issuedAt: "2026-12-01T08:00:00Z",
    ...overrides,
  });

  it("takes a bill notice only from a biller, and only an active one", async () => {
    const { wallet, biller } = await network();
    expectProblem(
      await wallet.call("POST", "/v1/biller-notices/bills", notice()),
      403,
      "operation_not_permitted",
    );
    expect((await biller.call("POST", "/v1/biller-notices/bills", notice())).statusCode).toBe(204);
    const suspended = await api.call("POST", "/operator/v1/participants/water-co/status", {
      status: "suspended",
    });
    expect(suspended.statusCode, suspended.body).toBeLessThan(300);
    expectProblem(
      await biller.call("POST", "/v1/biller-notices/bills", notice({ noticeId: "BILL-2" })),
      422,
      "biller_inactive",
    );
  });

  it("refuses a bill notice that does not hold together, recording nothing", async () => {
    const { biller } = await network();
    const before = await snapshotStore(api.hub.database);
    const send = (body: unknown) => biller.call("POST", "/v1/biller-notices/bills", body);
    const bill = notice().bill;
    expectProblem(
      await send(notice({ bill: { ...bill, amountDue: "88.505" } })),
      422,
      "amount_too_precise",
    );
    expectProblem(
      await send(notice({ bill: { ...bill, currency: "XYZ" } })),
      422,
      "currency_unknown",
    );
    expectProblem(
      await send(notice({ bill: { ...bill, amountMin: "90.00" } })),
      422,
      "bill_amounts_inconsistent",
    );
    expectProblem(
      await send(notice({ bill: { ...bill, period: { from: "2026-11-30", to: "2026-11-01" } } })),
      422,
      "bill_period_reversed",
    );
    expectProblem(
      await send(
        notice({
          customerParameters: [
            { name: "accountNumber", value: "1" },
            { name: "accountNumber", value: "2" },
          ],
        }),
      ),
      422,
      "customer_parameters_invalid",
    );
    expectProblem(
      await send(notice({ bill: { ...bill, dueDate: "2026-02-30" } })),
      400,
      "request_invalid",
    );
    const { seen_nonces: _nonces, ...written } = storeChanges(
      before,
      await snapshotStore(api.hub.database),
    );
    expect(written).toEqual({});
  });
});
