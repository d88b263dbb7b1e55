/**
 * Quick-pay agreements end to end: a real hub on HTTP, two simulated banks on HTTP implementing
 * the bank interface (verifying the hub's signatures, signing their answers and notices), and
 * a payment institution using this SDK. The whole lifecycle, the bank's refusals, the bank's
 * own unsigning told by webhook, and an endpoint migration re-pinning a signed agreement.
 */

import {
  startWebhookReceiver,
  type WebhookReceiver,
} from "@clearhub/hub/test/support/webhook-receiver.ts";
import { type BankSimulator, startBankSimulator } from "@clearhub/simulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ClearhubClient,
  ClearhubProblemError,
  type NewAgreement,
  WebhookVerifier,
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
const southCustomer = {
  holderName: "Zhang Min",
  accountNumber: "6217000000000009",
  idType: "passport" as const,
  idNumber: "E12345678",
  mobile: "+8613900000009",
};

type Holder = NewAgreement["customer"] & { accountNumber: string };

function account(holder: Holder) {
  return {
    accountNumber: holder.accountNumber,
    holderName: holder.holderName,
    idNumber: holder.idNumber,
    mobile: holder.mobile,
    currency: "CNY",
    balance: "5000.00",
  };
}

let hub: HubServer;
let north: BankSimulator;
let south: BankSimulator;
let wallet: ClearhubClient;
let receiver: WebhookReceiver;

async function operator(method: "POST" | "PUT", url: string, body: unknown): Promise<void> {
  const response = await hub.call(method, url, body);
  expect(response.statusCode, response.body).toBeLessThan(300);
}

async function startBank(id: string, paths: string[], holder: Holder) {
  const bank = await hub.participant(id, "bank");
  const simulator = await startBankSimulator({
    bankId: id,
    hubUrl: hub.baseUrl,
    endpointPaths: paths,
    signingKey: { keyId: bank.keyId, privateKey: bank.privateKey },
    accounts: [account(holder)],
    noticeRetry: { firstDelayMs: 20 },
  });
  const first = paths[0] as string;
  await operator("POST", `/operator/v1/banks/${id}/endpoints`, {
    id: first.slice(1),
    url: simulator.urls[first],
  });
  return simulator;
}

function signing(id: string, overrides: Partial<NewAgreement> = {}): NewAgreement {
  return {
    id,
    bankId: "bank-north",
    customer,
    authenticationFactors: 2,
    digitalCertificate: false,
    ...overrides,
  };
}

/** Signs an agreement through the whole exchange: request, the customer's password, confirm. */
async function signed(id: string): Promise<string> {
  const { agreement } = await wallet.createAgreement(signing(id));
  expect(agreement.state).toBe("otp_sent");
  const active = await wallet.confirmAgreement(id, north.latestOtp(customer.mobile) ?? "");
  expect(active.state).toBe("active");
  return active.agreementNumber as string;
}

async function eventually<T>(read: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  hub = await startHubServer("sqlite", { webhookDispatcher: { intervalMs: 20 } });
  north = await startBank("bank-north", ["/branch-1", "/unified"], customer);
  south = await startBank("bank-south", ["/quickpay"], southCustomer);
  wallet = (await hub.participant("wallet-alpha")).client();
  receiver = await startWebhookReceiver();
  await wallet.registerWebhookEndpoint({
    id: "hooks",
    url: `${receiver.baseUrl}/hooks`,
    eventTypes: ["agreement.unsigned"],
  });
});

afterAll(async () => {
  await north?.close();
  await south?.close();
  await receiver?.close();
  await hub?.close();
});

