/**
 * Agreement payments end to end: a real hub on HTTP with its status-inquiry job, a simulated
 * bank on HTTP, a payment institution using this SDK. Payments succeed and fail as the bank
 * says, within the agreement's limits, never twice for one id (retries and concurrent
 * duplicates alike); a bank that answers too late or drops the answer leaves the payment
 * `unknown` until an inquiry settles it, and the hub's records reconcile with the bank's ledger.
 */
import { type BankSimulator, startBankSimulator } from "@clearhub/simulators";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type BankOperation,
  type ClearhubClient,
  ClearhubProblemError,
  type NewAgreement,
} from "../src/index.ts";
import { type HubServer, startHubServer } from "./support/hub-server.ts";
import { rejection } from "./support/rejection.ts";

const customer = {
  holderName: "Li Wei",
  accountNumber: "6222020000000001",
  idType: "resident_id" as const,
  idNumber: "11010119900307001X",
  mobile: "+8613800000001",
};
const poorCustomer = {
  holderName: "Chen Jie",
  accountNumber: "6222020000000077",
  idType: "resident_id" as const,
  idNumber: "110101199001010077",
  mobile: "+8613800000077",
};

let hub: HubServer;
let bank: BankSimulator;
let wallet: ClearhubClient;

async function operator(method: "POST" | "PATCH", url: string, body: unknown): Promise<void> {
  const response = await hub.call(method, url, body);
  expect(response.statusCode, response.body).toBeLessThan(300);
}

async function signed(id: string, holder = customer, factors = 2): Promise<void> {
  const signing: NewAgreement = {
    id,
    bankId: "bank-north",
    customer: holder,
    authenticationFactors: factors,
    digitalCertificate: false,
  };
  await wallet.createAgreement(signing);
  const active = await wallet.confirmAgreement(id, bank.latestOtp(holder.mobile) ?? "");
  expect(active.state).toBe("active");
}

