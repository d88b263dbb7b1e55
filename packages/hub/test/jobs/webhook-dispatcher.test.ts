/**
 * The dispatcher end to end on both backends: outbox rows as the ledger writes them, sent over
 * real HTTP to a local receiver that verifies the hub's signature with the key from the
 * well-known route. The dispatcher's clock is injected, so retries are stepped through exactly.
 */
import { afterEach, expect, it } from "vitest";
import { generateHubSigningKeyPem } from "../../src/adapters/signing/hub-signing-key.ts";
import { HttpWebhookSender } from "../../src/adapters/webhooks/http-webhook-sender.ts";
import { issueOperatorToken } from "../../src/api/operator-auth.ts";
import { buildServer } from "../../src/api/server.ts";
import type { RetryPolicy } from "../../src/domain/notifications/retry-schedule.ts";
import { type Hub, openHub } from "../../src/hub.ts";
import {
  WebhookDispatcher,
  type WebhookDispatcherOptions,
  webhookDispatcherDefaults,
} from "../../src/jobs/webhook-dispatcher.ts";
import { type Backend, describeEachBackend } from "../support/backends.ts";
import { eventPayload, insertOutboxRows } from "../support/outbox.ts";
import { testActor } from "../support/test-actor.ts";
import { openTestHub } from "../support/test-hub.ts";
import { type KeySet, startWebhookReceiver, webhookVerifier } from "../support/webhook-receiver.ts";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Four attempts; with draws just below 1 the waits are 999, 1998 and 3996 ms. */
const shortPolicy: RetryPolicy = {
  baseDelayMs: 1_000,
  factor: 2,
  delayCapMs: 4_000,
  delayMinMs: 100,
  attemptsMax: 4,
};
const highDraw = () => 0.999;
const startMs = 1_800_000_000_000;

