/**
 * The WebhookStore contract through KyselyWebhookStore on both backends: endpoints register
 * idempotently within a limit; the outbox hands each due delivery to one claimant at a time,
 * records results only for the attempt that holds it, and lets the operator send it again.
 */
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/adapters/store/database.ts";
import { KyselyParticipantStore } from "../../src/adapters/store/kysely-participant-store.ts";
import { KyselyWebhookStore } from "../../src/adapters/store/kysely-webhook-store.ts";
import type { WebhookEndpoint } from "../../src/domain/notifications/webhook-endpoint.ts";
import { type Backend, describeEachBackend, openTestDatabase } from "../support/backends.ts";
import { insertOutboxRows } from "../support/outbox.ts";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openStore(backend: Backend) {
  const test = await openTestDatabase(backend);
  cleanups.push(() => test.dispose());
  const { kysely, dialect } = test.database;
  const participants = new KyselyParticipantStore(kysely);
  for (const id of ["bank-a", "bank-b"]) {
    await participants.createParticipant(
      { id, name: `Name of ${id}`, kind: "bank", status: "active", createdAt: 1_000 },
      [],
    );
  }
  /** Another connection pool on the same store, as a second hub node would have. */
  const openAnotherNode = () => {
    const other = openDatabase({ databaseUrl: test.databaseUrl, dataDir: test.dataDir });
    cleanups.push(() => other.close());
    return new KyselyWebhookStore(other.kysely, other.dialect);
  };
  return { test, store: new KyselyWebhookStore(kysely, dialect), kysely, openAnotherNode };
}

function endpoint(id: string, overrides: Partial<WebhookEndpoint> = {}): WebhookEndpoint {
  return {
    participantId: "bank-a",
    id,
    url: `https://bank-a.example/hooks/${id}`,
    eventTypes: ["transfer.credited", "transfer.reserved"],
    createdAt: 2_000,
    ...overrides,
  };
}

const success = { at: 5_000, statusCode: 204, error: null };
const serverError = { at: 5_000, statusCode: 500, error: "HTTP 500" };