describe("quick-pay agreements over HTTP with simulated banks", () => {
  it("signs with the customer's password, masks every number, and ends at the institution's word", async () => {
    const { agreement, replayed } = await wallet.createAgreement(signing("ag-life"));
    expect(replayed).toBe(false);
    expect(agreement).toMatchObject({
      state: "otp_sent",
      bankId: "bank-north",
      customer: {
        holderName: "Li Wei",
        accountNumber: "****0001",
        idNumber: "1****1X",
        mobile: "****0001",
      },
      agreementNumber: null,
    });
    expect(JSON.stringify(agreement)).not.toContain("6222020000000001");
    const otp = north.latestOtp(customer.mobile) ?? "";
    const wrong = otp === "000000" ? "111111" : "000000";
    const refused = await rejection(
      wallet.confirmAgreement("ag-life", wrong),
      ClearhubProblemError,
    );
    expect(refused.code).toBe("otp_invalid");

    const active = await wallet.confirmAgreement("ag-life", otp);
    const atBank = north.agreements().find((a) => a.agreementNumber === active.agreementNumber);
    expect(atBank).toMatchObject({ status: "signed", endpointPath: "/branch-1" });
    expect(active.signedAt).not.toBeNull();
    expect(await wallet.confirmAgreement("ag-life", otp)).toEqual(active);
    expect(await wallet.getAgreement("ag-life")).toEqual(active);
    const page = await wallet.listAgreements();
    expect(page.agreements.map((a) => a.id)).toContain("ag-life");

    const ended = await wallet.unsignAgreement("ag-life");
    expect(ended).toMatchObject({ state: "unsigned", unsignedBy: "payment_institution" });
    expect(
      north.agreements().find((a) => a.agreementNumber === active.agreementNumber),
    ).toMatchObject({
      status: "unsigned",
      unsignedBy: "hub",
    });
    expect(await wallet.unsignAgreement("ag-life")).toEqual(ended);
    const webhook = await eventually(() =>
      receiver.received.find((r) => r.body.toString().includes('"agreementId":"ag-life"')),
    );
    const verified = await new WebhookVerifier({ hubUrl: hub.baseUrl }).verify({
      method: webhook.method,
      url: webhook.url,
      headers: webhook.headers,
      body: webhook.body,
    });
    expect(verified).toMatchObject({
      ok: true,
      event: { type: "agreement.unsigned", data: { agreementId: "ag-life", state: "unsigned" } },
    });
  });

  it("answers a repeated signing as a replay and refuses another body under the same id", async () => {
    await wallet.createAgreement(signing("ag-retry"));
    const sent = north.inbox(customer.mobile).length;
    const again = await wallet.createAgreement(signing("ag-retry"));
    expect(again).toMatchObject({ replayed: true, agreement: { state: "otp_sent" } });
    expect(north.inbox(customer.mobile)).toHaveLength(sent);
    const other = await rejection(
      wallet.createAgreement(signing("ag-retry", { authenticationFactors: 1 })),
      ClearhubProblemError,
    );
    expect(other.code).toBe("idempotency_key_reused");
    const otherCustomer = await rejection(
      wallet.createAgreement(
        signing("ag-retry", { customer: { ...customer, mobile: "+8613800000002" } }),
      ),
      ClearhubProblemError,
    );
    expect(otherCustomer.code).toBe("idempotency_key_reused");
  });

  it("keeps the bank's refusal as the reason a signing failed", async () => {
    const { agreement } = await wallet.createAgreement(
      signing("ag-wrong", { customer: { ...customer, idNumber: "110101199003070000" } }),
    );
    expect(agreement).toMatchObject({
      state: "failed",
      failure: { code: "account_details_mismatch" },
    });
    const unknownBank = await rejection(
      wallet.createAgreement(signing("ag-nobank", { bankId: "bank-nowhere" })),
      ClearhubProblemError,
    );
    expect(unknownBank.code).toBe("bank_not_found");
  });

  it("signs with each bank at its own endpoint", async () => {
    const { agreement } = await wallet.createAgreement(
      signing("ag-south", { bankId: "bank-south", customer: southCustomer }),
    );
    expect(agreement.state).toBe("otp_sent");
    expect(north.inbox(southCustomer.mobile)).toHaveLength(0);
    const active = await wallet.confirmAgreement(
      "ag-south",
      south.latestOtp(southCustomer.mobile) ?? "",
    );
    expect(south.agreements().map((a) => a.agreementNumber)).toContain(active.agreementNumber);
  });

  it("ends an agreement the bank unsigned, once, and tells the institution by webhook", async () => {
    const number = await signed("ag-bank-ends");
    const notice = north.unsignAgreement(number, "customer_request");
    expect(notice).toBeDefined();
    await eventually(() =>
      north.notices().find((n) => n.noticeId === notice?.noticeId && n.status === "delivered"),
    );
    expect(await wallet.getAgreement("ag-bank-ends")).toMatchObject({
      state: "unsigned",
      unsignedBy: "bank",
    });
    await eventually(() =>
      receiver.received.find((r) => r.body.toString().includes('"agreementId":"ag-bank-ends"')),
    );
    const stored = await hub.hub.agreementStore.noticeSeen("bank-north", notice?.noticeId ?? "");
    expect(stored).toBe(true);
  });

  it("moves a signed agreement to the bank's new endpoint when a migration completes", async () => {
    await signed("ag-moves");
    await operator("POST", "/operator/v1/banks/bank-north/endpoints", {
      id: "unified",
      url: north.urls["/unified"],
    });
    // Switching a primary needs four eyes: proposed with one token, approved with another.
    const switched = await hub.callApproved(
      "PUT",
      "/operator/v1/banks/bank-north/primary-endpoint",
      {
        endpointId: "unified",
      },
    );
    expect(switched.statusCode, switched.body).toBe(200);
    await operator("POST", "/operator/v1/banks/bank-north/endpoint-migrations", {
      id: "consolidate",
      fromEndpointId: "branch-1",
      toEndpointId: "unified",
      weightPercent: 100,
    });
    await operator(
      "POST",
      "/operator/v1/banks/bank-north/endpoint-migrations/consolidate/complete",
      {},
    );
    const moved = await hub.hub.agreementStore.find("wallet-alpha", "ag-moves");
    expect(moved?.pinnedEndpointId).toBe("unified");
    // New signings land on the new primary.
    await wallet.createAgreement(signing("ag-new", { customer: { ...customer } }));
    expect((await hub.hub.agreementStore.find("wallet-alpha", "ag-new"))?.pinnedEndpointId).toBe(
      "unified",
    );
    expect((await wallet.unsignAgreement("ag-moves")).state).toBe("unsigned");
  });
});
