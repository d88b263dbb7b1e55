/**
 * A bank silent for longer than a payment's ledger reservation holds: the reservation expires
 * and its amount is released, yet when an inquiry then learns that the bank did debit the
 * customer, the hub records the money once, as a transfer of its own, and the payment succeeds.
 */
import { type BankSimulator, startBankSimulator } from "@clearhub/simulators";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ClearhubClient } from "../src/index.ts";
import { type HubServer, startHubServer } from "./support/hub-server.ts";

const customer = {
  holderName: "Li Wei",
  accountNumber: "6222020000000001",
  idType: "resident_id" as const,
  idNumber: "11010119900307001X",
  mobile: "+8613800000001",
};

let hub: HubServer;
let bank: BankSimulator;
let wallet: ClearhubClient;

beforeAll(async () => {
  hub = await startHubServer("sqlite", {
    bankOperationTimings: {
      reservationTimeoutMs: 200,
      callGraceMs: 3_000,
      firstInquiryDelayMs: 50,
      inquiryDelayCapMs: 50,
    },
  });
  const bankParticipant = await hub.participant("bank-north", "bank");
  const walletParticipant = await hub.participant("wallet-alpha");
  for (const id of ["bank-north", "wallet-alpha"]) {
    const added = await hub.call("POST", `/operator/v1/participants/${id}/currencies`, {
      currency: "CNY",
      netDebitCap: "1000.00",
    });
    expect(added.statusCode, added.body).toBe(201);
  }
  bank = await startBankSimulator({
    bankId: "bank-north",
    hubUrl: hub.baseUrl,
    signingKey: { keyId: bankParticipant.keyId, privateKey: bankParticipant.privateKey },
    accounts: [{ ...customer, currency: "CNY", balance: "500.00" }],
  });
  const endpoint = await hub.call("POST", "/operator/v1/banks/bank-north/endpoints", {
    id: "main",
    url: bank.url,
    timeoutMs: 300,
  });
  expect(endpoint.statusCode, endpoint.body).toBe(201);
  wallet = walletParticipant.client();
  await wallet.createAgreement({
    id: "ag-1",
    bankId: "bank-north",
    customer,
    authenticationFactors: 2,
    digitalCertificate: false,
  });
  await wallet.confirmAgreement("ag-1", bank.latestOtp(customer.mobile) ?? "");
});

afterAll(async () => {
  await bank?.close();
  await hub?.close();
});

it("records a success learnt after the reservation expired, once", async () => {
  bank.setFaults({ timeoutRate: 1, timeoutDelayMs: 1_000 });
  const { operation } = await wallet.createAgreementPayment({
    id: "pay-1",
    agreementId: "ag-1",
    amount: "70.00",
    currency: "CNY",
  });
  expect(operation.state).toBe("unknown");
  bank.setFaults({ timeoutRate: 0 });
  await new Promise((resolve) => setTimeout(resolve, 250));
  expect(await hub.hub.expiry.sweep()).toBe(1);

  const inquiry = hub.hub.bankInquiry;
  for (let pass = 0; pass < 3; pass++) await inquiry.pass();
  expect(await wallet.getAgreementPayment("pay-1")).toMatchObject({ state: "succeeded" });
  for (let pass = 0; pass < 3; pass++) await inquiry.pass();

  const late = await hub.call("GET", `/operator/v1/transfers/${operation.transactionId}.late`);
  expect(late.statusCode, late.body).toBe(200);
  expect(late.json()).toMatchObject({ amount: "70.00", kind: "posted" });
  const positions = (
    (await hub.call("GET", "/operator/v1/participants/wallet-alpha")).json() as {
      accounts: { currency: string; kind: string; creditsPosted: string }[];
    }
  ).accounts.find((a) => a.currency === "CNY" && a.kind === "position");
  expect(positions?.creditsPosted).toBe("70.00");
  expect(bank.balance(customer.accountNumber)).toBe("430.00");
});
