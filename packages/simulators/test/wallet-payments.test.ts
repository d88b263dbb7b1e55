/**
 * The wallet interface's payments as the simulator serves them: one-time codes and prepaid
 * cards authorised, signed both ways; idempotent by payment id; every decline with its reason;
 * codes that expire on the injected clock and pay once; inquiries that settle unknown outcomes.
 */
import { randomUUID } from "node:crypto";
import { CodePaymentAnswer, registerStringFormats, WalletRefusal } from "@clearhub/wire";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import { describe, expect, it } from "vitest";
import { blockedCard, giftCard, liWei, merchant, useWallet } from "./support/wallet-fixture.ts";

registerStringFormats();
const paymentAnswer = TypeCompiler.Compile(CodePaymentAnswer);
const refusalBody = TypeCompiler.Compile(WalletRefusal);

describe("a one-time payment code", () => {
  const fixture = useWallet();

  it("is numeric, 18 digits with the issuer's prefix, and good for 60 s on the clock", () => {
    const issued = fixture.wallet.issueCode(liWei.customerId);
    expect(issued.code).toMatch(/^2701[0-9]{14}$/);
    expect(Date.parse(issued.expiresAt) - Date.parse(issued.issuedAt)).toBe(60_000);
    expect(fixture.wallet.issueCode(liWei.customerId).code).not.toBe(issued.code);
  });

  it("pays: approved, signed, with the customer's reference and level, and debited", async () => {
    const answer = await fixture.pay({ paymentId: "pay-1", amount: "25.50" });
    expect(answer).toMatchObject({ status: 200, signed: true });
    expect(paymentAnswer.Check(answer.body)).toBe(true);
    expect(answer.body).toMatchObject({
      paymentId: "pay-1",
      status: "approved",
      customerRef: "cust-li-wei",
      verificationLevel: "B",
      approvedAt: new Date(fixture.clock.now).toISOString(),
    });
    expect(answer.body.authorizationCode).toMatch(/^AUTH-/);
    expect(fixture.balance("cust-li-wei")).toBe("974.50");
  });

  it("pays once: a second payment with the code is declined code_used", async () => {
    const code = fixture.code();
    expect((await fixture.pay({ number: code })).body.status).toBe("approved");
    const second = await fixture.pay({ number: code });
    expect(second.body).toMatchObject({ status: "declined", reasonCode: "code_used" });
    expect(fixture.balance("cust-li-wei")).toBe("974.50");
  });

  it("expires after 60 s on the injected clock", async () => {
    const code = fixture.code();
    fixture.clock.now += 59_999;
    const justInTime = await fixture.pay({ number: code });
    expect(justInTime.body.status).toBe("approved");
    const late = fixture.code();
    fixture.clock.now += 60_000;
    const expired = await fixture.pay({ number: late });
    expect(expired.body).toMatchObject({ status: "declined", reasonCode: "code_expired" });
  });

  it("declines what the issuer cannot charge, with the reason from the closed set", async () => {
    const cases = [
      [{ number: "270100000000000000" }, "code_unknown"],
      [{ number: fixture.code("cust-blocked") }, "customer_blocked"],
      [{ amount: "800.01" }, "limit_exceeded"],
      [{ amount: "100.00", currency: "USD" }, "insufficient_funds"],
      [{ number: fixture.code("cust-wang-fang"), amount: "300.01" }, "insufficient_funds"],
    ] as const;
    for (const [fields, reasonCode] of cases) {
      const answer = await fixture.pay(fields);
      expect(answer.body, reasonCode).toMatchObject({ status: "declined", reasonCode });
      expect(paymentAnswer.Check(answer.body)).toBe(true);
    }
    expect(fixture.balance("cust-li-wei")).toBe("1000.00");
    expect(fixture.balance("cust-wang-fang")).toBe("300.00");
  });

  it("takes the currency's own decimals: 5000 JPY pays, 10.5 JPY is refused", async () => {
    const yen = await fixture.pay({ amount: "5000", currency: "JPY" });
    expect(yen.body.status).toBe("approved");
    expect(fixture.balance("cust-li-wei", "JPY")).toBe("0");
    const fraction = await fixture.pay({ amount: "10.5", currency: "JPY" });
    expect(fraction).toMatchObject({
      status: 400,
      signed: true,
      body: { code: "request_invalid" },
    });
    const zero = await fixture.pay({ amount: "0.00" });
    expect(zero.body.code).toBe("request_invalid");
    expect(refusalBody.Check(zero.body)).toBe(true);
  });
});

