/**
 * The webhook routes on both backends: the hub's public key set, the operator's view of the
 * outbox and redelivery, the backlog metrics, and the dispatcher the hub itself runs.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { importPublicKeyJwk } from "@clearhub/http-signatures";
import { afterEach, expect, it } from "vitest";
import { jwkThumbprint } from "../../src/adapters/signing/jwk-thumbprint.ts";
import { buildServer } from "../../src/api/server.ts";
import type { Hub } from "../../src/hub.ts";
import { describeEachBackend } from "../support/backends.ts";
import { insertOutboxRows } from "../support/outbox.ts";
import { testActor } from "../support/test-actor.ts";
import { openTestHub } from "../support/test-hub.ts";
import { type KeySet, startWebhookReceiver, webhookVerifier } from "../support/webhook-receiver.ts";
import { type ApiHarness, expectProblem, useApiHarness } from "./api-harness.ts";

const keysPath = "/.well-known/clearhub-hub-keys";
const deliveriesPath = "/operator/v1/webhook-deliveries";

async function withParticipants(hub: Hub, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const registered = await hub.participants.register(
      {
        id,
        name: `Participant ${id}`,
        kind: "payment_institution",
        currencies: [],
      },
      testActor,
    );
    expect(registered.ok).toBe(true);
  }
}

async function enqueue(hub: Hub, participantId: string, eventIds: readonly string[]) {
  await insertOutboxRows(
    hub.database.kysely,
    eventIds.map((eventId) => ({ participantId, endpointId: "main", eventId, createdAt: 1_000 })),
  );
}

function metricValue(body: string, series: string): number | undefined {
  const line = body.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

interface ListedPage {
  items: { id: number; eventId: string; participantId: string; status: string }[];
  nextCursor: string | null;
}

async function listed(api: ApiHarness, query: string): Promise<ListedPage> {
  const response = await api.call("GET", `${deliveriesPath}${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ListedPage;
}

describeEachBackend("webhook routes", (backend) => {
  const api = useApiHarness(backend);

  it("publishes the hub's signing key as a JWK Set, without a token", async () => {
    const response = await api.app.inject({ method: "GET", url: keysPath });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("public, max-age=300");
    const { keys } = response.json() as { keys: Record<string, string>[] };
    expect(keys).toHaveLength(1);
    const [key] = keys;
    expect(key).toEqual({
      kty: "OKP",
      crv: "Ed25519",
      x: api.hub.hubSigningKey.key.publicJwk.x,
      kid: api.hub.hubSigningKey.key.keyId,
      use: "sig",
      alg: "EdDSA",
    });
    expect(key?.kid).toBe(jwkThumbprint({ kty: "OKP", crv: "Ed25519", x: key?.x ?? "" }));
    expect(importPublicKeyJwk(key).ok).toBe(true);
  });

  it("describes the webhook routes in the OpenAPI document", async () => {
    const document = (await api.app.inject({ method: "GET", url: "/openapi.json" })).json();
    expect(document.paths[keysPath].get.security).toEqual([]);
    expect(document.paths[deliveriesPath].get.tags).toEqual(["webhooks"]);
    const redeliver = document.paths[`${deliveriesPath}/{deliveryId}/redeliver`].post;
    expect(redeliver.responses["409"].description).toContain("webhook_delivery_pending");
    const codes = (await api.app.inject({ method: "GET", url: "/docs/codes" })).body;
    expect(codes).toContain("<code>webhook_delivery_not_found</code>");
  });

  it("lists deliveries newest first, by status and participant, page by page", async () => {
    await withParticipants(api.hub, ["wallet-a", "wallet-b"]);
    await enqueue(api.hub, "wallet-a", ["e:1", "e:2", "e:3"]);
    await enqueue(api.hub, "wallet-b", ["e:4"]);

    const first = await listed(api, "?limit=2");
    expect(first.items.map((item) => item.eventId)).toEqual(["e:4", "e:3"]);
    expect(first.nextCursor).not.toBeNull();
    const second = await listed(api, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((item) => item.eventId)).toEqual(["e:2", "e:1"]);
    const last = await listed(api, `?limit=2&cursor=${second.nextCursor}`);
    expect(last).toEqual({ items: [], nextCursor: null });

    const ofA = await listed(api, "?participant=wallet-a&status=pending");
    expect(ofA.items.map((item) => item.eventId)).toEqual(["e:3", "e:2", "e:1"]);
    expect(ofA.nextCursor).toBeNull();
    expect((await listed(api, "?status=dead")).items).toEqual([]);
  });

  it("refuses malformed filters and callers without a token", async () => {
    expectProblem(await api.call("GET", `${deliveriesPath}?status=lost`), 400, "request_invalid");
    expectProblem(await api.call("GET", `${deliveriesPath}?cursor=abc`), 400, "request_invalid");
    expectProblem(await api.call("GET", `${deliveriesPath}?limit=501`), 400, "request_invalid");
    const anonymous = await api.app.inject({ method: "GET", url: deliveriesPath });
    expectProblem(anonymous, 401, "credentials_missing");
  });

  it("answers a problem for an unknown or still pending delivery", async () => {
    await withParticipants(api.hub, ["wallet-a"]);
    await enqueue(api.hub, "wallet-a", ["e:1"]);
    const [pending] = (await listed(api, "")).items;
    expectProblem(
      await api.call("POST", `${deliveriesPath}/${pending?.id}/redeliver`),
      409,
      "webhook_delivery_pending",
    );
    expectProblem(
      await api.call("POST", `${deliveriesPath}/999999/redeliver`),
      404,
      "webhook_delivery_not_found",
    );
    expectProblem(await api.call("POST", `${deliveriesPath}/0/redeliver`), 400, "request_invalid");
  });

  it("reports the backlog by status on /metrics", async () => {
    await withParticipants(api.hub, ["wallet-a"]);
    await enqueue(api.hub, "wallet-a", ["e:1", "e:2"]);
    const body = (await api.app.inject({ method: "GET", url: "/metrics" })).body;
    expect(metricValue(body, 'clearhub_webhook_backlog{status="pending"}')).toBe(2);
    expect(metricValue(body, 'clearhub_webhook_backlog{status="dead"}')).toBe(0);
    expect(metricValue(body, 'clearhub_webhook_delivery_attempts_total{outcome="delivered"}')).toBe(
      0,
    );
  });
});

describeEachBackend("the hub's own dispatcher", (backend) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("sends what the outbox holds, verifiably, and counts it", async () => {
    const receiver = await startWebhookReceiver();
    cleanups.push(() => receiver.close());
    const test = await openTestHub(backend, { webhookDispatcher: { intervalMs: 20 } });
    cleanups.push(() => test.dispose());
    const app = await buildServer(test.hub);
    cleanups.push(() => app.close());
    await withParticipants(test.hub, ["wallet-a"]);
    const registered = await test.hub.webhookEndpoints.register("wallet-a", {
      id: "main",
      url: `${receiver.baseUrl}/hooks`,
      eventTypes: ["transfer.credited"],
    });
    expect(registered.ok).toBe(true);

    await enqueue(test.hub, "wallet-a", ["transfer.credited:t-1"]);
    for (let waited = 0; receiver.received.length === 0 && waited < 5_000; waited += 20) {
      await sleep(20);
    }

    expect(receiver.received).toHaveLength(1);
    const keySet = (await app.inject({ method: "GET", url: keysPath })).json() as KeySet;
    const [webhook] = receiver.received;
    if (webhook === undefined) throw new Error("nothing received");
    expect((await webhookVerifier(keySet)(webhook)).ok).toBe(true);
    await test.hub.webhookDispatcher.stop(); // the pass that sent it has recorded it
    const body = (await app.inject({ method: "GET", url: "/metrics" })).body;
    expect(metricValue(body, 'clearhub_webhook_backlog{status="pending"}')).toBe(0);
    expect(metricValue(body, 'clearhub_webhook_delivery_attempts_total{outcome="delivered"}')).toBe(
      1,
    );
  });
});
