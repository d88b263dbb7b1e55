/**
 * Consumer-presented barcode payments end to end, on each store, over real HTTP to the wallet
 * simulator: an acquirer sends the code its terminal read; the hub routes it by prefix to the
 * issuer's wallet interface, reserves issuer → acquirer, and commits on approval within the
 * customer's daily limit or voids on a decline. A lost answer leaves the payment unknown until
 * the status inquiry settles it; a pending one is settled by the issuer's notice; an approval
 * past the limit is declined and reversed at the issuer; the acquirer may give up an unknown
 * payment, and the customer ends up not charged. The wallet's books and the hub's ledger agree.
 */

import { startWalletSimulator, type WalletSimulator } from "@clearhub/simulators";
import { afterEach, expect, it } from "vitest";
import { describeEachBackend } from "../support/backends.ts";
import { type ApiHarness, expectProblem, openApiHarness } from "./api-harness.ts";
import { openBarcodeParties } from "./barcode-network.ts";
import { position } from "./bill-payment-network.ts";
import type { ParticipantClient } from "./participant-client.ts";
import { type StoreSnapshot, snapshotStore, storeChanges } from "./store-snapshot.ts";

const opened: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of opened.splice(0).reverse()) await close();
});

const timings = { callGraceMs: 0, firstInquiryDelayMs: 0, inquiryDelayCapMs: 0 };

interface Network {
  readonly api: ApiHarness;
  readonly acquirer: ParticipantClient;
  readonly issuer: ParticipantClient;
  readonly wallet: WalletSimulator;
}

async function openNetwork(backend: "sqlite" | "postgres"): Promise<Network> {
  const api = await openApiHarness(backend, {}, { codePaymentTimings: timings });
  opened.push(() => api.dispose());
  const { issuer, acquirer } = await openBarcodeParties(api);
  const wallet = await startWalletSimulator({
    walletId: "wallet-a",
    codePrefix: "2801",
    cardPrefix: "9801",
    verifyHubSignatures: false,
    signingKey: { keyId: issuer.keyId, privateKey: issuer.privateKey },
    customers: [
      { customerId: "li-wei", name: "Li Wei", balances: { EUR: "100.00" }, verificationLevel: "C" },
      {
        customerId: "wang-fang",
        name: "Wang Fang",
        balances: { EUR: "100.00" },
        verificationLevel: "B",
        confirmInApp: true,
      },
    ],
    cards: [{ number: "9801000000000001", currency: "EUR", balance: "30.00" }],
  });
  opened.push(() => wallet.close());
  const endpoint = await api.call("POST", "/operator/v1/issuers/wallet-a/endpoints", {
    id: "main",
    url: wallet.url,
  });
  expect(endpoint.statusCode, endpoint.body).toBe(201);
  for (const [prefix, instrument] of [
    ["2801", "payment_code"],
    ["9801", "prepaid_card"],
  ] as const) {
    const assigned = await api.callApproved("POST", "/operator/v1/code-prefixes", {
      prefix,
      issuerId: "wallet-a",
      instrument,
    });
    expect(assigned.statusCode, assigned.body).toBeLessThan(300);
  }
  return { api, acquirer, issuer, wallet };
}

function pay(net: Network, id: string, number: string, amount: string, kind = "payment_code") {
  return net.acquirer.call("POST", "/v1/code-payments", {
    id,
    instrument: { kind, number },
    amount,
    currency: "EUR",
    merchantId: "store-7",
  });
}

/** The customer's balance at the wallet, in cents. */
function balanceCents(wallet: WalletSimulator, customerId: string): number {
  const customer = wallet.customers().find((c) => c.customerId === customerId);
  return Math.round(Number(customer?.balances.EUR ?? "NaN") * 100);
}

