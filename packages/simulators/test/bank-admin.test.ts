/** The simulator's admin routes and command line, and several endpoints of one bank. */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { alice, bob, pi, useBank } from "./support/bank-fixture.ts";

// biome-ignore lint/suspicious/noExplicitAny: tests read the answer's fields one by one
type Json = any;

async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: Json }> {
  const response = await fetch(url, init);
  return { status: response.status, body: await response.json() };
}

describe("admin routes", () => {
  const fixture = useBank();

  it("show the inbox, the accounts, the agreements and the ledger", async () => {
    const agreementNumber = await fixture.signAgreement();
    await fixture.debit(agreementNumber, "1.50");
    const { origin } = fixture.bank;
    const inbox = await getJson(`${origin}/inbox/${encodeURIComponent(alice.mobile)}`);
    expect(inbox.body.messages[0].otp).toBe(fixture.bank.latestOtp(alice.mobile));
    const accounts = await getJson(`${origin}/admin/accounts`);
    expect(accounts.body.accounts).toContainEqual({
      accountNumber: alice.accountNumber,
      currency: "CNY",
      balance: "998.50",
      status: "open",
    });
    const agreements = await getJson(`${origin}/admin/agreements`);
    expect(agreements.body.agreements[0]).toMatchObject({
      agreementNumber,
      paymentInstitutionId: pi,
      status: "signed",
    });
    const ledger = await getJson(`${origin}/admin/ledger`);
    expect(ledger.body.entries).toEqual([
      expect.objectContaining({ operation: "debit", amount: "1.50" }),
    ]);
    const transaction = await getJson(
      `${origin}/admin/transactions/${ledger.body.entries[0].transactionId}`,
    );
    expect(transaction.body.answer.status).toBe("succeeded");
    expect((await getJson(`${origin}/admin/stats`)).body.answered).toBeGreaterThanOrEqual(3);
  });

  it("open accounts, change faults and end agreements", async () => {
    const { origin } = fixture.bank;
    const json = (method: string, body: unknown) => ({
      method,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const opened = await getJson(
      `${origin}/admin/accounts`,
      json("POST", { ...bob, accountNumber: "6222020000000099" }),
    );
    expect(opened).toMatchObject({
      status: 201,
      body: { accountNumber: "6222020000000099", balance: "50.00" },
    });
    expect((await getJson(`${origin}/admin/accounts`, json("POST", bob))).status).toBe(400);
    expect(
      (await getJson(`${origin}/admin/faults`, json("PUT", { latencyMs: 5 }))).body.latencyMs,
    ).toBe(5);
    expect((await getJson(`${origin}/admin/faults`, json("PUT", { dropRate: 2 }))).status).toBe(
      400,
    );
    const agreementNumber = await fixture.signAgreement();
    const unsigned = await getJson(
      `${origin}/admin/agreements/${agreementNumber}/unsign`,
      json("POST", { reason: "bank_decision" }),
    );
    expect(unsigned.body.notice).toMatchObject({ agreementNumber, reason: "bank_decision" });
    expect(
      (await getJson(`${origin}/admin/agreements/${agreementNumber}/unsign`, json("POST", {})))
        .status,
    ).toBe(404);
  });
});

describe("several endpoints of one bank", () => {
  const fixture = useBank({ endpointPaths: ["/branch-1", "/branch-2"] });

  it("share its accounts and agreements, and record which endpoint served each", async () => {
    expect(Object.keys(fixture.bank.urls)).toEqual(["/branch-1", "/branch-2"]);
    const agreementNumber = await fixture.signAgreement();
    expect(fixture.bank.agreements()[0]?.endpointPath).toBe("/branch-1");
    const debit = await fixture.callUrl(`${fixture.bank.urls["/branch-2"]}/debits`, {
      transactionId: "t-branch-2",
      paymentInstitutionId: pi,
      agreementNumber,
      amount: "2.00",
      currency: "CNY",
    });
    expect(debit.body).toMatchObject({ status: "succeeded" });
    expect(fixture.bank.ledger()[0]?.endpointPath).toBe("/branch-2");
  });
});

describe("the command line", () => {
  it("starts a bank with demo accounts and prints its endpoint and key", async () => {
    const bin = fileURLToPath(new URL("../bin/clearhub-bank-simulator.mjs", import.meta.url));
    const child = spawn(process.execPath, [
      bin,
      "--port",
      "0",
      "--trust-hub",
      "--bank-id",
      "bank-west",
    ]);
    try {
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      while (!/accounts\s+\d+/.test(output)) await once(child.stdout, "data");
      const endpoint = /endpoint\s+(\S+)/.exec(output)?.[1] ?? "";
      expect(output).toContain("bank-west.simulator");
      const accounts = await getJson(`${endpoint}/admin/accounts`);
      expect(accounts.body.accounts).toHaveLength(3);
    } finally {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
  });
});
