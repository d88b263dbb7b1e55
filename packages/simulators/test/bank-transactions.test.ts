/** Debits, credits, refunds and inquiries at the simulator: each applied once, by its rules. */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { alice, bob, eventually, pi, useBank } from "./support/bank-fixture.ts";

describe("money movements", () => {
  const fixture = useBank();

  it("debits once however many identical requests arrive at once", async () => {
    const agreementNumber = await fixture.signAgreement();
    const transactionId = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => fixture.debit(agreementNumber, "10.00", transactionId)),
    );
    const bodies = answers.map((answer) => answer.body);
    expect(answers.every((answer) => answer.status === 200 && answer.signed)).toBe(true);
    expect(bodies[0]).toMatchObject({ transactionId, status: "succeeded" });
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
    expect(fixture.bank.balance(alice.accountNumber)).toBe("990.00");
    expect(fixture.bank.ledger()).toEqual([
      expect.objectContaining({
        transactionId,
        operation: "debit",
        amount: "10.00",
        balanceAfter: "990.00",
        paymentInstitutionId: pi,
      }),
    ]);
    const other = await fixture.debit(agreementNumber, "10.01", transactionId);
    expect(other).toMatchObject({
      status: 409,
      signed: true,
      body: { code: "idempotency_key_reused" },
    });
    expect(fixture.bank.balance(alice.accountNumber)).toBe("990.00");
  });

  it("fails a debit above the balance, the same way every time, moving nothing", async () => {
    const agreementNumber = await fixture.signAgreement();
    const transactionId = randomUUID();
    const first = await fixture.debit(agreementNumber, "1000.01", transactionId);
    expect(first.body).toMatchObject({ status: "failed", reasonCode: "insufficient_funds" });
    expect((await fixture.debit(agreementNumber, "1000.01", transactionId)).body).toEqual(
      first.body,
    );
    expect(fixture.bank.balance(alice.accountNumber)).toBe("1000.00");
    expect(fixture.bank.ledger()).toEqual([]);
  });

  it("never refunds more than the debit, over several partial refunds", async () => {
    const agreementNumber = await fixture.signAgreement();
    const debitId = randomUUID();
    await fixture.debit(agreementNumber, "100.00", debitId);
    const refund = (amount: string, originalTransactionId = debitId) =>
      fixture.call("/refunds", {
        transactionId: randomUUID(),
        paymentInstitutionId: pi,
        originalTransactionId,
        amount,
        currency: "CNY",
      });
    const outcomes = [];
    for (const amount of ["60.00", "50.00", "40.00", "0.01"]) {
      const answer = await refund(amount);
      outcomes.push(answer.body.status === "failed" ? answer.body.reasonCode : answer.body.status);
    }
    expect(outcomes).toEqual([
      "succeeded",
      "refund_exceeds_debit",
      "succeeded",
      "refund_exceeds_debit",
    ]);
    expect(fixture.bank.balance(alice.accountNumber)).toBe("1000.00");
    expect((await refund("1.00", randomUUID())).body).toMatchObject({
      reasonCode: "original_transaction_unknown",
    });
  });

  it("never refunds more than the debit when the refunds arrive at once", async () => {
    const agreementNumber = await fixture.signAgreement();
    const debitId = randomUUID();
    await fixture.debit(agreementNumber, "30.00", debitId);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        fixture.call("/refunds", {
          transactionId: randomUUID(),
          paymentInstitutionId: pi,
          originalTransactionId: debitId,
          amount: "7.00",
          currency: "CNY",
        }),
      ),
    );
    expect(answers.filter((answer) => answer.body.status === "succeeded")).toHaveLength(4);
    expect(fixture.bank.balance(alice.accountNumber)).toBe("998.00");
  });

  it("credits the named account, and fails a credit whose name is not the holder's", async () => {
    const credit = (name: string) =>
      fixture.call("/credits", {
        transactionId: randomUUID(),
        paymentInstitutionId: pi,
        creditor: { accountNumber: bob.accountNumber, name },
        amount: "25.50",
        currency: "CNY",
      });
    expect((await credit("wang  FANG")).body).toMatchObject({ status: "succeeded" });
    expect((await credit("Wang Wei")).body).toMatchObject({
      status: "failed",
      reasonCode: "creditor_name_mismatch",
    });
    expect(fixture.bank.balance(bob.accountNumber)).toBe("75.50");
  });

  it("closes an id on an inquiry about it, so that a late request applies nothing", async () => {
    const agreementNumber = await fixture.signAgreement();
    const transactionId = randomUUID();
    const inquiry = await fixture.call("/inquiries", { transactionId });
    expect(inquiry).toMatchObject({
      status: 200,
      signed: true,
      body: { transactionId, status: "failed", reasonCode: "transaction_not_received" },
    });
    const late = await fixture.debit(agreementNumber, "5.00", transactionId);
    expect(late.body).toEqual(inquiry.body);
    expect(fixture.bank.balance(alice.accountNumber)).toBe("1000.00");
  });

  it("answers an inquiry with the transaction's outcome", async () => {
    const agreementNumber = await fixture.signAgreement();
    const debit = await fixture.debit(agreementNumber, "5.00");
    const inquiry = await fixture.call("/inquiries", { transactionId: debit.body.transactionId });
    expect(inquiry.body).toEqual(debit.body);
  });

  it("refuses an amount with more decimals than the currency, recording nothing", async () => {
    const agreementNumber = await fixture.signAgreement();
    const answer = await fixture.debit(agreementNumber, "1.001");
    expect(answer).toMatchObject({ status: 400, signed: true, body: { code: "request_invalid" } });
    const number = await fixture.call("/debits", {
      transactionId: randomUUID(),
      paymentInstitutionId: pi,
      agreementNumber,
      amount: 1,
      currency: "CNY",
    });
    expect(number).toMatchObject({ status: 400, body: { code: "request_invalid" } });
    expect(fixture.bank.transactions()).toEqual([]);
  });
});

