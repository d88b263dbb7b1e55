/**
 * Fees on bank operations, against the bank simulator over real HTTP: the institution that
 * initiates an agreement payment or a payout pays its fee, priced when the operation is
 * recorded, reserved with the operation's reservation (linked) and committed with it on
 * success; an operation whose fee would pass the institution's cap fails before the bank is
 * called; the ledger sums to zero throughout.
 */
import { type BankSimulator, demoAccounts, startBankSimulator } from "@clearhub/simulators";
import { afterEach, beforeEach, expect, it } from "vitest";
import { verifyLedger } from "../../src/app/ledger/verify-ledger.ts";
import { describeEachBackend } from "../support/backends.ts";
import { accountOf } from "./api-harness.ts";
import { type ListeningHub, openListeningHub } from "./listening-hub.ts";
import { onboardParticipant, type ParticipantClient } from "./participant-client.ts";

const customer = demoAccounts[0] as (typeof demoAccounts)[number];

describeEachBackend("bank operation fees", (backend) => {
  let hub: ListeningHub;
  let bank: BankSimulator;
  let wallet: ParticipantClient;

  beforeEach(async () => {
    hub = await openListeningHub(backend);
    const bankClient = await onboardParticipant(hub, "bank-a", "bank");
    wallet = await onboardParticipant(hub, "wallet-a", "payment_institution");
    for (const id of ["bank-a", "wallet-a"]) {
      const added = await hub.call("POST", `/operator/v1/participants/${id}/currencies`, {
        currency: "CNY",
        netDebitCap: "100.00",
      });
      expect(added.statusCode, added.body).toBe(201);
    }
    bank = await startBankSimulator({
      bankId: "bank-a",
      hubUrl: hub.origin,
      endpointPaths: ["/main"],
      signingKey: { keyId: bankClient.keyId, privateKey: bankClient.privateKey },
      accounts: [customer],
    });
    const endpoint = await hub.call("POST", "/operator/v1/banks/bank-a/endpoints", {
      id: "main",
      url: bank.urls["/main"],
      timeoutMs: 5_000,
    });
    expect(endpoint.statusCode, endpoint.body).toBe(201);
    const signing = await wallet.call("POST", "/v1/agreements", {
      id: "ag-1",
      bankId: "bank-a",
      customer: {
        holderName: customer.holderName,
        accountNumber: customer.accountNumber,
        idType: "resident_id",
        idNumber: customer.idNumber,
        mobile: customer.mobile,
      },
      authenticationFactors: 2,
      digitalCertificate: false,
    });
    expect(signing.statusCode, signing.body).toBe(201);
    const otp = bank.latestOtp(customer.mobile);
    await wallet.call("POST", "/v1/agreements/ag-1/confirm", { otp });
    for (const type of ["agreement_payment", "payout"]) {
      const set = await hub.callApproved("PUT", `/operator/v1/fee-schedules/${type}/CNY`, {
        fixed: "0.50",
        basisPoints: 100,
      });
      expect(set.statusCode, set.body).toBe(200);
    }
  });

  afterEach(async () => {
    await bank?.close();
    await hub?.dispose();
  });

  const position = async (id: string) => (await accountOf(hub, id, "position", "CNY")).balance;

  it("charges the institution on an agreement payment and a payout, once each", async () => {
    const paid = await wallet.call("POST", "/v1/agreement-payments", {
      id: "pay-1",
      agreementId: "ag-1",
      amount: "20.00",
      currency: "CNY",
    });
    // 0.50 + 1 % of 20.00.
    expect(paid.json(), paid.body).toMatchObject({
      state: "succeeded",
      fee: { amount: "0.70", currency: "CNY" },
    });
    expect(await position("wallet-a")).toBe("19.30");
    expect(await position("bank-a")).toBe("-20.00");
    const paidOut = await wallet.call("POST", "/v1/payouts", {
      id: "out-1",
      agreementId: "ag-1",
      amount: "10.00",
      currency: "CNY",
    });
    expect(paidOut.json(), paidOut.body).toMatchObject({
      state: "succeeded",
      fee: { amount: "0.60" },
    });
    expect(await position("wallet-a")).toBe("8.70");
    const again = await wallet.call("GET", "/v1/payouts/out-1");
    expect(again.json()).toMatchObject({ fee: { amount: "0.60" } });
    expect((await accountOf(hub, "operator", "fee", "CNY")).creditsPosted).toBe("1.30");
    expect((await verifyLedger(hub.hub.ledgerStore)).problems).toEqual([]);
  });

  it("fails a payout whose fee would pass the cap before calling the bank, charging nothing", async () => {
    const paidOut = await wallet.call("POST", "/v1/payouts", {
      id: "out-cap",
      agreementId: "ag-1",
      amount: "99.50",
      currency: "CNY",
    });
    expect(paidOut.json(), paidOut.body).toMatchObject({
      state: "failed",
      failure: { code: "exceeds_net_debit_cap" },
    });
    expect(await position("wallet-a")).toBe("0.00");
    expect((await accountOf(hub, "operator", "fee", "CNY")).creditsPosted).toBe("0.00");
    expect((await verifyLedger(hub.hub.ledgerStore)).problems).toEqual([]);
  });
});
