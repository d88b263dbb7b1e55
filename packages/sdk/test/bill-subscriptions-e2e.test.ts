/**
 * Bill subscriptions through the SDK against a real hub on HTTP: a wallet subscribes a
 * customer (a retry answers the same subscription), lists and removes subscriptions, and
 * receives the `bill.presented` event the biller simulator's push raises, verified and typed.
 */
import {
  startWebhookReceiver,
  type WebhookReceiver,
} from "@clearhub/hub/test/support/webhook-receiver.ts";
import { type BillerSimulator, startBillerSimulator } from "@clearhub/simulators";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type BillEvent,
  type ClearhubClient,
  ClearhubProblemError,
  WebhookVerifier,
} from "../src/index.ts";
import { type HubServer, startHubServer } from "./support/hub-server.ts";
import { rejection } from "./support/rejection.ts";

const account = "4401234567";

describe("bill subscriptions through the SDK", () => {
  let hub: HubServer;
  let biller: BillerSimulator;
  let wallet: ClearhubClient;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    hub = await startHubServer("sqlite");
    receiver = await startWebhookReceiver();
    const billerParticipant = await hub.participant("water-co", "biller");
    await hub.participant("gas-co", "biller");
    biller = await startBillerSimulator({
      billerId: "water-co",
      hubUrl: hub.baseUrl,
      signingKey: { keyId: billerParticipant.keyId, privateKey: billerParticipant.privateKey },
      customers: [{ parameters: { accountNumber: account }, name: "Wang Fang", currency: "CNY" }],
      noticeRetry: { firstDelayMs: 20 },
    });
    wallet = (await hub.participant("wallet-a")).client();
    await wallet.registerWebhookEndpoint({
      id: "bills",
      url: `${receiver.baseUrl}/bills`,
      eventTypes: ["bill.presented"],
    });
  });

  afterAll(async () => {
    await biller?.close();
    await receiver?.close();
    await hub?.close();
  });

  it("subscribes once, lists by biller, and unsubscribes", async () => {
    const first = await wallet.subscribeBill({
      billerId: "gas-co",
      customerParameters: { accountNumber: "9900000001" },
      reference: "user-1",
    });
    expect(first.replayed).toBe(false);
    expect(first.subscription.customerParameters).toEqual({ accountNumber: "****001" });
    const again = await wallet.subscribeBill({
      billerId: "gas-co",
      customerParameters: { accountNumber: "9900000001" },
    });
    expect(again).toEqual({ subscription: first.subscription, replayed: true });

    const page = await wallet.listBillSubscriptions({ billerId: "gas-co" });
    expect(page.subscriptions.map((s) => s.id)).toEqual([first.subscription.id]);
    expect(page.next).toBeNull();

    await wallet.unsubscribeBill(first.subscription.id);
    expect((await wallet.listBillSubscriptions({ billerId: "gas-co" })).subscriptions).toEqual([]);
    const gone = await rejection(
      wallet.unsubscribeBill(first.subscription.id),
      ClearhubProblemError,
    );
    expect(gone.code).toBe("bill_subscription_not_found");
  });

  it("refuses a subscription to a participant that is no biller", async () => {
    const error = await rejection(
      wallet.subscribeBill({ billerId: "wallet-a", customerParameters: { accountNumber: "1" } }),
      ClearhubProblemError,
    );
    expect(error.code).toBe("participant_not_biller");
  });

  it("receives the bill the biller pushes as a verified, typed bill.presented event", async () => {
    const { subscription } = await wallet.subscribeBill({
      billerId: "water-co",
      customerParameters: { accountNumber: account },
      reference: "user-7",
    });
    const notice = biller.pushBill(
      { accountNumber: account },
      { billNumber: "W-2026-11", amountDue: "42.00", dueDate: "2026-12-20" },
    );
    await vi.waitFor(
      () => {
        const sent = biller.notices().find((n) => n.noticeId === notice.noticeId);
        expect(sent?.status).toBe("delivered");
      },
      { timeout: 10_000, interval: 20 },
    );
    await hub.hub.webhookDispatcher.dispatch();
    const [webhook] = receiver.received;
    if (webhook === undefined) throw new Error("no webhook received");
    const verified = await new WebhookVerifier({ hubUrl: hub.baseUrl }).verify(webhook);
    if (!verified.ok) throw new Error(`not verified: ${verified.code}`);
    const event = verified.event as BillEvent;
    expect(event.type).toBe("bill.presented");
    expect(event.data).toMatchObject({
      subscriptionId: subscription.id,
      reference: "user-7",
      billerId: "water-co",
      customerParameters: { accountNumber: "****567" },
      kind: "new",
      bill: { billNumber: "W-2026-11", currency: "CNY", amountDue: "42.00", amountMin: null },
    });
  });
});
