/**
 * Reversals and refunds at the simulated issuer: a reversal leaves the customer not charged
 * whatever stood before and is answered the same however often it comes; refunds give back
 * part or all of an approved payment, never more, once per refund id.
 */
import { randomUUID } from "node:crypto";
import { CodePaymentReversed, registerStringFormats, WalletRefundAnswer } from "@clearhub/wire";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import { describe, expect, it } from "vitest";
import { giftCard, useWallet } from "./support/wallet-fixture.ts";

registerStringFormats();
const reversedAnswer = TypeCompiler.Compile(CodePaymentReversed);
const refundAnswer = TypeCompiler.Compile(WalletRefundAnswer);

describe("reversal", () => {
  const fixture = useWallet();

  it("credits back an approved payment, once, and answers reversed from then on", async () => {
    await fixture.pay({ paymentId: "pay-r1", amount: "25.50" });
    expect(fixture.balance("cust-li-wei")).toBe("974.50");
    const reversed = await fixture.reverse("pay-r1");
    expect(reversed).toMatchObject({ status: 200, signed: true });
    expect(reversedAnswer.Check(reversed.body)).toBe(true);
    expect(reversed.body).toEqual({
      paymentId: "pay-r1",
      status: "reversed",
      reversedAt: new Date(fixture.clock.now).toISOString(),
    });
    const again = await Promise.all([fixture.reverse("pay-r1"), fixture.reverse("pay-r1")]);
    for (const answer of again) expect(answer.body).toEqual(reversed.body);
    expect(fixture.balance("cust-li-wei")).toBe("1000.00");
    expect((await fixture.inquire("pay-r1")).body).toEqual(reversed.body);
    expect(fixture.wallet.payment("pay-r1")).toMatchObject({ status: "reversed", charged: "0.00" });
  });

  it("closes an id never received: the late payment charges nothing and leaves the code unused", async () => {
    const reversed = await fixture.reverse("pay-r2");
    expect(reversed.body.status).toBe("reversed");
    const code = fixture.code();
    const late = await fixture.pay({ paymentId: "pay-r2", number: code });
    expect(late.body).toEqual(reversed.body);
    expect(fixture.balance("cust-li-wei")).toBe("1000.00");
    expect((await fixture.pay({ number: code })).body.status).toBe("approved");
  });

  it("changes nothing for a declined payment and cancels one awaiting the app", async () => {
    await fixture.pay({ paymentId: "pay-r3", amount: "900.00" });
    expect((await fixture.reverse("pay-r3", "900.00")).body.status).toBe("reversed");
    expect(fixture.balance("cust-li-wei")).toBe("1000.00");
    await fixture.pay({ paymentId: "pay-r4", number: fixture.code("cust-wang-fang") });
    expect((await fixture.reverse("pay-r4")).body.status).toBe("reversed");
    expect(fixture.wallet.confirmPayment("pay-r4", true)).toMatchObject({ ok: false });
    expect(fixture.balance("cust-wang-fang")).toBe("300.00");
  });

  it("credits back only what refunds left after a part refund", async () => {
    await fixture.pay({ paymentId: "pay-r5", amount: "100.00" });
    await fixture.refund({ paymentId: "pay-r5", amount: "30.00" });
    expect(fixture.balance("cust-li-wei")).toBe("930.00");
    await fixture.reverse("pay-r5", "100.00");
    expect(fixture.balance("cust-li-wei")).toBe("1000.00");
  });

  it("refuses an amount or currency that is not the payment's, reversing nothing", async () => {
    await fixture.pay({ paymentId: "pay-r6", amount: "25.50" });
    const amount = await fixture.reverse("pay-r6", "25.49");
    expect(amount).toMatchObject({ status: 422, signed: true, body: { code: "payment_mismatch" } });
    const currency = await fixture.reverse("pay-r6", "25.50", "USD");
    expect(currency.body.code).toBe("payment_mismatch");
    expect(fixture.balance("cust-li-wei")).toBe("974.50");
    expect((await fixture.reverse("pay-r6", "25.5")).body.status).toBe("reversed");
  });
});

