/**
 * What the biller tells the hub unasked: new and changed bills pushed, and reversals of accepted
 * postings, each signed with the biller's key to the hub path the interface defines, as the
 * schema says, and repeated under the same notice id until the hub answers 2xx.
 */
import {
  BillNotice,
  billerNoticeOperations,
  ReversalNotice,
  registerStringFormats,
} from "@clearhub/wire";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import { describe, expect, it, vi } from "vitest";
import { useBiller } from "./support/biller-fixture.ts";

registerStringFormats();
const billNotice = TypeCompiler.Compile(BillNotice);
const reversalNotice = TypeCompiler.Compile(ReversalNotice);

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

const decemberBill = {
  billNumber: "W-2026-12-1001",
  amountDue: "91.20",
  dueDate: "2027-01-20",
  period: { from: "2026-12-01", to: "2026-12-31" },
};

describe("pushing a bill", () => {
  const fixture = useBiller();

  it("sends the hub a signed notice of a new bill, and the bill is due", async () => {
    const pushed = await postJson(`${fixture.biller.origin}/admin/bills`, {
      parameters: { accountNumber: "W1001" },
      bill: decemberBill,
    });
    expect(pushed.status).toBe(201);
    await vi.waitFor(() => expect(fixture.hub.notices).toHaveLength(1));
    const [received] = fixture.hub.notices;
    expect(received?.path).toBe(billerNoticeOperations.billNotice.path);
    expect(received?.verification.ok).toBe(true);
    expect(billNotice.Check(received?.body)).toBe(true);
    expect(received?.body).toEqual(pushed.body.notice);
    expect(received?.body).toMatchObject({
      kind: "new",
      customerParameters: [{ name: "accountNumber", value: "W1001" }],
      bill: { ...decemberBill, currency: "CNY" },
      issuedAt: new Date(fixture.clock.now).toISOString(),
    });
    const bills = (await fixture.inquire("W1001")).body.bills;
    expect(bills.map((bill: Json) => bill.billNumber)).toContain(decemberBill.billNumber);
  });

  it("sends a changed bill under its number as changed, with a new notice id", async () => {
    const first = fixture.biller.pushBill({ accountNumber: "W1001" }, decemberBill);
    const changed = fixture.biller.pushBill(
      { accountNumber: "W1001" },
      { ...decemberBill, amountDue: "88.00" },
    );
    expect(changed.kind).toBe("changed");
    expect(changed.noticeId).not.toBe(first.noticeId);
    await vi.waitFor(() => expect(fixture.hub.notices).toHaveLength(2));
    expect(
      fixture.hub.notices.map((notice) => (notice.body as Json).bill.amountDue).sort(),
    ).toEqual(["88.00", "91.20"]);
    const inquired = (await fixture.inquire("W1001")).body.bills;
    expect(
      inquired.find((bill: Json) => bill.billNumber === decemberBill.billNumber),
    ).toMatchObject({
      amountDue: "88.00",
    });
  });

  it("refuses a bill for an unknown customer or out of the interface's bounds", async () => {
    const unknown = await postJson(`${fixture.biller.origin}/admin/bills`, {
      parameters: { accountNumber: "W9999" },
      bill: decemberBill,
    });
    expect(unknown.status).toBe(400);
    const badDate = await postJson(`${fixture.biller.origin}/admin/bills`, {
      parameters: { accountNumber: "W1001" },
      bill: { ...decemberBill, dueDate: "2027-02-30" },
    });
    expect(badDate.status).toBe(400);
    expect(fixture.biller.notices()).toEqual([]);
  });

  it("repeats a notice the hub did not take, under the same id, until it does", async () => {
    fixture.hub.answerNoticesWith(503);
    const notice = fixture.biller.pushBill({ accountNumber: "W1002" }, decemberBill);
    await vi.waitFor(() => expect(fixture.hub.notices.length).toBeGreaterThanOrEqual(2));
    fixture.hub.answerNoticesWith(204);
    await vi.waitFor(() => expect(fixture.biller.notices()[0]?.status).toBe("delivered"));
    const ids = new Set(fixture.hub.notices.map((received) => (received.body as Json).noticeId));
    expect(ids).toEqual(new Set([notice.noticeId]));
  });
});

describe("reversing a posting", () => {
  const fixture = useBiller();

  it("sends the hub a signed reversal of the accepted posting, and the bill is due again", async () => {
    const posted = await fixture.post({ postingId: "p-rev", billNumber: "W-2026-10-1001" });
    expect(posted.body.status).toBe("accepted");
    const reversed = await postJson(`${fixture.biller.origin}/admin/postings/p-rev/reverse`, {
      reasonCode: "duplicate_payment",
      reasonText: "paid twice",
    });
    expect(reversed.status).toBe(200);
    await vi.waitFor(() => expect(fixture.hub.notices).toHaveLength(1));
    const [received] = fixture.hub.notices;
    expect(received?.path).toBe(billerNoticeOperations.reversalNotice.path);
    expect(received?.verification.ok).toBe(true);
    expect(reversalNotice.Check(received?.body)).toBe(true);
    expect(received?.body).toMatchObject({
      postingId: "p-rev",
      receiptNumber: posted.body.receiptNumber,
      amount: "45.10",
      currency: "CNY",
      reasonCode: "duplicate_payment",
    });
    expect(fixture.biller.posting("p-rev")?.reversed).toBe(true);
    const bills = (await fixture.inquire("W1001")).body.bills;
    expect(bills.map((bill: Json) => bill.billNumber)).toContain("W-2026-10-1001");
  });

  it("reverses a posting once, and never one that was not accepted", async () => {
    await fixture.post({ postingId: "p-once", billNumber: "W-2026-10-1001" });
    const origin = fixture.biller.origin;
    expect((await postJson(`${origin}/admin/postings/p-once/reverse`, {})).status).toBe(200);
    expect((await postJson(`${origin}/admin/postings/p-once/reverse`, {})).status).toBe(409);
    await fixture.post({ postingId: "p-rejected", billNumber: "W-1999-01-0000" });
    expect((await postJson(`${origin}/admin/postings/p-rejected/reverse`, {})).status).toBe(409);
    expect((await postJson(`${origin}/admin/postings/p-none/reverse`, {})).status).toBe(404);
    const badReason = await postJson(`${origin}/admin/postings/p-once/reverse`, {
      reasonCode: "because",
    });
    expect(badReason.status).toBe(400);
    await vi.waitFor(() => expect(fixture.biller.notices()[0]?.status).toBe("delivered"));
    expect(fixture.biller.notices()).toHaveLength(1);
  });
});