describe("a prepaid card", () => {
  const fixture = useWallet();

  it("pays from the card's balance, at level D, under the card's reference", async () => {
    const answer = await fixture.pay({
      kind: "prepaid_card",
      number: giftCard.number,
      amount: "80.00",
    });
    expect(answer.body).toMatchObject({ status: "approved", verificationLevel: "D" });
    expect(answer.body.customerRef).toBe("card-000001");
    const again = await fixture.pay({
      kind: "prepaid_card",
      number: giftCard.number,
      amount: "80.00",
    });
    expect(again.body.status).toBe("approved");
    const card = fixture.wallet.cards().find((entry) => entry.number === giftCard.number);
    expect(card?.balance).toBe("40.00");
  });

  it("declines a blocked card, an unknown card and a balance short of the amount", async () => {
    const blocked = await fixture.pay({ kind: "prepaid_card", number: blockedCard.number });
    expect(blocked.body).toMatchObject({ status: "declined", reasonCode: "card_blocked" });
    const unknown = await fixture.pay({ kind: "prepaid_card", number: "9701999999999999" });
    expect(unknown.body).toMatchObject({ status: "declined", reasonCode: "code_unknown" });
    const short = await fixture.pay({
      kind: "prepaid_card",
      number: giftCard.number,
      amount: "200.01",
    });
    expect(short.body).toMatchObject({ status: "declined", reasonCode: "insufficient_funds" });
  });

  it("refuses a number out of the interface's bounds as request_invalid", async () => {
    const tooLong = await fixture.pay({ kind: "prepaid_card", number: "97010000000000000001" });
    expect(tooLong).toMatchObject({ status: 400, signed: true, body: { code: "request_invalid" } });
    const letters = await fixture.pay({ number: "2701ABCD0000000000" });
    expect(letters.body.code).toBe("request_invalid");
  });
});

describe("idempotency by payment id", () => {
  const fixture = useWallet();

  it("answers a repeat the same outcome and charges once; other content is refused", async () => {
    const code = fixture.code();
    const first = await fixture.pay({ paymentId: "pay-2", number: code });
    const again = await Promise.all(
      Array.from({ length: 3 }, () => fixture.pay({ paymentId: "pay-2", number: code })),
    );
    for (const answer of again) expect(answer.body).toEqual(first.body);
    expect(fixture.balance("cust-li-wei")).toBe("974.50");
    const reused = await fixture.pay({ paymentId: "pay-2", number: code, amount: "25.51" });
    expect(reused).toMatchObject({
      status: 409,
      signed: true,
      body: { code: "idempotency_key_reused" },
    });
    expect(fixture.wallet.payments()).toHaveLength(1);
    expect(fixture.wallet.payment("pay-2")?.request?.amount).toBe("25.50");
  });

  it("answers a repeat of a declined payment the same decline, not code_used", async () => {
    const code = fixture.code();
    const first = await fixture.pay({ paymentId: "pay-3", number: code, amount: "900.00" });
    expect(first.body.reasonCode).toBe("limit_exceeded");
    const again = await fixture.pay({ paymentId: "pay-3", number: code, amount: "900.00" });
    expect(again.body).toEqual(first.body);
  });
});

describe("payment status inquiry", () => {
  const fixture = useWallet();

  it("answers a payment's outcome, signed", async () => {
    const paid = await fixture.pay({ paymentId: "pay-4" });
    const inquiry = await fixture.inquire("pay-4");
    expect(inquiry).toMatchObject({ status: 200, signed: true });
    expect(inquiry.body).toEqual(paid.body);
  });

  it("closes an id never received: a late payment under it charges nothing", async () => {
    const paymentId = randomUUID();
    const inquiry = await fixture.inquire(paymentId);
    expect(inquiry.body).toMatchObject({ status: "declined", reasonCode: "payment_not_received" });
    const code = fixture.code();
    const late = await fixture.pay({ paymentId, number: code });
    expect(late.body).toEqual(inquiry.body);
    expect(fixture.balance("cust-li-wei")).toBe("1000.00");
    // The code was never used: the customer can still pay with it.
    expect((await fixture.pay({ number: code })).body.status).toBe("approved");
  });

  it("settles a payment whose answer was dropped", async () => {
    fixture.wallet.setFaults({ dropRate: 1 });
    await expect(fixture.pay({ paymentId: "pay-5" })).rejects.toThrow();
    fixture.wallet.setFaults({ dropRate: 0 });
    const inquiry = await fixture.inquire("pay-5");
    expect(inquiry.body).toMatchObject({ paymentId: "pay-5", status: "approved" });
    expect(fixture.balance("cust-li-wei")).toBe("974.50");
  });
});

describe("the hub's signature", () => {
  const fixture = useWallet();

  it("is required: an unsigned or altered request is refused, signed, and applies nothing", async () => {
    const response = await fetch(`${fixture.wallet.url}/code-payments`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ paymentId: "pay-unsigned" }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("signature")).not.toBeNull();
    expect(((await response.json()) as { code: string }).code).toBe("signature_missing");
    const code = fixture.code();
    const body = {
      paymentId: "pay-tampered",
      instrument: { kind: "payment_code", number: code },
      amount: "1.00",
      currency: "CNY",
      merchant,
      requestedAt: "2026-12-07T09:30:00.000Z",
    };
    const tampered = await fixture.call("/code-payments", body, {
      tamper: (payload) => payload.replace('"1.00"', '"999.00"'),
    });
    expect(tampered).toMatchObject({
      status: 401,
      signed: true,
      body: { code: "digest_mismatch" },
    });
    const foreign = await fixture.call("/code-payments", body, { sign: { keyId: "not-the-hub" } });
    expect(foreign).toMatchObject({ status: 401, body: { code: "key_unknown" } });
    expect(fixture.wallet.payments()).toEqual([]);
    expect(fixture.balance("cust-li-wei")).toBe("1000.00");
    expect(fixture.wallet.stats().refusedUnverified).toBe(3);
  });

  it("answers an unknown route with a signed route_unknown", async () => {
    const answer = await fixture.call("/payments", { paymentId: "x" });
    expect(answer).toMatchObject({ status: 404, signed: true, body: { code: "route_unknown" } });
  });
});
