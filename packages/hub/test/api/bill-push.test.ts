/**
 * Bills pushed, not polled, end to end over real HTTP: the biller simulator issues a bill and
 * pushes it to the hub, signed, retrying until 2xx; the hub tells each channel subscribed to the
 * customer by a signed `bill.presented` webhook, once, and a channel that unsubscribed not at
 * all. The same notice sent again tells nobody twice. Not one bill inquiry reaches the biller.
 */
import type { AddressInfo } from "node:net";
import { signRequest } from "@clearhub/http-signatures";
import { type BillerSimulator, startBillerSimulator } from "@clearhub/simulators";
import { hubKeysPath } from "@clearhub/wire";
import { Value } from "@sinclair/typebox/value";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { BillEventSchema } from "../../src/api/bill-event-schema.ts";
import { describeEachBackend } from "../support/backends.ts";
import {
  type KeySet,
  startWebhookReceiver,
  type WebhookReceiver,
  webhookVerifier,
} from "../support/webhook-receiver.ts";
import { openApiHarness } from "./api-harness.ts";
import { onboardParticipant, type ParticipantClient } from "./participant-client.ts";

const account = "4401234567";
const bill = {
  billNumber: "W-2026-11",
  amountDue: "88.5",
  amountMin: "10",
  dueDate: "2026-12-20",
  period: { from: "2026-11-01", to: "2026-11-30" },
  description: "Water, November 2026",
};

type Harness = Awaited<ReturnType<typeof openApiHarness>>;