async function settled(id: string, timeoutMs = 8_000): Promise<BankOperation> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const payment = await wallet.getAgreementPayment(id);
    if (payment.state === "succeeded" || payment.state === "failed") return payment;
    if (Date.now() > deadline) throw new Error(`payment ${id} still ${payment.state}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The hub's ledger position of a participant in CNY, as the operator sees it. */
async function cnyPosition(participantId: string): Promise<Record<string, unknown>> {
  const response = await hub.call("GET", `/operator/v1/participants/${participantId}`);
  const body = response.json() as { accounts: Record<string, unknown>[] };
  const position = body.accounts.find((a) => a.currency === "CNY" && a.kind === "position");
  return position ?? {};
}

beforeAll(async () => {
  hub = await startHubServer("sqlite", {
    bankInquiry: { intervalMs: 50, leaseMs: 2_000 },
    bankOperationTimings: { callGraceMs: 3_000, firstInquiryDelayMs: 50, inquiryDelayCapMs: 200 },
  });
  const bankParticipant = await hub.participant("bank-north", "bank");
  const walletParticipant = await hub.participant("wallet-alpha");
  for (const id of ["bank-north", "wallet-alpha"]) {
    await operator("POST", `/operator/v1/participants/${id}/currencies`, {
      currency: "CNY",
      netDebitCap: "1000000.00",
    });
  }
  bank = await startBankSimulator({
    bankId: "bank-north",
    hubUrl: hub.baseUrl,
    signingKey: { keyId: bankParticipant.keyId, privateKey: bankParticipant.privateKey },
    accounts: [
      { ...customer, currency: "CNY", balance: "100000.00" },
      { ...poorCustomer, currency: "CNY", balance: "10.00" },
    ],
  });
  await operator("POST", "/operator/v1/banks/bank-north/endpoints", {
    id: "main",
    url: bank.url,
    timeoutMs: 500,
  });
  wallet = walletParticipant.client();
  await signed("ag-main");
});

beforeEach(() => {
  bank.setFaults({ timeoutRate: 0, dropRate: 0, pendingRate: 0, latencyMs: 0 });
});

afterAll(async () => {
  await bank?.close();
  await hub?.close();
});

describe("agreement payments over HTTP with a simulated bank", () => {
  it("debits the customer, commits the ledger and answers a retry without debiting again", async () => {
    const before = bank.balance(customer.accountNumber);
    const payment = { id: "pay-1", agreementId: "ag-main", amount: "100.00", currency: "CNY" };
    const { operation, replayed } = await wallet.createAgreementPayment(payment);
    expect(replayed).toBe(false);
    expect(operation).toMatchObject({ state: "succeeded", kind: "debit", amount: "100.00" });
    expect(bank.balance(customer.accountNumber)).toBe((Number(before) - 100).toFixed(2));
    const again = await wallet.createAgreementPayment(payment);
    expect(again).toMatchObject({ replayed: true, operation: { state: "succeeded" } });
    expect(bank.ledger().filter((e) => e.transactionId === operation.transactionId)).toHaveLength(
      1,
    );
    const other = await rejection(
      wallet.createAgreementPayment({ ...payment, amount: "101.00" }),
      ClearhubProblemError,
    );
    expect(other.code).toBe("idempotency_key_reused");
    expect((await cnyPosition("wallet-alpha")).creditsPosted).toBe("100.00");
  });

  it("records the bank's refusal and releases the reservation", async () => {
    await signed("ag-poor", poorCustomer);
    const { operation } = await wallet.createAgreementPayment({
      id: "pay-poor",
      agreementId: "ag-poor",
      amount: "50.00",
      currency: "CNY",
    });
    expect(operation).toMatchObject({ state: "failed", failure: { code: "insufficient_funds" } });
    expect(bank.balance(poorCustomer.accountNumber)).toBe("10.00");
  });

  it("keeps each payment and each day within the agreement's limits", async () => {
    await signed("ag-one-factor", customer, 1);
    const tooLarge = await rejection(
      wallet.createAgreementPayment({
        id: "pay-big",
        agreementId: "ag-main",
        amount: "5000.01",
        currency: "CNY",
      }),
      ClearhubProblemError,
    );
    expect(tooLarge.code).toBe("exceeds_transaction_limit");
    const first = await wallet.createAgreementPayment({
      id: "pay-day-1",
      agreementId: "ag-one-factor",
      amount: "600.00",
      currency: "CNY",
    });
    expect(first.operation.state).toBe("succeeded");
    const second = await rejection(
      wallet.createAgreementPayment({
        id: "pay-day-2",
        agreementId: "ag-one-factor",
        amount: "400.01",
        currency: "CNY",
      }),
      ClearhubProblemError,
    );
    expect(second.code).toBe("exceeds_daily_limit");
  });

  it("lets concurrent requests pass the daily limit together never, and duplicates call the bank once", async () => {
    await signed("ag-race", customer, 1);
    const racing = await Promise.allSettled(
      ["r-1", "r-2", "r-3", "r-4"].map((id) =>
        wallet.createAgreementPayment({
          id,
          agreementId: "ag-race",
          amount: "300.00",
          currency: "CNY",
        }),
      ),
    );
    expect(racing.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const duplicates = await Promise.all(
      Array.from({ length: 5 }, () =>
        wallet.createAgreementPayment({
          id: "pay-dup",
          agreementId: "ag-main",
          amount: "7.00",
          currency: "CNY",
        }),
      ),
    );
    const transactionIds = new Set(duplicates.map((d) => d.operation.transactionId));
    expect(transactionIds.size).toBe(1);
    expect(await settled("pay-dup")).toMatchObject({ state: "succeeded" });
    const [transactionId] = [...transactionIds];
    expect(bank.ledger().filter((e) => e.transactionId === transactionId)).toHaveLength(1);
  });

  it("resolves an answer that came too late, or never, by inquiry, moving money once", async () => {
    bank.setFaults({ timeoutRate: 1, timeoutDelayMs: 1_000 });
    const late = await wallet.createAgreementPayment({
      id: "pay-late",
      agreementId: "ag-main",
      amount: "20.00",
      currency: "CNY",
    });
    expect(late.operation.state).toBe("unknown");
    bank.setFaults({ timeoutRate: 0, dropRate: 1 });
    const dropped = await wallet.createAgreementPayment({
      id: "pay-dropped",
      agreementId: "ag-main",
      amount: "30.00",
      currency: "CNY",
    });
    expect(dropped.operation.state).toBe("unknown");
    bank.setFaults({ dropRate: 0 });
    expect(await settled("pay-late")).toMatchObject({ state: "succeeded" });
    expect(await settled("pay-dropped")).toMatchObject({ state: "succeeded" });
    // A retry of an unknown payment was answered, never sent to the bank again.
    expect(
      (
        await wallet.createAgreementPayment({
          id: "pay-dropped",
          agreementId: "ag-main",
          amount: "30.00",
          currency: "CNY",
        })
      ).replayed,
    ).toBe(true);
    await reconcile();
  });

  it("settles a pending answer from the bank's notice", async () => {
    bank.setFaults({ pendingRate: 1, pendingDelayMs: 100 });
    const { operation } = await wallet.createAgreementPayment({
      id: "pay-pending",
      agreementId: "ag-main",
      amount: "40.00",
      currency: "CNY",
    });
    expect(operation.state).toBe("pending");
    expect(await settled("pay-pending")).toMatchObject({ state: "succeeded" });
    await reconcile();
  });
});

/**
 * Every debit the bank applied is a succeeded payment at the hub with the same amount, and
 * every succeeded payment is applied at the bank once: nothing doubled, nothing lost.
 */
async function reconcile(): Promise<void> {
  const debits = bank.ledger().filter((e) => e.operation === "debit");
  const ids = new Set(debits.map((e) => e.transactionId));
  expect(ids.size).toBe(debits.length);
  for (const entry of debits) {
    const operation = await hub.hub.bankOperationStore.findByTransaction(
      "bank-north",
      entry.transactionId,
    );
    expect(operation?.state, entry.transactionId).toBe("succeeded");
    expect((Number(operation?.amountMinor ?? 0n) / 100).toFixed(2)).toBe(entry.amount);
  }
}
