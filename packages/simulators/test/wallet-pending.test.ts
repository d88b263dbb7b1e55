/**
 * Payments decided later: a customer who confirms payments in the app is answered `pending`,
 * charged only when they approve, and the hub is told the outcome by a signed notice, repeated
 * until it answers 2xx; a payment the fault plan leaves pending is revealed by the clock.
 */
import {
  CodePaymentOutcomeNotice,
  registerStringFormats,
  walletNoticeOperations,
} from "@clearhub/wire";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import { describe, expect, it, vi } from "vitest";
import { useWallet } from "./support/wallet-fixture.ts";

registerStringFormats();
const outcomeNotice = TypeCompiler.Compile(CodePaymentOutcomeNotice);

// biome-ignore lint/suspicious/noExplicitAny: tests read the answer's fields one by one
type Json = any;

async function postJson(url: string, body: unknown): Promise<{ status: number; body: Json }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe("a payment confirmed in the app", () => {
  const fixture = useWallet();
  const confirm = (paymentId: string, outcome: string) =>
    postJson(`${fixture.wallet.origin}/admin/payments/${paymentId}/confirm`, { outcome });

  it("is pending, charges nothing until approved, then the hub gets a signed notice", async () => {
    const code = fixture.code("cust-wang-fang");
    const pending = await fixture.pay({ paymentId: "pay-p1", number: code, amount: "120.00" });
    expect(pending.body).toEqual({ paymentId: "pay-p1", status: "pending" });
    expect((await fixture.inquire("pay-p1")).body.status).toBe("pending");
    expect(fixture.balance("cust-wang-fang")).toBe("300.00");
    fixture.clock.now += 20_000;
    const confirmed = await confirm("pay-p1", "approved");
    expect(confirmed.status).toBe(200);
    await vi.waitFor(() => expect(fixture.hub.notices).toHaveLength(1));
    const [received] = fixture.hub.notices;
    expect(received?.path).toBe(walletNoticeOperations.codePaymentOutcomeNotice.path);
    expect(received?.path).toBe("/v1/wallet-notices/code-payment-outcomes");
    expect(received?.verification.ok).toBe(true);
    expect(outcomeNotice.Check(received?.body)).toBe(true);
    expect(received?.body).toEqual(confirmed.body.notice);
    expect(received?.body).toMatchObject({
      paymentId: "pay-p1",
      status: "approved",
      customerRef: "cust-wang-fang",
      verificationLevel: "C",
      decidedAt: new Date(fixture.clock.now).toISOString(),
    });
    expect(fixture.balance("cust-wang-fang")).toBe("180.00");
    const inquiry = await fixture.inquire("pay-p1");
    const { noticeId: _, decidedAt: __, ...answer } = (received?.body ?? {}) as Json;
    expect(inquiry.body).toEqual(answer);
    expect((await confirm("pay-p1", "declined")).status).toBe(409);
  });

  it("declined in the app is declined issuer_decision, charging nothing", async () => {
    await fixture.pay({ paymentId: "pay-p2", number: fixture.code("cust-wang-fang") });
    const confirmed = await confirm("pay-p2", "declined");
    expect(confirmed.body.notice).toMatchObject({
      status: "declined",
      reasonCode: "issuer_decision",
    });
    expect((await fixture.inquire("pay-p2")).body.reasonCode).toBe("issuer_decision");
    expect(fixture.balance("cust-wang-fang")).toBe("300.00");
    await vi.waitFor(() => expect(fixture.hub.notices).toHaveLength(1));
  });

  it("approved when the balance no longer covers it is declined insufficient_funds", async () => {
    await fixture.pay({
      paymentId: "pay-p3",
      number: fixture.code("cust-wang-fang"),
      amount: "200.00",
    });
    await fixture.pay({
      paymentId: "pay-p4",
      number: fixture.code("cust-wang-fang"),
      amount: "200.00",
    });
    expect((await confirm("pay-p3", "approved")).body.notice.status).toBe("approved");
    const second = await confirm("pay-p4", "approved");
    expect(second.body.notice).toMatchObject({
      status: "declined",
      reasonCode: "insufficient_funds",
    });
    expect(fixture.balance("cust-wang-fang")).toBe("100.00");
  });

  it("repeats the notice under the same id until the hub answers 2xx", async () => {
    fixture.hub.answerNoticesWith(503);
    await fixture.pay({ paymentId: "pay-p5", number: fixture.code("cust-wang-fang") });
    await confirm("pay-p5", "approved");
    await vi.waitFor(() => expect(fixture.hub.notices.length).toBeGreaterThanOrEqual(2));
    fixture.hub.answerNoticesWith(204);
    await vi.waitFor(() =>
      expect(fixture.wallet.notices()[0]).toMatchObject({ status: "delivered" }),
    );
    const ids = new Set(fixture.hub.notices.map((notice) => (notice.body as Json).noticeId));
    expect(ids.size).toBe(1);
  });

  it("cannot be confirmed when unknown", async () => {
    expect((await confirm("pay-none", "approved")).status).toBe(404);
    expect((await confirm("pay-none", "maybe")).status).toBe(400);
  });
});

describe("a payment the fault plan leaves pending", () => {
  const fixture = useWallet();

  it("is charged on arrival and answered approved once the clock passes the decision", async () => {
    fixture.wallet.setFaults({ pendingRate: 1, pendingDelayMs: 30_000 });
    const pending = await fixture.pay({ paymentId: "pay-p6" });
    expect(pending.body).toEqual({ paymentId: "pay-p6", status: "pending" });
    expect(fixture.wallet.payment("pay-p6")).toMatchObject({ status: "pending", charged: "25.50" });
    fixture.clock.now += 30_000;
    const decided = await fixture.inquire("pay-p6");
    expect(decided.body).toMatchObject({
      status: "approved",
      approvedAt: new Date(fixture.clock.now).toISOString(),
    });
    expect(fixture.hub.notices).toEqual([]);
  });
});