describeEachBackend("WebhookStore endpoints", (backend) => {
  it("registers an endpoint once; the same registration again answers the stored one", async () => {
    const { store } = await openStore(backend);
    expect(await store.createEndpoint(endpoint("main"), 10)).toEqual({
      ok: true,
      endpoint: endpoint("main"),
      created: true,
    });
    const again = await store.createEndpoint(endpoint("main", { createdAt: 9_000 }), 10);
    expect(again).toEqual({ ok: true, endpoint: endpoint("main"), created: false });
    expect(await store.findEndpoint("bank-a", "main")).toEqual(endpoint("main"));
  });

  it("refuses the same id with another URL or other event types", async () => {
    const { store } = await openStore(backend);
    await store.createEndpoint(endpoint("main"), 10);
    const conflict = { ok: false, code: "webhook_endpoint_conflict" };
    expect(
      await store.createEndpoint(endpoint("main", { url: "https://elsewhere.example/" }), 10),
    ).toEqual(conflict);
    expect(
      await store.createEndpoint(endpoint("main", { eventTypes: ["transfer.credited"] }), 10),
    ).toEqual(conflict);
  });

  it("refuses unknown participants and endpoints beyond the limit, even concurrently", async () => {
    const { store } = await openStore(backend);
    expect(await store.createEndpoint(endpoint("x", { participantId: "nobody" }), 10)).toEqual({
      ok: false,
      code: "participant_not_found",
    });
    const results = await Promise.all(
      ["e1", "e2", "e3", "e4", "e5"].map((id) => store.createEndpoint(endpoint(id), 3)),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(3);
    expect(results.filter((result) => !result.ok)).toEqual([
      { ok: false, code: "webhook_endpoints_exhausted" },
      { ok: false, code: "webhook_endpoints_exhausted" },
    ]);
  });

  it("lists a participant's endpoints in id order and deletes one", async () => {
    const { store } = await openStore(backend);
    await store.createEndpoint(endpoint("zeta"), 10);
    await store.createEndpoint(endpoint("alpha"), 10);
    await store.createEndpoint(endpoint("other", { participantId: "bank-b" }), 10);
    expect((await store.listEndpoints("bank-a")).map((e) => e.id)).toEqual(["alpha", "zeta"]);
    expect(await store.deleteEndpoint("bank-a", "zeta")).toBe(true);
    expect(await store.deleteEndpoint("bank-a", "zeta")).toBe(false);
    expect(await store.findEndpoint("bank-a", "zeta")).toBeUndefined();
    expect((await store.listEndpoints("bank-a")).map((e) => e.id)).toEqual(["alpha"]);
  });
});

describeEachBackend("WebhookStore outbox", (backend) => {
  it("claims due deliveries oldest first, counts the attempt and leases them", async () => {
    const { store, kysely } = await openStore(backend);
    await store.createEndpoint(endpoint("main"), 10);
    await insertOutboxRows(kysely, [
      { participantId: "bank-a", endpointId: "main", eventId: "e:late", createdAt: 3_000 },
      { participantId: "bank-a", endpointId: "main", eventId: "e:early", createdAt: 1_000 },
      { participantId: "bank-a", endpointId: "main", eventId: "e:future", createdAt: 9_000 },
    ]);
    const claimed = await store.claimDue(4_000, 1, 60_000);
    expect(claimed).toHaveLength(1);
    expect(claimed[0]?.url).toBe("https://bank-a.example/hooks/main");
    expect(claimed[0]?.delivery).toMatchObject({
      eventId: "e:early",
      status: "pending",
      attempts: 1,
      lastAttemptAt: 4_000,
      nextAttemptAt: 64_000,
    });
    expect((await store.claimDue(4_000, 10, 60_000)).map((c) => c.delivery.eventId)).toEqual([
      "e:late",
    ]);
    expect(await store.claimDue(4_000, 10, 60_000)).toEqual([]);
    // The leases end; the future one has come due meanwhile.
    const reclaimed = await store.claimDue(64_000, 10, 60_000);
    // A claim answers its deliveries in id order, here the order they were written.
    expect(reclaimed.map((c) => [c.delivery.eventId, c.delivery.attempts])).toEqual([
      ["e:late", 2],
      ["e:early", 2],
      ["e:future", 1],
    ]);
  });

  it("answers a null URL for a delivery whose endpoint was deleted", async () => {
    const { store, kysely } = await openStore(backend);
    await store.createEndpoint(endpoint("gone"), 10);
    await insertOutboxRows(kysely, [
      { participantId: "bank-a", endpointId: "gone", eventId: "e:1", createdAt: 1_000 },
    ]);
    await store.deleteEndpoint("bank-a", "gone");
    const [claimed] = await store.claimDue(2_000, 10, 60_000);
    expect(claimed?.url).toBeNull();
  });

  it("records a success or a failure only for the attempt that holds the delivery", async () => {
    const { store, kysely } = await openStore(backend);
    await insertOutboxRows(kysely, [
      { participantId: "bank-a", endpointId: "main", eventId: "e:1", createdAt: 1_000 },
    ]);
    const first = (await store.claimDue(1_000, 10, 1_000))[0]?.delivery;
    const second = (await store.claimDue(2_000, 10, 1_000))[0]?.delivery;
    if (first === undefined || second === undefined) throw new Error("nothing claimed");
    // The first attempt outlived its lease: its result must not overwrite the second's.
    expect(await store.recordDelivered(first, success)).toBe(false);
    expect(await store.recordFailed(first, serverError, 9_000)).toBe(false);
    expect(await store.recordFailed(second, serverError, 9_000)).toBe(true);
    expect(await store.findDelivery(second.id)).toMatchObject({
      status: "pending",
      attempts: 2,
      nextAttemptAt: 9_000,
      lastStatusCode: 500,
      lastError: "HTTP 500",
    });
    const third = (await store.claimDue(9_000, 10, 1_000))[0]?.delivery;
    if (third === undefined) throw new Error("nothing claimed");
    expect(await store.recordDelivered(third, success)).toBe(true);
    expect(await store.findDelivery(third.id)).toMatchObject({
      status: "delivered",
      attempts: 3,
      deliveredAt: 5_000,
      lastStatusCode: 204,
      lastError: null,
    });
    expect(await store.recordDelivered(third, success)).toBe(false);
  });

  it("marks a delivery dead, redelivers it with a fresh count, and refuses pending ones", async () => {
    const { store, kysely } = await openStore(backend);
    await insertOutboxRows(kysely, [
      { participantId: "bank-a", endpointId: "main", eventId: "e:1", createdAt: 1_000 },
    ]);
    const claimed = (await store.claimDue(1_000, 10, 1_000))[0]?.delivery;
    if (claimed === undefined) throw new Error("nothing claimed");
    expect(await store.recordFailed(claimed, serverError, null)).toBe(true);
    expect(await store.countBacklog()).toEqual({ pending: 0, dead: 1 });
    expect(await store.claimDue(99_000, 10, 1_000)).toEqual([]);

    const redelivered = await store.redeliver(claimed.id, 50_000);
    expect(redelivered).toMatchObject({
      ok: true,
      delivery: { status: "pending", attempts: 0, nextAttemptAt: 50_000 },
    });
    expect(await store.countBacklog()).toEqual({ pending: 1, dead: 0 });
    expect(await store.redeliver(claimed.id, 50_000)).toEqual({
      ok: false,
      code: "webhook_delivery_pending",
    });
    expect(await store.redeliver(claimed.id + 1000, 50_000)).toEqual({
      ok: false,
      code: "webhook_delivery_not_found",
    });
  });

  it("lists deliveries newest first, filtered by status and participant, page by page", async () => {
    const { store, kysely } = await openStore(backend);
    await insertOutboxRows(
      kysely,
      ["a1", "b1", "a2", "a3", "b2"].map((eventId, index) => ({
        participantId: eventId.startsWith("a") ? "bank-a" : "bank-b",
        endpointId: "main",
        eventId,
        createdAt: 1_000 + index,
      })),
    );
    const claimed = (await store.claimDue(1_001, 1, 1_000))[0]?.delivery;
    expect(claimed?.eventId).toBe("a1");
    if (claimed === undefined) throw new Error("nothing claimed");
    await store.recordFailed(claimed, serverError, null);

    const eventIds = async (filter: Parameters<typeof store.listDeliveries>[0]) =>
      (await store.listDeliveries(filter)).map((delivery) => delivery.eventId);
    expect(await eventIds({ limit: 10 })).toEqual(["b2", "a3", "a2", "b1", "a1"]);
    expect(await eventIds({ participantId: "bank-a", limit: 10 })).toEqual(["a3", "a2", "a1"]);
    expect(await eventIds({ status: "dead", limit: 10 })).toEqual(["a1"]);
    expect(await eventIds({ status: "pending", participantId: "bank-b", limit: 10 })).toEqual([
      "b2",
      "b1",
    ]);
    const firstPage = await store.listDeliveries({ limit: 2 });
    expect(firstPage.map((delivery) => delivery.eventId)).toEqual(["b2", "a3"]);
    expect(await eventIds({ limit: 2, beforeId: firstPage[1]?.id })).toEqual(["a2", "b1"]);
  });
});

describeEachBackend("WebhookStore claims from two nodes", (backend) => {
  it("never hands one delivery to two concurrent claims", async () => {
    const { store, kysely, openAnotherNode } = await openStore(backend);
    const otherNode = openAnotherNode();
    const deliveryCount = 200;
    await insertOutboxRows(
      kysely,
      Array.from({ length: deliveryCount }, (_, index) => ({
        participantId: "bank-a",
        endpointId: "main",
        eventId: `e:${index}`,
        createdAt: 1_000,
      })),
    );
    const claimAll = async (node: KyselyWebhookStore) => {
      const ids: number[] = [];
      for (;;) {
        const claimed = await node.claimDue(2_000, 7, 60_000);
        if (claimed.length === 0) return ids;
        ids.push(...claimed.map((c) => c.delivery.id));
      }
    };
    const claims = await Promise.all([claimAll(store), claimAll(otherNode), claimAll(store)]);
    const all = claims.flat();
    expect(all).toHaveLength(deliveryCount);
    expect(new Set(all).size).toBe(deliveryCount);
  });
});

describe("WebhookStore limits", () => {
  it("refuses a claim larger than the bound", async () => {
    const { store } = await openStore("sqlite");
    await expect(store.claimDue(1_000, 100_000, 1_000)).rejects.toThrow(/claim size/);
  });
});