describeEachBackend("consumer-presented code payments", (backend) => {
  it("routes a code to its issuer, clears it on approval, and answers a retry without paying twice", async () => {
    const net = await openNetwork(backend);
    const code = net.wallet.issueCode("li-wei").code;
    const paid = await pay(net, "cp-1", code, "12.50");
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({
      id: "cp-1",
      instrument: "payment_code",
      issuerId: "wallet-a",
      acquirerId: "bank-alpha",
      state: "succeeded",
      verificationLevel: "C",
      maskedNumber: `****${code.slice(-4)}`,
    });
    expect(JSON.stringify(paid.json())).not.toContain(code);
    expect(await position(net.api, "wallet-a")).toBe(-1250n);
    expect(await position(net.api, "bank-alpha")).toBe(1250n);
    expect(balanceCents(net.wallet, "li-wei")).toBe(8750);
    const again = await pay(net, "cp-1", code, "12.50");
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ state: "succeeded" });
    expectProblem(await pay(net, "cp-1", code, "12.60"), 409, "idempotency_key_reused");
    expect(net.wallet.payments()).toHaveLength(1);
    expect(await position(net.api, "bank-alpha")).toBe(1250n);
  });

  it("pays by prepaid card, declines what the issuer declines, and refuses an unknown prefix writing nothing", async () => {
    const net = await openNetwork(backend);
    const card = await pay(net, "card-1", "9801000000000001", "8.00", "prepaid_card");
    expect(card.json()).toMatchObject({ state: "succeeded", instrument: "prepaid_card" });
    const tooMuch = await pay(net, "card-2", "9801000000000001", "25.00", "prepaid_card");
    expect(tooMuch.json()).toMatchObject({
      state: "declined",
      failure: { code: "insufficient_funds" },
    });
    expect(await position(net.api, "bank-alpha")).toBe(800n);
    const before: StoreSnapshot = await snapshotStore(net.api.hub.database);
    expectProblem(await pay(net, "x-1", "3999000000000000", "1.00"), 422, "code_prefix_unknown");
    expectProblem(
      await pay(net, "x-2", "9801000000000001", "1.00", "payment_code"),
      422,
      "code_prefix_unknown",
    );
    const { seen_nonces: _n, ...written } = storeChanges(
      before,
      await snapshotStore(net.api.hub.database),
    );
    expect(written).toEqual({});
  });

  it("declines an approval past the customer's daily limit and reverses it at the issuer", async () => {
    const net = await openNetwork(backend);
    const first = await pay(net, "lim-1", net.wallet.issueCode("li-wei").code, "15.00");
    expect(first.json()).toMatchObject({ state: "succeeded" });
    const over = await pay(net, "lim-2", net.wallet.issueCode("li-wei").code, "6.00");
    // The issuer approved it (level C); the hub holds C to 20.00 a day, so it is undone there.
    expect(over.json()).toMatchObject({ state: "reversing", failure: { code: "limit_exceeded" } });
    expect(await net.api.hub.bankInquiry.pass()).toBe(1);
    const shown = await net.acquirer.call(
      "GET",
      `/v1/barcode-payments/${(over.json() as { paymentId: string }).paymentId}`,
    );
    expect(shown.json()).toMatchObject({ state: "declined", failure: { code: "limit_exceeded" } });
    expect(balanceCents(net.wallet, "li-wei")).toBe(8500);
    expect(await position(net.api, "bank-alpha")).toBe(1500n);
  });

  it("settles a lost answer by inquiry, exactly as the issuer's books say", async () => {
    const net = await openNetwork(backend);
    net.wallet.setFaults({ dropRate: 1 });
    const lost = await pay(net, "drop-1", net.wallet.issueCode("li-wei").code, "9.00");
    expect(lost.json()).toMatchObject({ state: "unknown" });
    expect(await position(net.api, "bank-alpha")).toBe(0n);
    net.wallet.setFaults({ dropRate: 0 });
    expect(await net.api.hub.bankInquiry.pass()).toBe(1);
    const { paymentId } = lost.json() as { paymentId: string };
    const settled = await net.acquirer.call("GET", `/v1/barcode-payments/${paymentId}`);
    expect(settled.json()).toMatchObject({ state: "succeeded" });
    expect(await position(net.api, "bank-alpha")).toBe(900n);
    expect(balanceCents(net.wallet, "li-wei")).toBe(9100);
    expect(await net.api.hub.bankInquiry.pass()).toBe(0);
  });

  it("settles a pending payment by the issuer's notice, once however often it comes", async () => {
    const net = await openNetwork(backend);
    const pending = await pay(net, "pend-1", net.wallet.issueCode("wang-fang").code, "4.00");
    expect(pending.json()).toMatchObject({ state: "pending" });
    const { paymentId } = pending.json() as { paymentId: string };
    const notice = {
      noticeId: "n-1",
      paymentId,
      status: "approved",
      authorizationCode: "A123456",
      customerRef: "wang-fang",
      verificationLevel: "B",
      approvedAt: new Date().toISOString(),
      decidedAt: new Date().toISOString(),
    };
    for (let i = 0; i < 2; i++) {
      const sent = await net.issuer.call(
        "POST",
        "/v1/wallet-notices/code-payment-outcomes",
        notice,
      );
      expect(sent.statusCode, sent.body).toBe(204);
    }
    const settled = await net.acquirer.call("GET", `/v1/barcode-payments/${paymentId}`);
    expect(settled.json()).toMatchObject({ state: "succeeded", authorizationCode: "A123456" });
    expect(await position(net.api, "bank-alpha")).toBe(400n);
    const stranger = await net.acquirer.call(
      "POST",
      "/v1/wallet-notices/code-payment-outcomes",
      notice,
    );
    expect(stranger.statusCode).toBe(403);
  });

  it("reverses an unknown payment the acquirer gives up: the customer is not charged and nothing clears", async () => {
    const net = await openNetwork(backend);
    net.wallet.setFaults({ dropRate: 1 });
    const lost = await pay(net, "rev-1", net.wallet.issueCode("li-wei").code, "7.00");
    expect(lost.json()).toMatchObject({ state: "unknown" });
    expect(balanceCents(net.wallet, "li-wei")).toBe(9300);
    net.wallet.setFaults({ dropRate: 0 });
    const reversed = await net.acquirer.call("POST", "/v1/code-payments/rev-1/reversal", {});
    expect(reversed.statusCode, reversed.body).toBe(200);
    expect(reversed.json()).toMatchObject({ state: "reversed" });
    expect(balanceCents(net.wallet, "li-wei")).toBe(10000);
    expect(await position(net.api, "bank-alpha")).toBe(0n);
    const again = await net.acquirer.call("POST", "/v1/code-payments/rev-1/reversal", {});
    expect(again.json()).toMatchObject({ state: "reversed" });
    expect(await net.api.hub.bankInquiry.pass()).toBe(0);
    const done = await pay(net, "rev-2", net.wallet.issueCode("li-wei").code, "1.00");
    expectProblem(
      await net.acquirer.call("POST", "/v1/code-payments/rev-2/reversal", {}),
      409,
      "barcode_payment_final",
    );
    expect(done.json()).toMatchObject({ state: "succeeded" });
  });
});