describe("pending outcomes", () => {
  const fixture = useBank({ faults: { pendingRate: 1, pendingDelayMs: 50 } });

  it("are decided later, answered to inquiries and notified to the hub, signed", async () => {
    const agreementNumber = await fixture.signAgreement();
    const debit = await fixture.debit(agreementNumber, "12.30");
    const { transactionId } = debit.body;
    expect(debit.body).toEqual({ transactionId, status: "pending" });
    expect(fixture.bank.balance(alice.accountNumber)).toBe("1000.00");
    const notices = await eventually(
      () => fixture.hub.notices,
      (received) => received.length > 0,
    );
    expect(notices[0]).toMatchObject({
      path: "/v1/bank-notices/transaction-results",
      body: { operation: "debit", result: { transactionId, status: "succeeded" } },
      verification: { ok: true },
    });
    expect(fixture.bank.balance(alice.accountNumber)).toBe("987.70");
    const inquiry = await fixture.call("/inquiries", { transactionId });
    const notice = notices[0]?.body as { result: unknown } | undefined;
    expect(inquiry.body).toEqual(notice?.result);
  });

  it("hold a pending refund's amount against the debit", async () => {
    fixture.bank.setFaults({ pendingRate: 0 });
    const agreementNumber = await fixture.signAgreement();
    const debitId = randomUUID();
    await fixture.debit(agreementNumber, "10.00", debitId);
    fixture.bank.setFaults({ pendingRate: 1, pendingDelayMs: 10_000 });
    const refund = (amount: string) =>
      fixture.call("/refunds", {
        transactionId: randomUUID(),
        paymentInstitutionId: pi,
        originalTransactionId: debitId,
        amount,
        currency: "CNY",
      });
    expect((await refund("8.00")).body.status).toBe("pending");
    expect((await refund("3.00")).body).toMatchObject({
      status: "failed",
      reasonCode: "refund_exceeds_debit",
    });
  });
});
