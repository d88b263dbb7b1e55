/**
 * The biller interface as the simulator serves it: bill inquiries, postings and posting status
 * inquiries, signed both ways; idempotent postings; rejections and refusals with their codes.
 */
import { randomUUID } from "node:crypto";
import {
  BillerRefusal,
  BillInquiryAnswer,
  PostingAnswer,
  registerStringFormats,
} from "@clearhub/wire";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import { describe, expect, it } from "vitest";
import { useBiller } from "./support/biller-fixture.ts";

registerStringFormats();
const inquiryAnswer = TypeCompiler.Compile(BillInquiryAnswer);
const postingAnswer = TypeCompiler.Compile(PostingAnswer);
const refusalBody = TypeCompiler.Compile(BillerRefusal);

describe("bill inquiry", () => {
  const fixture = useBiller();

  it("answers the customer's bills due, oldest first, signed and as the interface defines", async () => {
    const answer = await fixture.inquire("W1001");
    expect(answer.status).toBe(200);
    expect(answer.signed).toBe(true);
    expect(inquiryAnswer.Check(answer.body)).toBe(true);
    expect(answer.body.customerName).toBe("L*** Wei");
    expect(answer.body.bills).toEqual([
      {
        billNumber: "W-2026-10-1001",
        currency: "CNY",
        amountDue: "45.10",
        dueDate: "2026-11-20",
        period: { from: "2026-10-01", to: "2026-10-31" },
      },
      { billNumber: "W-2026-11-1001", currency: "CNY", amountDue: "86.40", dueDate: "2026-12-20" },
    ]);
  });

  it("answers no bills for a customer whose account is closed", async () => {
    const answer = await fixture.inquire("W1003");
    expect(answer.body.bills).toEqual([]);
  });

  it("refuses, signed, an unknown customer and parameters the biller does not use", async () => {
    const unknown = await fixture.inquire("W9999");
    expect(unknown).toMatchObject({ status: 422, signed: true });
    expect(unknown.body.code).toBe("customer_not_found");
    expect(refusalBody.Check(unknown.body)).toBe(true);
    const wrongName = await fixture.call("/bill-inquiries", {
      inquiryId: "q-1",
      customerParameters: [{ name: "meterNumber", value: "M1" }],
    });
    expect(wrongName).toMatchObject({ status: 422, body: { code: "customer_parameters_invalid" } });
    const twice = await fixture.call("/bill-inquiries", {
      inquiryId: "q-2",
      customerParameters: [
        { name: "accountNumber", value: "W1001" },
        { name: "accountNumber", value: "W1002" },
      ],
    });
    expect(twice.body.code).toBe("customer_parameters_invalid");
  });

  it("refuses a body out of the interface's bounds as request_invalid", async () => {
    const tooLong = await fixture.call("/bill-inquiries", {
      inquiryId: "q-3",
      customerParameters: [{ name: "accountNumber", value: "W".repeat(65) }],
    });
    expect(tooLong).toMatchObject({ status: 400, signed: true, body: { code: "request_invalid" } });
  });
});

