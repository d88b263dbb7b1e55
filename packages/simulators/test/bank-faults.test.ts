/**
 * The faults the simulator injects: an answer dropped or too late after the operation was
 * applied, random declines, and a capacity beyond which nothing is read or applied.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { alice, useBank } from "./support/bank-fixture.ts";

describe("faults", () => {
  const fixture = useBank();

  it("a dropped request is applied, then its connection is closed without an answer", async () => {
    const agreementNumber = await fixture.signAgreement();
    fixture.bank.setFaults({ dropRate: 1 });
    const transactionId = randomUUID();
    await expect(fixture.debit(agreementNumber, "10.00", transactionId)).rejects.toThrow();
    expect(fixture.bank.balance(alice.accountNumber)).toBe("990.00");
    expect(fixture.bank.stats().dropped).toBe(1);
    fixture.bank.setFaults({ dropRate: 0 });
    const inquiry = await fixture.call("/inquiries", { transactionId });
    expect(inquiry.body).toMatchObject({ transactionId, status: "succeeded" });
  });

  it("a late request is applied, and answered only after the caller gave up", async () => {
    const agreementNumber = await fixture.signAgreement();
    fixture.bank.setFaults({ timeoutRate: 1, timeoutDelayMs: 5_000 });
    const transactionId = randomUUID();
    const started = Date.now();
    await expect(
      fixture.call(
        "/debits",
        {
          transactionId,
          paymentInstitutionId: "wallet-alpha",
          agreementNumber,
          amount: "10.00",
          currency: "CNY",
        },
        { timeoutMs: 200 },
      ),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fixture.bank.balance(alice.accountNumber)).toBe("990.00");
    fixture.bank.setFaults({ timeoutRate: 0 });
    expect((await fixture.call("/inquiries", { transactionId })).body.status).toBe("succeeded");
  });

  it("declines at random as asked, moving nothing", async () => {
    const agreementNumber = await fixture.signAgreement();
    fixture.bank.setFaults({ declineRate: 1 });
    const answer = await fixture.debit(agreementNumber, "10.00");
    expect(answer.body).toMatchObject({ status: "failed", reasonCode: "declined" });
    expect(fixture.bank.balance(alice.accountNumber)).toBe("1000.00");
  });

  it("beyond its capacity answers 503 bank_busy, signed, and applies nothing", async () => {
    const agreementNumber = await fixture.signAgreement();
    fixture.bank.setFaults({ capacityMax: 2, latencyMs: 300 });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => fixture.debit(agreementNumber, "1.00")),
    );
    const busy = answers.filter((answer) => answer.status === 503);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(2);
    expect(busy).toHaveLength(3);
    for (const answer of busy)
      expect(answer).toMatchObject({ signed: true, body: { code: "bank_busy" } });
    expect(fixture.bank.ledger()).toHaveLength(2);
    expect(fixture.bank.transactions()).toHaveLength(2);
    expect(fixture.bank.balance(alice.accountNumber)).toBe("998.00");
    expect(fixture.bank.stats().busy).toBe(3);
  });

  it("refuses fault options out of range, whole", () => {
    expect(() => fixture.bank.setFaults({ dropRate: 0.7, timeoutRate: 0.5 })).toThrow(
      /must not pass 1/,
    );
    expect(fixture.bank.faults().dropRate).toBe(0);
  });
});