describeEachBackend("bills pushed by a biller", (backend) => {
  let hub: Harness;
  let origin: string;
  let biller: BillerSimulator;
  let billerClient: ParticipantClient;
  const receivers = new Map<string, WebhookReceiver>();
  const subscriptions = new Map<string, string>();

  beforeEach(async () => {
    hub = await openApiHarness(backend);
    await hub.app.listen({ host: "127.0.0.1", port: 0 });
    origin = `http://127.0.0.1:${(hub.app.server.address() as AddressInfo).port}`;
    billerClient = await onboardParticipant(hub, "water-co", "biller");
    biller = await startBillerSimulator({
      billerId: "water-co",
      hubUrl: origin,
      signingKey: { keyId: billerClient.keyId, privateKey: billerClient.privateKey },
      customers: [{ parameters: { accountNumber: account }, name: "Wang Fang", currency: "CNY" }],
      noticeRetry: { firstDelayMs: 20 },
    });
    for (const [id, kind] of [
      ["wallet-a", "payment_institution"],
      ["bank-b", "bank"],
      ["wallet-c", "payment_institution"],
    ] as const) {
      const channel = await onboardParticipant(hub, id, kind);
      const receiver = await startWebhookReceiver();
      receivers.set(id, receiver);
      const endpoint = await channel.call("POST", "/v1/webhook-endpoints", {
        id: "hooks",
        url: `${receiver.baseUrl}/hooks`,
        eventTypes: ["bill.presented"],
      });
      expect(endpoint.statusCode, endpoint.body).toBe(201);
      const subscribed = await channel.call("POST", "/v1/bill-subscriptions", {
        billerId: "water-co",
        customerParameters: { accountNumber: account },
        reference: `${id}-user-7`,
      });
      expect(subscribed.statusCode, subscribed.body).toBe(201);
      subscriptions.set(id, subscribed.json().id);
      if (id === "wallet-c") {
        const removed = await channel.call(
          "DELETE",
          `/v1/bill-subscriptions/${subscribed.json().id}`,
        );
        expect(removed.statusCode, removed.body).toBe(204);
      }
    }
  });

  afterEach(async () => {
    await biller?.close();
    for (const receiver of receivers.values()) await receiver.close();
    receivers.clear();
    subscriptions.clear();
    await hub?.dispose();
  });

  /** Once the biller saw its notice answered 2xx, one dispatch pass sends what it wrote. */
  async function pushAndDispatch(): Promise<string> {
    const pushed = await fetch(`${biller.origin}/admin/bills`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ parameters: { accountNumber: account }, bill }),
    });
    expect(pushed.status).toBe(201);
    const { notice } = (await pushed.json()) as { notice: { noticeId: string } };
    // The biller sends its notice on its own schedule: poll until the hub has answered it 2xx.
    await vi.waitFor(
      () => {
        const sent = biller.notices().find((n) => n.noticeId === notice.noticeId);
        expect(sent?.status).toBe("delivered");
      },
      { timeout: 10_000, interval: 20 },
    );
    await hub.hub.webhookDispatcher.dispatch();
    return notice.noticeId;
  }

  it("tells each subscribed channel once, signed, and an unsubscribed one nothing", async () => {
    const noticeId = await pushAndDispatch();
    const keySet = (await hub.app.inject({ method: "GET", url: hubKeysPath })).json() as KeySet;
    const verify = webhookVerifier(keySet);
    for (const id of ["wallet-a", "bank-b"]) {
      const received = receivers.get(id)?.received ?? [];
      expect(received, id).toHaveLength(1);
      const [webhook] = received;
      if (webhook === undefined) throw new Error("nothing received");
      expect((await verify(webhook)).ok).toBe(true);
      expect(webhook.headers["webhook-event"]).toBe("bill.presented");
      const body = JSON.parse(webhook.body.toString("utf8"));
      expect([...Value.Errors(BillEventSchema, body)]).toEqual([]);
      expect(body).toMatchObject({
        id: `bill.presented:water-co:${noticeId}:${subscriptions.get(id)}`,
        type: "bill.presented",
        data: {
          subscriptionId: subscriptions.get(id),
          reference: `${id}-user-7`,
          billerId: "water-co",
          customerParameters: { accountNumber: "****567" },
          kind: "new",
          bill: {
            billNumber: "W-2026-11",
            currency: "CNY",
            amountDue: "88.50",
            amountMin: "10.00",
            amountMax: null,
            dueDate: "2026-12-20",
            period: { from: "2026-11-01", to: "2026-11-30" },
            description: "Water, November 2026",
          },
        },
      });
      expect(webhook.body.toString("utf8")).not.toContain(account);
    }
    expect(receivers.get("wallet-c")?.received).toEqual([]);
    // Pushed, not polled: the biller answered no inquiry for any of this.
    expect(biller.stats()).toMatchObject({ requests: 0 });
  });

  it("tells nobody twice when the biller sends the same notice again", async () => {
    const noticeId = await pushAndDispatch();
    const [sent] = biller.notices();
    const url = `${origin}/v1/biller-notices/bills`;
    const payload = JSON.stringify(sent?.body);
    const headers = { "content-type": "application/json" };
    const repeated = await fetch(url, {
      method: "POST",
      headers: {
        ...headers,
        ...signRequest(
          { method: "POST", url, headers, body: payload },
          { keyId: billerClient.keyId, privateKey: billerClient.privateKey },
        ),
      },
      body: payload,
    });
    expect(repeated.status).toBe(204);
    await hub.hub.webhookDispatcher.dispatch();
    for (const id of ["wallet-a", "bank-b"]) {
      expect(receivers.get(id)?.received, id).toHaveLength(1);
    }
    const events = await hub.hub.database.kysely
      .selectFrom("webhook_deliveries")
      .select("event_id")
      .execute();
    expect(events.map((e) => e.event_id).sort()).toEqual(
      ["wallet-a", "bank-b"]
        .map((id) => `bill.presented:water-co:${noticeId}:${subscriptions.get(id)}`)
        .sort(),
    );

    // A changed bill is a new notice: each channel is told of it once more.
    await pushAndDispatch();
    for (const id of ["wallet-a", "bank-b"]) {
      const received = receivers.get(id)?.received ?? [];
      expect(received, id).toHaveLength(2);
      expect(JSON.parse(received[1]?.body.toString("utf8") ?? "{}").data.kind).toBe("changed");
    }
  });
});
