/**
 * The wallet simulator's admin routes: customers and cards added, payment codes shown as the
 * app shows them, and the books (every payment and refund with its status and amounts) a
 * benchmark reconciles the hub against.
 */
import { describe, expect, it } from "vitest";
import { useWallet } from "./support/wallet-fixture.ts";

// biome-ignore lint/suspicious/noExplicitAny: tests read the answer's fields one by one
type Json = any;

async function request(
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  const response = await fetch(url, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}

describe("admin routes", () => {
  const fixture = useWallet();
  const admin = (path: string) => `${fixture.wallet.origin}/admin${path}`;

  it("adds a customer, shows a code for them, and the code pays", async () => {
    const added = await request("POST", admin("/customers"), {
      customerId: "cust-new",
      name: "Liu Yang",
      balances: { CNY: "50.00" },
      verificationLevel: "A",
    });
    expect(added).toMatchObject({
      status: 201,
      body: { customerId: "cust-new", balances: { CNY: "50.00" }, verificationLevel: "A" },
    });
    const code = await request("POST", admin("/customers/cust-new/codes"));
    expect(code.status).toBe(201);
    expect(code.body.code).toMatch(/^2701[0-9]{14}$/);
    expect(code.body.expiresAt).toBe(new Date(fixture.clock.now + 60_000).toISOString());
    const paid = await fixture.pay({ number: code.body.code, amount: "50.00" });
    expect(paid.body).toMatchObject({ status: "approved", verificationLevel: "A" });
    const customers = await request("GET", admin("/customers"));
    const customer = customers.body.customers.find((c: Json) => c.customerId === "cust-new");
    expect(customer.balances).toEqual({ CNY: "0.00" });
  });

  it("hands out a batch of distinct codes, each good for one payment", async () => {
    const batch = await request("POST", admin("/customers/cust-li-wei/code-batches"), {
      count: 50,
    });
    expect(batch.status).toBe(201);
    const codes = batch.body.codes.map((entry: Json) => entry.code);
    expect(new Set(codes).size).toBe(50);
    expect((await fixture.pay({ number: codes[49] })).body.status).toBe("approved");
    const tooMany = await request("POST", admin("/customers/cust-li-wei/code-batches"), {
      count: 10_001,
    });
    expect(tooMany.status).toBe(400);
    const nobody = await request("POST", admin("/customers/nobody/code-batches"), { count: 1 });
    expect(nobody.status).toBe(404);
  });

  it("refuses a customer or card it cannot hold, and a code for nobody", async () => {
    const duplicate = await request("POST", admin("/customers"), {
      customerId: "cust-li-wei",
      name: "Li Wei",
      balances: {},
    });
    expect(duplicate.status).toBe(400);
    const badAmount = await request("POST", admin("/customers"), {
      customerId: "cust-x",
      name: "X",
      balances: { CNY: "1.234" },
    });
    expect(badAmount.status).toBe(400);
    const foreignCard = await request("POST", admin("/cards"), {
      number: "9999000000000001",
      currency: "CNY",
      balance: "10.00",
    });
    expect(foreignCard.status).toBe(400);
    expect((await request("POST", admin("/customers/nobody/codes"))).status).toBe(404);
  });

  it("adds a prepaid card that pays", async () => {
    const added = await request("POST", admin("/cards"), {
      number: "970155554444",
      currency: "CNY",
      balance: "10.00",
      customerRef: "holder-7",
    });
    expect(added).toMatchObject({
      status: 201,
      body: { customerRef: "holder-7", balance: "10.00" },
    });
    const paid = await fixture.pay({
      kind: "prepaid_card",
      number: "970155554444",
      amount: "10.00",
    });
    expect(paid.body).toMatchObject({ status: "approved", customerRef: "holder-7" });
    expect((await request("GET", admin("/cards"))).body.cards).toHaveLength(3);
  });

  it("lists every payment and refund with its status and amounts in the books", async () => {
    await fixture.pay({ paymentId: "b-1", amount: "100.00" });
    await fixture.pay({ paymentId: "b-2", amount: "900.00" });
    await fixture.pay({ paymentId: "b-3", amount: "10.00" });
    await fixture.refund({ refundId: "rf-1", paymentId: "b-1", amount: "30.00" });
    await fixture.reverse("b-3", "10.00");
    await fixture.inquire("b-4");
    const stats = await request("GET", admin("/stats"));
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({ requests: 6, answered: 6, dropped: 0 });
    const byId = Object.fromEntries(stats.body.payments.map((p: Json) => [p.paymentId, p]));
    expect(byId["b-1"]).toMatchObject({
      status: "approved",
      customerRef: "cust-li-wei",
      request: { amount: "100.00", currency: "CNY" },
      refunded: "30.00",
      charged: "70.00",
    });
    expect(byId["b-2"]).toMatchObject({
      status: "declined",
      reasonCode: "limit_exceeded",
      charged: "0.00",
    });
    expect(byId["b-3"]).toMatchObject({ status: "reversed", charged: "0.00" });
    expect(byId["b-4"]).toMatchObject({ status: "declined", reasonCode: "payment_not_received" });
    expect(byId["b-4"].request).toBeUndefined();
    expect(stats.body.refunds).toEqual([
      {
        refundId: "rf-1",
        request: { refundId: "rf-1", paymentId: "b-1", amount: "30.00", currency: "CNY" },
        answer: expect.objectContaining({ status: "refunded" }),
      },
    ]);
    expect((await request("GET", admin("/payments/b-1"))).body.charged).toBe("70.00");
    expect((await request("GET", admin("/payments/none"))).status).toBe(404);
    expect(fixture.balance("cust-li-wei")).toBe("930.00");
  });

  it("changes the faults", async () => {
    const changed = await request("PUT", admin("/faults"), { dropRate: 0.05 });
    expect(changed.body.dropRate).toBe(0.05);
    expect((await request("PUT", admin("/faults"), { dropRate: 2 })).status).toBe(400);
  });
});
