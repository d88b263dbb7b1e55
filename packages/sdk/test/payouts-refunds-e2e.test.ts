/**
 * Payouts and refunds end to end: a real hub on HTTP with its status-inquiry job, two simulated
 * banks on HTTP, payment institutions using this SDK. Payouts go to an agreement's account or
 * to account details at another bank, bounded by the institution's net debit cap; refunds
 * return a payment's money and never more than it, even when asked for at once; a lost answer
 * is settled by inquiry; every record reconciles with the banks' ledgers.
 */
import { type BankSimulator, startBankSimulator } from "@clearhub/simulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BankOperation, type ClearhubClient, ClearhubProblemError } from "../src/index.ts";
import { type HubServer, startHubServer } from "./support/hub-server.ts";
import { rejection } from "./support/rejection.ts";

const customer = {
  holderName: "Li Wei",
  accountNumber: "6222020000000001",
  idType: "resident_id" as const,
  idNumber: "11010119900307001X",
  mobile: "+8613800000001",
};
const southAccount = {
  accountNumber: "6217000000000009",
  holderName: "Zhang Min",
  idNumber: "E12345678",
  mobile: "+8613900000009",
  currency: "CNY",
  balance: "0.00",
};

let hub: HubServer;
let north: BankSimulator;
let south: BankSimulator;
let wallet: ClearhubClient;
let smallWallet: ClearhubClient;

async function operator(url: string, body: unknown): Promise<void> {
  const response = await hub.call("POST", url, body);
  expect(response.statusCode, response.body).toBeLessThan(300);
}

async function startBank(id: string, accounts: object[]): Promise<BankSimulator> {
  const participant = await hub.participant(id, "bank");
  await operator(`/operator/v1/participants/${id}/currencies`, {
    currency: "CNY",
    netDebitCap: "1000000.00",
  });
  const bank = await startBankSimulator({
    bankId: id,
    hubUrl: hub.baseUrl,
    signingKey: { keyId: participant.keyId, privateKey: participant.privateKey },
    accounts: accounts as never,
  });
  await operator(`/operator/v1/banks/${id}/endpoints`, {
    id: "main",
    url: bank.url,
    timeoutMs: 500,
  });
  return bank;
}

async function institution(id: string, netDebitCap: string): Promise<ClearhubClient> {
  const participant = await hub.participant(id);
  await operator(`/operator/v1/participants/${id}/currencies`, { currency: "CNY", netDebitCap });
  return participant.client();
}