async function openScene(backend: Backend, hubSigningKey?: string) {
  const test = await openTestHub(backend, { hubSigningKey });
  cleanups.push(() => test.dispose());
  const hub = test.hub;
  const receiver = await startWebhookReceiver();
  cleanups.push(() => receiver.close());
  const app = await buildServer(hub);
  cleanups.push(() => app.close());
  const registered = await hub.participants.register(
    {
      id: "wallet-a",
      name: "Wallet A",
      kind: "payment_institution",
      currencies: [],
    },
    testActor,
  );
  expect(registered.ok).toBe(true);
  const endpoint = await hub.webhookEndpoints.register("wallet-a", {
    id: "main",
    url: `${receiver.baseUrl}/hooks/main?tenant=7`,
    eventTypes: ["transfer.credited", "transfer.committed"],
  });
  expect(endpoint.ok).toBe(true);
  const keySet = (
    await app.inject({ method: "GET", url: "/.well-known/clearhub-hub-keys" })
  ).json() as KeySet;
  const { token } = await issueOperatorToken(hub, "test operator", testActor);
  const operator = (method: "GET" | "POST", url: string) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${token}` } });
  const clock = { now: startMs };
  return { test, hub, receiver, keySet, operator, clock };
}

function dispatcherFor(
  hub: Hub,
  clock: () => number,
  options: Partial<WebhookDispatcherOptions> = {},
): WebhookDispatcher {
  const requestTimeoutMs = options.requestTimeoutMs ?? 2_000;
  const sender = new HttpWebhookSender(hub.hubSigningKey.key, {
    requestTimeoutMs,
    connectionsPerOriginMax: 4,
  });
  cleanups.push(() => sender.close());
  return new WebhookDispatcher(
    hub.webhookStore,
    sender,
    { ...webhookDispatcherDefaults, retry: shortPolicy, ...options, requestTimeoutMs },
    clock,
    highDraw,
  );
}

async function enqueue(
  hub: Hub,
  eventIds: readonly string[],
  createdAt: number,
  endpointId = "main",
) {
  await insertOutboxRows(
    hub.database.kysely,
    eventIds.map((eventId) => ({ participantId: "wallet-a", endpointId, eventId, createdAt })),
  );
  const listed = await hub.webhookStore.listDeliveries({ participantId: "wallet-a", limit: 500 });
  return listed.filter((delivery) => eventIds.includes(delivery.eventId)).reverse();
}

describeEachBackend("webhook dispatcher", (backend) => {
  it("sends the stored payload, signed by the hub over the event's id and type", async () => {
    const { hub, receiver, keySet, clock } = await openScene(backend);
    const [delivery] = await enqueue(hub, ["transfer.credited:t-1"], clock.now);
    const dispatcher = dispatcherFor(hub, () => clock.now);

    expect(await dispatcher.dispatch()).toEqual(["delivered"]);

    expect(receiver.received).toHaveLength(1);
    const [webhook] = receiver.received;
    if (webhook === undefined || delivery === undefined) throw new Error("nothing sent");
    expect(webhook.method).toBe("POST");
    expect(webhook.url).toBe(`${receiver.baseUrl}/hooks/main?tenant=7`);
    expect(webhook.body.toString("utf8")).toBe(eventPayload("transfer.credited:t-1"));
    expect(webhook.headers).toMatchObject({
      "content-type": "application/json",
      "webhook-id": "transfer.credited:t-1",
      "webhook-event": "transfer.credited",
    });
    expect(webhook.headers["signature-input"]).toContain(
      '("@method" "@target-uri" "content-digest" "content-type" "webhook-id" "webhook-event")',
    );
    expect(await webhookVerifier(keySet)(webhook)).toMatchObject({
      ok: true,
      keyId: hub.hubSigningKey.key.keyId,
    });
    expect(await hub.webhookStore.findDelivery(delivery.id)).toMatchObject({
      status: "delivered",
      attempts: 1,
      lastStatusCode: 204,
      deliveredAt: startMs,
    });
  });

  it("delivers the event a transfer raised, written to the outbox by its ledger batch", async () => {
    const { hub, receiver, keySet } = await openScene(backend);
    const bank = await hub.participants.register(
      {
        id: "bank-b",
        name: "Bank B",
        kind: "bank",
        currencies: [{ currency: "CNY", netDebitCap: 100_000n }],
      },
      testActor,
    );
    expect(bank.ok).toBe(true);
    expect(
      (
        await hub.participants.addCurrency(
          "wallet-a",
          { currency: "CNY", netDebitCap: 0n },
          testActor,
        )
      ).ok,
    ).toBe(true);
    const position = async (participantId: string) => {
      const found = await hub.participants.find(participantId);
      const account = found.ok
        ? found.value.accounts.find((a) => a.kind === "position")
        : undefined;
      if (account === undefined) throw new Error(`${participantId} has no position`);
      return account.id;
    };
    const results = await hub.ledger.submit([
      {
        kind: "posted",
        id: "pay-1",
        debitAccountId: await position("bank-b"),
        creditAccountId: await position("wallet-a"),
        amount: 1_230n,
        currency: "CNY",
      },
    ]);
    expect(results).toEqual(["ok"]);

    expect(await dispatcherFor(hub, Date.now).dispatch()).toEqual(["delivered"]);
    const [webhook] = receiver.received;
    if (webhook === undefined) throw new Error("nothing sent");
    expect((await webhookVerifier(keySet)(webhook)).ok).toBe(true);
    expect(webhook.headers["webhook-id"]).toBe("transfer.credited:pay-1");
    expect(JSON.parse(webhook.body.toString("utf8"))).toEqual({
      id: "transfer.credited:pay-1",
      type: "transfer.credited",
      createdAt: expect.any(String),
      data: {
        transferId: "pay-1",
        state: "posted",
        payer: "bank-b",
        payee: "wallet-a",
        amount: "12.30",
        currency: "CNY",
        reference: null,
        // No fee schedule applies: the event says so rather than leave the field out.
        fee: null,
      },
    });
  });

  it("retries a failing endpoint after growing delays, then declares the delivery dead", async () => {
    const { hub, receiver, keySet, clock } = await openScene(backend);
    receiver.respondWith(() => ({ status: 500 }));
    const [delivery] = await enqueue(hub, ["transfer.credited:t-2"], clock.now);
    if (delivery === undefined) throw new Error("not enqueued");
    const dispatcher = dispatcherFor(hub, () => clock.now);

    const delays: number[] = [];
    for (let attempt = 1; attempt < shortPolicy.attemptsMax; attempt++) {
      expect(await dispatcher.dispatch()).toEqual(["retrying"]);
      const stored = await hub.webhookStore.findDelivery(delivery.id);
      delays.push((stored?.nextAttemptAt ?? 0) - clock.now);
      clock.now += (stored?.nextAttemptAt ?? 0) - clock.now - 1;
      expect(await dispatcher.dispatch()).toEqual([]); // not yet due
      clock.now += 1;
    }
    expect(delays).toEqual([999, 1_998, 3_996]);
    expect(await dispatcher.dispatch()).toEqual(["dead"]);
    clock.now += 24 * 3_600_000;
    expect(await dispatcher.dispatch()).toEqual([]);

    expect(receiver.received).toHaveLength(shortPolicy.attemptsMax);
    const verify = webhookVerifier(keySet);
    for (const webhook of receiver.received) {
      expect(webhook.headers["webhook-id"]).toBe("transfer.credited:t-2");
      expect((await verify(webhook)).ok).toBe(true); // each attempt signed anew, fresh nonce
    }
    expect(await hub.webhookStore.findDelivery(delivery.id)).toMatchObject({
      status: "dead",
      attempts: shortPolicy.attemptsMax,
      lastStatusCode: 500,
      lastError: "HTTP 500",
    });
    expect(await hub.webhookStore.countBacklog()).toEqual({ pending: 0, dead: 1 });
  });

  it("sends a dead delivery again when the operator redelivers it", async () => {
    const { hub, receiver, keySet, operator, clock } = await openScene(backend);
    receiver.respondWith(() => ({ status: 503 }));
    const [delivery] = await enqueue(hub, ["transfer.committed:t-3"], clock.now);
    if (delivery === undefined) throw new Error("not enqueued");
    const dispatcher = dispatcherFor(hub, () => clock.now, {
      retry: { ...shortPolicy, attemptsMax: 1 },
    });
    expect(await dispatcher.dispatch()).toEqual(["dead"]);

    const dead = await operator("GET", "/operator/v1/webhook-deliveries?status=dead");
    expect(dead.json().items.map((item: { id: number }) => item.id)).toEqual([delivery.id]);

    receiver.respondWith(() => ({ status: 200 }));
    const redeliver = `/operator/v1/webhook-deliveries/${delivery.id}/redeliver`;
    const redelivered = await operator("POST", redeliver);
    expect(redelivered.statusCode, redelivered.body).toBe(200);
    expect(redelivered.json()).toMatchObject({ status: "pending", attempts: 0 });
    expect((await operator("POST", redeliver)).json().code).toBe("webhook_delivery_pending");

    expect(await dispatcher.dispatch()).toEqual(["delivered"]);
    expect(receiver.received).toHaveLength(2);
    const verify = webhookVerifier(keySet);
    for (const webhook of receiver.received) {
      expect(webhook.headers["webhook-id"]).toBe("transfer.committed:t-3");
      expect((await verify(webhook)).ok).toBe(true);
    }
    expect(await hub.webhookStore.findDelivery(delivery.id)).toMatchObject({
      status: "delivered",
      attempts: 1,
      lastStatusCode: 200,
    });
  });

  it("declares a delivery dead without sending it when its endpoint was deleted", async () => {
    const { hub, receiver, clock } = await openScene(backend);
    const [delivery] = await enqueue(hub, ["transfer.credited:t-4"], clock.now);
    if (delivery === undefined) throw new Error("not enqueued");
    expect(await hub.webhookEndpoints.remove("wallet-a", "main")).toEqual({
      ok: true,
      value: undefined,
    });

    expect(await dispatcherFor(hub, () => clock.now).dispatch()).toEqual(["endpoint_deleted"]);
    expect(receiver.received).toHaveLength(0);
    expect(await hub.webhookStore.findDelivery(delivery.id)).toMatchObject({
      status: "dead",
      lastStatusCode: null,
      lastError: "the endpoint was deleted",
    });
  });

  it("does not follow redirects, and gives up on a silent receiver at the timeout", async () => {
    const { hub, receiver, clock } = await openScene(backend);
    const [redirected, silent] = await enqueue(
      hub,
      ["transfer.credited:redirected", "transfer.credited:silent"],
      clock.now,
    );
    if (redirected === undefined || silent === undefined) throw new Error("not enqueued");
    receiver.respondWith((webhook) =>
      webhook.headers["webhook-id"] === "transfer.credited:silent"
        ? { status: 204, delayMs: 3_000 }
        : { status: 307, headers: { location: `${receiver.baseUrl}/elsewhere` } },
    );
    const dispatcher = dispatcherFor(hub, () => clock.now, { requestTimeoutMs: 300 });

    expect(await dispatcher.dispatch()).toEqual(["retrying", "retrying"]);
    expect(receiver.received.map((webhook) => new URL(webhook.url).pathname)).toEqual([
      "/hooks/main",
      "/hooks/main",
    ]);
    expect(await hub.webhookStore.findDelivery(redirected.id)).toMatchObject({
      lastStatusCode: 307,
      lastError: "HTTP 307",
    });
    expect(await hub.webhookStore.findDelivery(silent.id)).toMatchObject({
      lastStatusCode: null,
      lastError: "no answer within 300 ms",
    });
  });

  it("lets two hub nodes dispatch at once without sending any delivery twice", async () => {
    const sharedKey = generateHubSigningKeyPem();
    const { test, hub, receiver, keySet } = await openScene(backend, sharedKey);
    const otherNode = await openHub({
      databaseUrl: test.database.databaseUrl,
      dataDir: test.database.dataDir,
      hubSigningKey: sharedKey,
      expirePendings: false,
      purgeExpired: false,
      dispatchWebhooks: false,
    });
    cleanups.push(() => otherNode.close());
    expect(otherNode.hubSigningKey.key.keyId).toBe(hub.hubSigningKey.key.keyId);

    const inFlight = new Set<string>();
    const overlapping: string[] = [];
    receiver.respondWith(async (webhook) => {
      const id = String(webhook.headers["webhook-id"]);
      if (inFlight.has(id)) overlapping.push(id);
      inFlight.add(id);
      await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 8));
      inFlight.delete(id);
      return { status: 204 };
    });
    const eventIds = Array.from({ length: 60 }, (_, index) => `transfer.credited:n-${index}`);
    await enqueue(hub, eventIds, Date.now());

    const options = { passSizeMax: 4, concurrencyMax: 2 };
    const nodes = [
      dispatcherFor(hub, Date.now, options),
      dispatcherFor(otherNode, Date.now, options),
    ];
    const drain = async (dispatcher: WebhookDispatcher) => {
      const outcomes: string[] = [];
      for (let pass = 0; pass < 100; pass++) {
        const handled = await dispatcher.dispatch();
        if (handled.length === 0) return outcomes;
        outcomes.push(...handled);
      }
      throw new Error("the outbox did not drain in 100 passes");
    };
    const outcomes = (await Promise.all(nodes.map(drain))).flat();

    expect(outcomes).toEqual(eventIds.map(() => "delivered"));
    expect(overlapping).toEqual([]);
    const arrivals = receiver.received.map((webhook) => String(webhook.headers["webhook-id"]));
    expect(arrivals.toSorted()).toEqual(eventIds.toSorted());
    const verify = webhookVerifier(keySet);
    for (const webhook of receiver.received) expect((await verify(webhook)).ok).toBe(true);
    expect(await hub.webhookStore.countBacklog()).toEqual({ pending: 0, dead: 0 });
  });
});