describe("the hub's signature", () => {
  const fixture = useBiller();

  it("is required: an unsigned or altered request is refused, signed, and applies nothing", async () => {
    const response = await fetch(`${fixture.biller.url}/postings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ postingId: "p-unsigned" }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("signature")).not.toBeNull();
    expect(((await response.json()) as { code: string }).code).toBe("signature_missing");
    const genuine = await fixture.post({
      postingId: "p-altered",
      billNumber: "W-2026-10-1001",
    });
    expect(genuine.status).toBe(200);
    const tampered = await fixture.call(
      "/postings",
      { postingId: "p-tampered" },
      { tamper: (payload) => payload.replace("p-tampered", "p-forged") },
    );
    expect(tampered).toMatchObject({
      status: 401,
      signed: true,
      body: { code: "digest_mismatch" },
    });
    expect(fixture.biller.posting("p-forged")).toBeUndefined();
    expect(fixture.biller.stats().refusedUnverified).toBe(2);
  });
});

describe("posting", () => {
  const fixture = useBiller();

  it("accepts a payment of the bill with a receipt, and the bill is no longer due", async () => {
    const answer = await fixture.post({ postingId: "p-1", billNumber: "W-2026-10-1001" });
    expect(answer).toMatchObject({ status: 200, signed: true });
    expect(postingAnswer.Check(answer.body)).toBe(true);
    expect(answer.body).toMatchObject({ postingId: "p-1", status: "accepted" });
    expect(answer.body.receiptNumber).toMatch(/^RCPT-/);
    expect(answer.body.postedAt).toBe(new Date(fixture.clock.now).toISOString());
    const bills = (await fixture.inquire("W1001")).body.bills;
    expect(bills.map((bill: { billNumber: string }) => bill.billNumber)).toEqual([
      "W-2026-11-1001",
    ]);
  });

  it("is idempotent by posting id: a repeat answers the same receipt, other content is refused", async () => {
    const first = await fixture.post({ postingId: "p-2", billNumber: "W-2026-10-1001" });
    const again = await Promise.all(
      Array.from({ length: 3 }, () =>
        fixture.post({ postingId: "p-2", billNumber: "W-2026-10-1001" }),
      ),
    );
    for (const answer of again) expect(answer.body).toEqual(first.body);
    const reused = await fixture.post({
      postingId: "p-2",
      billNumber: "W-2026-10-1001",
      amount: "45.11",
    });
    expect(reused).toMatchObject({
      status: 409,
      signed: true,
      body: { code: "idempotency_key_reused" },
    });
    expect(fixture.biller.postings()).toHaveLength(1);
    expect(fixture.biller.posting("p-2")?.request?.amount).toBe("45.10");
  });

  it("rejects, with the reason from the closed set, what the biller cannot credit", async () => {
    const cases = [
      [{ accountNumber: "W9999" }, "customer_unknown"],
      [{ accountNumber: "W1003" }, "customer_inactive"],
      [{ billNumber: "W-1999-01-0000" }, "bill_unknown"],
      [{ billNumber: "W-2026-10-1001", amount: "45.00" }, "amount_mismatch"],
      [{ billNumber: "W-2026-10-1001", currency: "USD" }, "currency_not_supported"],
      [{ amount: "0.00" }, "amount_below_minimum"],
      [
        { accountNumber: "W1002", billNumber: "W-2026-11-1002", amount: "49.99" },
        "amount_below_minimum",
      ],
      [
        { accountNumber: "W1002", billNumber: "W-2026-11-1002", amount: "500.01" },
        "amount_above_maximum",
      ],
    ] as const;
    for (const [fields, reasonCode] of cases) {
      const answer = await fixture.post(fields);
      expect(answer.body, reasonCode).toMatchObject({ status: "rejected", reasonCode });
      expect(postingAnswer.Check(answer.body)).toBe(true);
    }
    // Nothing was credited: every bill is still due.
    expect((await fixture.inquire("W1001")).body.bills).toHaveLength(2);
    expect((await fixture.inquire("W1002")).body.bills).toHaveLength(1);
  });

  it("takes an amount within the bill's bounds, and no second payment of a paid bill", async () => {
    const part = await fixture.post({
      accountNumber: "W1002",
      billNumber: "W-2026-11-1002",
      amount: "50.00",
    });
    expect(part.body.status).toBe("accepted");
    const second = await fixture.post({
      accountNumber: "W1002",
      billNumber: "W-2026-11-1002",
      amount: "128.00",
    });
    expect(second.body).toMatchObject({ status: "rejected", reasonCode: "bill_already_paid" });
  });

  it("answers pending when configured, and the outcome once the clock passes the decision", async () => {
    fixture.biller.setFaults({ pendingRate: 1, pendingDelayMs: 60_000 });
    const pending = await fixture.post({ postingId: "p-3", billNumber: "W-2026-10-1001" });
    expect(pending.body).toEqual({ postingId: "p-3", status: "pending" });
    const stillPending = await fixture.call("/posting-inquiries", { postingId: "p-3" });
    expect(stillPending.body.status).toBe("pending");
    fixture.clock.now += 60_000;
    const decided = await fixture.call("/posting-inquiries", { postingId: "p-3" });
    expect(decided).toMatchObject({ status: 200, signed: true });
    expect(decided.body).toMatchObject({ postingId: "p-3", status: "accepted" });
    expect(decided.body.postedAt).toBe(new Date(fixture.clock.now).toISOString());
  });

  it("declines at random when configured, crediting nothing", async () => {
    fixture.biller.setFaults({ declineRate: 1 });
    const answer = await fixture.post({ billNumber: "W-2026-10-1001" });
    expect(answer.body).toMatchObject({ status: "rejected", reasonCode: "declined" });
    expect((await fixture.inquire("W1001")).body.bills).toHaveLength(2);
  });
});

describe("posting status inquiry", () => {
  const fixture = useBiller();

  it("answers an accepted posting's receipt, signed", async () => {
    const posted = await fixture.post({ postingId: "p-4", billNumber: "W-2026-10-1001" });
    const inquiry = await fixture.call("/posting-inquiries", { postingId: "p-4" });
    expect(inquiry).toMatchObject({ status: 200, signed: true });
    expect(inquiry.body).toEqual(posted.body);
  });

  it("closes an id never received: a late posting under it credits nothing", async () => {
    const postingId = randomUUID();
    const inquiry = await fixture.call("/posting-inquiries", { postingId });
    expect(inquiry.body).toMatchObject({ status: "rejected", reasonCode: "posting_not_received" });
    const late = await fixture.post({ postingId, billNumber: "W-2026-10-1001" });
    expect(late.body).toEqual(inquiry.body);
    expect((await fixture.inquire("W1001")).body.bills).toHaveLength(2);
  });

  it("settles a posting whose answer was dropped", async () => {
    fixture.biller.setFaults({ dropRate: 1 });
    await expect(
      fixture.post({ postingId: "p-5", billNumber: "W-2026-10-1001" }),
    ).rejects.toThrow();
    fixture.biller.setFaults({ dropRate: 0 });
    const inquiry = await fixture.call("/posting-inquiries", { postingId: "p-5" });
    expect(inquiry.body).toMatchObject({ postingId: "p-5", status: "accepted" });
  });
});
