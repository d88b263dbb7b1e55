/**
 * The verifier against real deliveries: a hub's own dispatcher sends a signed webhook for a
 * transfer made through the SDK, and the verifier accepts it, typed, and refuses every
 * alteration of it.
 */
import type { KeyObject } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import {
  generateSigningKeyPair,
  signRequest,
  webhookSignedComponents,
} from "@clearhub/http-signatures";
import {
  type ReceivedWebhook,
  startWebhookReceiver,
  type WebhookReceiver,
} from "@clearhub/hub/test/support/webhook-receiver.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type WebhookDelivery, WebhookVerifier, webhookFailureCodes } from "../src/index.ts";
import { type HubServer, startHubServer } from "./support/hub-server.ts";

function deliveryOf(webhook: ReceivedWebhook): WebhookDelivery {
  return { method: webhook.method, url: webhook.url, headers: webhook.headers, body: webhook.body };
}

/** The delivery with its signature replaced by one made with `privateKey` under `keyId`. */
function resigned(
  delivery: WebhookDelivery,
  sign: { keyId: string; privateKey: KeyObject; components?: string[] },
  body: string | Uint8Array = delivery.body,
): WebhookDelivery {
  const received = delivery.headers as Record<string, string>;
  const headers = {
    "content-type": "application/json",
    "webhook-id": received["webhook-id"] ?? "",
    "webhook-event": received["webhook-event"] ?? "",
  };
  const signature = signRequest(
    { method: delivery.method, url: delivery.url, headers, body },
    { components: webhookSignedComponents, ...sign },
  );
  return { ...delivery, headers: { ...headers, ...signature }, body };
}

describe("webhook verification", () => {
  let server: HubServer;
  let receiver: WebhookReceiver;
  let delivered: WebhookDelivery;
  let transferId: string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    server = await startHubServer("sqlite", { webhookDispatcher: { intervalMs: 20 } });
    const wallet = (await server.participant("wallet-a")).client();
    const bank = (await server.participant("bank-b", "bank")).client();
    await bank.registerWebhookEndpoint({
      id: "main",
      url: `${receiver.baseUrl}/hooks/main`,
      eventTypes: ["transfer.credited"],
    });
    const paid = await wallet.createTransfer({ payee: "bank-b", amount: "12.30", currency: "EUR" });
    transferId = paid.transfer.id;
    for (let waited = 0; receiver.received.length === 0 && waited < 5_000; waited += 20) {
      await sleep(20);
    }
    const [webhook] = receiver.received;
    if (webhook === undefined) throw new Error("the hub sent no webhook within 5 s");
    delivered = deliveryOf(webhook);
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
  });

  const verifier = (options: { clock?: () => number } = {}) =>
    new WebhookVerifier({ hubUrl: server.baseUrl, ...options });

  it("accepts a delivery from the hub's dispatcher and answers the typed event", async () => {
    const verified = await verifier().verify(delivered);

    expect(verified).toEqual({
      ok: true,
      event: {
        id: `transfer.credited:${transferId}`,
        type: "transfer.credited",
        createdAt: expect.any(String),
        data: {
          transferId,
          state: "posted",
          payer: "wallet-a",
          payee: "bank-b",
          amount: "12.30",
          currency: "EUR",
          reference: null,
          fee: null,
        },
      },
    });
  });

  it("accepts the headers as a fetch Headers and the body as a string", async () => {
    const headers = new Headers(delivered.headers as Record<string, string>);
    const verified = await verifier().verify({
      ...delivered,
      headers,
      body: String(delivered.body),
    });
    expect(verified.ok).toBe(true);
  });

  it("refuses a tampered body", async () => {
    const body = String(delivered.body).replace("12.30", "99.99");
    expect(await verifier().verify({ ...delivered, body })).toEqual({
      ok: false,
      code: "digest_mismatch",
    });
  });

  it("refuses the same delivery twice: its nonce was used", async () => {
    const once = verifier();
    expect((await once.verify(delivered)).ok).toBe(true);
    expect(await once.verify(delivered)).toEqual({ ok: false, code: "nonce_replayed" });
  });

  it("refuses a delivery to another URL than the one registered", async () => {
    const url = `${receiver.baseUrl}/hooks/other`;
    expect(await verifier().verify({ ...delivered, url })).toEqual({
      ok: false,
      code: "signature_invalid",
    });
  });

  it("refuses a signature made with a key that is not the hub's", async () => {
    const { privateKey } = generateSigningKeyPair();
    const keyId = server.hub.hubSigningKey.key.keyId;

    expect(await verifier().verify(resigned(delivered, { keyId, privateKey }))).toEqual({
      ok: false,
      code: "signature_invalid",
    });
    expect(
      await verifier().verify(resigned(delivered, { keyId: "someone-else", privateKey })),
    ).toEqual({ ok: false, code: "key_unknown" });
  });

  it("refuses a signature created too long ago", async () => {
    const sixMinutesOn = () => Date.now() + 6 * 60 * 1000;
    expect(await verifier({ clock: sixMinutesOn }).verify(delivered)).toEqual({
      ok: false,
      code: "signature_created_out_of_window",
    });
  });

  it("refuses a signature that leaves the event headers uncovered", async () => {
    const { keyId, privateKey } = server.hub.hubSigningKey.key;
    const narrow = resigned(delivered, {
      keyId,
      privateKey,
      components: ["@method", "@target-uri", "content-digest"],
    });
    expect(await verifier().verify(narrow)).toEqual({
      ok: false,
      code: "signature_components_insufficient",
    });
  });

  it("refuses a validly signed body that is not the event its headers name", async () => {
    const { keyId, privateKey } = server.hub.hubSigningKey.key;
    const otherEvent = String(delivered.body).replace("transfer.credited:", "transfer.voided:");
    expect(await verifier().verify(resigned(delivered, { keyId, privateKey }, otherEvent))).toEqual(
      {
        ok: false,
        code: "event_malformed",
      },
    );
  });

  it("fetches the key set again for an unknown keyid, at most once per interval", async () => {
    let fetches = 0;
    let now = Date.now();
    const counting = new WebhookVerifier({
      hubUrl: server.baseUrl,
      keySetRefetchIntervalMs: 60_000,
      clock: () => now,
      fetch: (url, init) => {
        fetches += 1;
        return fetch(url, init);
      },
    });
    const { privateKey } = generateSigningKeyPair();
    const unknown = () => resigned(delivered, { keyId: "rotated-key", privateKey });

    expect((await counting.verify(unknown())).ok).toBe(false);
    expect((await counting.verify(unknown())).ok).toBe(false);
    expect(fetches).toBe(1);
    now += 61_000;
    expect(await counting.verify(unknown())).toEqual({ ok: false, code: "key_unknown" });
    expect(fetches).toBe(2);
  });

  it("answers a transient code when the hub's key set cannot be fetched", async () => {
    const stranded = new WebhookVerifier({ hubUrl: "http://127.0.0.1:1" });
    const verified = await stranded.verify(delivered);
    expect(verified).toEqual({ ok: false, code: "key_set_unavailable" });
    expect(webhookFailureCodes.key_set_unavailable.transient).toBe(true);
  });
});
