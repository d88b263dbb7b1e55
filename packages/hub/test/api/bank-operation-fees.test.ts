/**
 * Fees on bank operations, against the bank simulator over real HTTP: the institution that
 * initiates an agreement payment or a payout pays its fee, priced when the operation is
 * recorded, reserved with the operation's reservation (linked) and committed with it on
 * success; an operation whose fee would pass the institution's cap fails before the bank is
 * called; the ledger sums to zero throughout.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import { verifyLedger } from "../../src/app/ledger/verify-ledger.ts";
import { describeEachBackend } from "../support/backends.ts";
import { type AgreementNetwork, openAgreementNetwork } from "./agreement-network.ts";
import { accountOf } from "./api-harness.ts";
import type { ListeningHub } from "./listening-hub.ts";
import type { ParticipantClient } from "./participant-client.ts";

describeEachBackend("bank operation fees", (backend) => {
  let network: AgreementNetwork | undefined;
  let hub: ListeningHub;
  let wallet: ParticipantClient;

  beforeEach(async () => {
    network = await openAgreementNetwork(backend, "100.00");
    ({ hub, wallet } = network);
    for (const type of ["agreement_payment", "payout"]) {
      const set = await hub.callApproved("PUT", `/operator/v1/fee-schedules/${type}/CNY`, {
        fixed: "0.50",
        basisPoints: 100,
      });
      expect(set.statusCode, set.body).toBe(200);
    }
  });

  afterEach(async () => {
    await network?.dispose();
    network = undefined;
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