describe("refund", () => {
  const fixture = useWallet();

  it("gives back part, then the rest, of an approved payment, and no more", async () => {
    await fixture.pay({ paymentId: "pay-f1", amount: "100.00" });
    const part = await fixture.refund({ refundId: "ref-1", paymentId: "pay-f1", amount: "40.00" });
    expect(part).toMatchObject({ status: 200, signed: true });
    expect(refundAnswer.Check(part.body)).toBe(true);
    expect(part.body).toEqual({
      refundId: "ref-1",
      status: "refunded",
      refundedAt: new Date(fixture.clock.now).toISOString(),
    });
    const over = await fixture.refund({ paymentId: "pay-f1", amount: "60.01" });
    expect(over.body).toMatchObject({
      status: "refund_declined",
      reasonCode: "amount_exceeds_payment",
    });
    const rest = await fixture.refund({ paymentId: "pay-f1", amount: "60.00" });
    expect(rest.body.status).toBe("refunded");
    expect(fixture.balance("cust-li-wei")).toBe("1000.00");
    expect(fixture.wallet.payment("pay-f1")).toMatchObject({ refunded: "100.00", charged: "0.00" });
  });

  it("refunds a card payment to the card", async () => {
    await fixture.pay({
      paymentId: "pay-f2",
      kind: "prepaid_card",
      number: giftCard.number,
      amount: "50.00",
    });
    await fixture.refund({ paymentId: "pay-f2", amount: "50.00" });
    expect(fixture.wallet.cards()[0]?.balance).toBe("200.00");
  });

  it("declines a refund of an unknown, declined, pending or reversed payment", async () => {
    const unknown = await fixture.refund({ paymentId: "pay-none", amount: "1.00" });
    expect(unknown.body.reasonCode).toBe("payment_not_found");
    await fixture.pay({ paymentId: "pay-f3", amount: "900.00" });
    await fixture.pay({ paymentId: "pay-f4", number: fixture.code("cust-wang-fang") });
    await fixture.pay({ paymentId: "pay-f5" });
    await fixture.reverse("pay-f5");
    for (const paymentId of ["pay-f3", "pay-f4", "pay-f5"]) {
      const answer = await fixture.refund({ paymentId, amount: "1.00" });
      expect(answer.body, paymentId).toMatchObject({
        status: "refund_declined",
        reasonCode: "payment_not_approved",
      });
    }
    expect(fixture.balance("cust-li-wei")).toBe("1000.00");
  });

  it("is idempotent by refund id: a repeat credits once, other content is refused", async () => {
    await fixture.pay({ paymentId: "pay-f6", amount: "100.00" });
    const first = await fixture.refund({ refundId: "ref-6", paymentId: "pay-f6", amount: "10.00" });
    const again = await Promise.all(
      Array.from({ length: 3 }, () =>
        fixture.refund({ refundId: "ref-6", paymentId: "pay-f6", amount: "10.00" }),
      ),
    );
    for (const answer of again) expect(answer.body).toEqual(first.body);
    expect(fixture.balance("cust-li-wei")).toBe("910.00");
    const reused = await fixture.refund({
      refundId: "ref-6",
      paymentId: "pay-f6",
      amount: "11.00",
    });
    expect(reused).toMatchObject({ status: 409, body: { code: "idempotency_key_reused" } });
    const currency = await fixture.refund({ paymentId: "pay-f6", amount: "1.00", currency: "JPY" });
    expect(currency).toMatchObject({ status: 422, body: { code: "payment_mismatch" } });
    expect(fixture.wallet.refunds()).toHaveLength(1);
  });

  it("answers an inquiry with the refund's outcome, and closes an id never received", async () => {
    await fixture.pay({ paymentId: "pay-f7", amount: "100.00" });
    const refunded = await fixture.refund({
      refundId: "ref-7",
      paymentId: "pay-f7",
      amount: "5.00",
    });
    const inquiry = await fixture.call("/refund-inquiries", { refundId: "ref-7" });
    expect(inquiry).toMatchObject({ status: 200, signed: true, body: refunded.body });
    const refundId = randomUUID();
    const closed = await fixture.call("/refund-inquiries", { refundId });
    expect(closed.body).toMatchObject({
      status: "refund_declined",
      reasonCode: "refund_not_received",
    });
    const late = await fixture.refund({ refundId, paymentId: "pay-f7", amount: "5.00" });
    expect(late.body).toEqual(closed.body);
    expect(fixture.balance("cust-li-wei")).toBe("905.00");
  });
});
