/**
 * A small bill-payment network for tests, on either store: a hub with its operator API, a
 * channel (`wallet-a`), the water biller (`water-co`) with its profile, and a biller simulator
 * behind a proxy that can cut it off. Everything opened is closed by `closeBillPaymentNetworks`,
 * which the test file runs after each test.
 */
import { startBillerSimulator } from "@clearhub/simulators";
import { expect } from "vitest";
import { startSwitchableProxy } from "../support/switchable-proxy.ts";
import type { TestHubOptions } from "../support/test-hub.ts";
import { type ApiHarness, openApiHarness } from "./api-harness.ts";
import { onboardParticipant, type ParticipantClient } from "./participant-client.ts";

export const liWei = { account_number: "10000001" };
export const water = {
  category: "water",
  parameters: [
    {
      name: "account_number",
      label: "Account number",
      type: "numeric",
      pattern: null,
      minLength: 8,
      maxLength: 8,
      checkDigit: null,
    },
  ],
  billFetch: "optional",
  amountExactness: "any",
  presentmentCacheTtlSeconds: 900,
  capacity: {
    inquiriesPerSecond: 20,
    concurrentCallsMax: 8,
    postingsPerSecond: 50,
    postingReserveBasisPoints: 3000,
  },
  currencies: ["EUR"],
};
/** Due: everything is taken up at the next pass, and given up after a day. */
export const timings = { callGraceMs: 0, firstInquiryDelayMs: 0, inquiryDelayCapMs: 0 };
export const dayMs = 24 * 60 * 60 * 1000;

const opened: (() => Promise<void>)[] = [];

/** Closes this with the networks, after the test (a second hub on a network's store, say). */
export function closeAfterTest(close: () => Promise<void>): void {
  opened.push(close);
}

/** Closes every network opened since it last ran, the last opened first. */
export async function closeBillPaymentNetworks(): Promise<void> {
  for (const close of opened.splice(0).reverse()) await close();
}

export async function openNetwork(backend: "sqlite" | "postgres", options: TestHubOptions = {}) {
  const api = await openApiHarness(backend, {}, { billPostingTimings: timings, ...options });
  let disposed = false;
  opened.push(async () => {
    if (!disposed) await api.dispose();
  });
  const channel = await onboardParticipant(api, "wallet-a", "payment_institution");
  const billerClient = await onboardParticipant(api, "water-co", "biller");
  const profile = await api.call("PUT", "/operator/v1/billers/water-co", water);
  expect(profile.statusCode, profile.body).toBeLessThan(300);
  const biller = await startBillerSimulator({
    billerId: "water-co",
    verifyHubSignatures: false,
    parameterNames: ["account_number"],
    signingKey: { keyId: billerClient.keyId, privateKey: billerClient.privateKey },
    customers: [
      {
        parameters: liWei,
        name: "Li Wei",
        currency: "EUR",
        bills: [{ billNumber: "W-2026-11", amountDue: "86.40", dueDate: "2026-12-20" }],
      },
    ],
  });
  opened.push(() => biller.close());
  const proxy = await startSwitchableProxy(biller.url);
  opened.push(() => proxy.close());
  const endpoint = await api.call("POST", "/operator/v1/billers/water-co/endpoints", {
    id: "main",
    url: proxy.url,
  });
  expect(endpoint.statusCode, endpoint.body).toBe(201);
  return {
    api,
    channel,
    billerClient,
    biller,
    proxy,
    /** Closes the hub but keeps its store, as a node that stops. */
    async stopHub() {
      disposed = true;
      await api.app.close();
      await api.hub.close();
      opened.push(() => api.test.database.dispose());
    },
  };
}

export function pay(channel: ParticipantClient, id: string, fields: Record<string, unknown> = {}) {
  return channel.call("POST", "/v1/bill-payments", {
    id,
    billerId: "water-co",
    customerParameters: liWei,
    amount: "25.00",
    currency: "EUR",
    ...fields,
  });
}

export async function position(api: ApiHarness, participantId: string) {
  const accounts = await api.hub.ledgerStore.readAllAccounts();
  const account = accounts.find(
    (a) => a.participantId === participantId && a.kind === "position" && a.currency === "EUR",
  );
  if (account === undefined) throw new Error(`${participantId} has no EUR position`);
  return account.creditsPosted - account.debitsPosted;
}