async function settled(read: () => Promise<BankOperation>, timeoutMs = 8_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const operation = await read();
    if (operation.state === "succeeded" || operation.state === "failed") return operation;
    if (Date.now() > deadline) throw new Error(`${operation.id} still ${operation.state}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  hub = await startHubServer("sqlite", {
    bankInquiry: { intervalMs: 50, leaseMs: 2_000 },
    bankOperationTimings: { callGraceMs: 3_000, firstInquiryDelayMs: 50, inquiryDelayCapMs: 200 },
  });
  north = await startBank("bank-north", [{ ...customer, currency: "CNY", balance: "10000.00" }]);
  south = await startBank("bank-south", [southAccount]);
  wallet = await institution("wallet-alpha", "100000.00");
  smallWallet = await institution("wallet-small", "100.00");
  await wallet.createAgreement({
    id: "ag-1",
    bankId: "bank-north",
    customer,
    authenticationFactors: 2,
    digitalCertificate: false,
  });
  await wallet.confirmAgreement("ag-1", north.latestOtp(customer.mobile) ?? "");
});

afterAll(async () => {
  await north?.close();
  await south?.close();
  await hub?.close();
});

describe("payouts and refunds over HTTP with simulated banks", () => {
  it("pays out to an agreement's account and to account details at another bank", async () => {
    const before = Number(north.balance(customer.accountNumber));
    const toAgreement = await wallet.createPayout({
      id: "po-1",
      agreementId: "ag-1",
      amount: "25.00",
      currency: "CNY",
    });
    expect(toAgreement.operation).toMatchObject({ state: "succeeded", kind: "credit" });
    expect(Number(north.balance(customer.accountNumber))).toBe(before + 25);
    const toAccount = await wallet.createPayout({
      id: "po-2",
      creditor: {
        bankId: "bank-south",
        name: "Zhang Min",
        accountNumber: "6217 0000 0000 0009",
      },
      amount: "12.50",
      currency: "CNY",
    });
    expect(toAccount.operation).toMatchObject({
      state: "succeeded",
      bankId: "bank-south",
      creditor: { name: "Zhang Min", accountNumber: "****0009" },
    });
    expect(south.balance(southAccount.accountNumber)).toBe("12.50");
    const again = await wallet.createPayout({
      id: "po-2",
      creditor: { bankId: "bank-south", name: "Zhang Min", accountNumber: "6217000000000009" },
      amount: "12.50",
      currency: "CNY",
    });
    expect(again.replayed).toBe(true);
    const otherAccount = await rejection(
      wallet.createPayout({
        id: "po-2",
        creditor: { bankId: "bank-south", name: "Zhang Min", accountNumber: "6217000000000010" },
        amount: "12.50",
        currency: "CNY",
      }),
      ClearhubProblemError,
    );
    expect(otherAccount.code).toBe("idempotency_key_reused");
    expect(south.balance(southAccount.accountNumber)).toBe("12.50");
  });

  it("bounds payouts by the institution's net debit cap, before calling the bank", async () => {
    const tooMuch = await smallWallet.createPayout({
      id: "po-big",
      creditor: { bankId: "bank-south", name: "Zhang Min", accountNumber: "6217000000000009" },
      amount: "150.00",
      currency: "CNY",
    });
    expect(tooMuch.operation).toMatchObject({
      state: "failed",
      failure: { code: "exceeds_net_debit_cap" },
    });
    const within = await smallWallet.createPayout({
      id: "po-small",
      creditor: { bankId: "bank-south", name: "Zhang Min", accountNumber: "6217000000000009" },
      amount: "80.00",
      currency: "CNY",
    });
    expect(within.operation.state).toBe("succeeded");
    expect(south.transactions().map((t) => t.transactionId)).not.toContain(
      tooMuch.operation.transactionId,
    );
  });

  it("refunds a payment, never beyond its amount even when asked at once", async () => {
    const payment = await wallet.createAgreementPayment({
      id: "pay-r",
      agreementId: "ag-1",
      amount: "100.00",
      currency: "CNY",
    });
    expect(payment.operation.state).toBe("succeeded");
    const racing = await Promise.allSettled(
      ["rf-1", "rf-2", "rf-3"].map((id) =>
        wallet.createRefund({ id, paymentId: "pay-r", amount: "40.00", currency: "CNY" }),
      ),
    );
    const refused = racing.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(1);
    expect(((refused[0] as PromiseRejectedResult).reason as ClearhubProblemError).code).toBe(
      "exceeds_refundable_amount",
    );
    const last = await wallet.createRefund({
      id: "rf-4",
      paymentId: "pay-r",
      amount: "20.00",
      currency: "CNY",
    });
    expect(last.operation).toMatchObject({ state: "succeeded", originalId: "pay-r" });
    const refunds = north.ledger().filter((e) => e.operation === "refund");
    expect(refunds.reduce((sum, e) => sum + Number(e.amount), 0)).toBe(100);
    const notRefundable = await rejection(
      wallet.createRefund({ id: "rf-x", paymentId: "po-1", amount: "1.00", currency: "CNY" }),
      ClearhubProblemError,
    );
    expect(notRefundable.code).toBe("bank_operation_not_found");
  });

  it("settles a payout and a refund whose answers were lost, by inquiry, once", async () => {
    await wallet.createAgreementPayment({
      id: "pay-lost",
      agreementId: "ag-1",
      amount: "30.00",
      currency: "CNY",
    });
    north.setFaults({ dropRate: 1 });
    const payout = await wallet.createPayout({
      id: "po-lost",
      agreementId: "ag-1",
      amount: "5.00",
      currency: "CNY",
    });
    const refund = await wallet.createRefund({
      id: "rf-lost",
      paymentId: "pay-lost",
      amount: "30.00",
      currency: "CNY",
    });
    expect([payout.operation.state, refund.operation.state]).toEqual(["unknown", "unknown"]);
    north.setFaults({ dropRate: 0 });
    expect(await settled(() => wallet.getPayout("po-lost"))).toMatchObject({ state: "succeeded" });
    expect(await settled(() => wallet.getRefund("rf-lost"))).toMatchObject({ state: "succeeded" });
    for (const bank of [north, south]) {
      const entries = bank.ledger();
      expect(new Set(entries.map((e) => e.transactionId)).size).toBe(entries.length);
      for (const entry of entries) {
        const operation = await hub.hub.bankOperationStore.findByTransaction(
          bank.bankId,
          entry.transactionId,
        );
        expect(operation?.state, entry.transactionId).toBe("succeeded");
      }
    }
  });
});
