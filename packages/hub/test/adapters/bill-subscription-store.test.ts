/**
 * The BillSubscriptionStore through KyselyBillSubscriptionStore on both backends: one
 * subscription per channel and customer, found by any of its lookup hashes; a bound per
 * channel that racing cannot pass and removal frees; pages newest first; and a biller's notice
 * recorded with its events in one transaction, once.
 */
import { afterEach, expect, it } from "vitest";
import { openDatabase } from "../../src/adapters/store/database.ts";
import { KyselyBillSubscriptionStore } from "../../src/adapters/store/kysely-bill-subscription-store.ts";
import { KyselyParticipantStore } from "../../src/adapters/store/kysely-participant-store.ts";
import type { NewBillSubscription } from "../../src/app/ports/bill-subscription-store.ts";
import type { BillSubscription } from "../../src/domain/billers/bill-subscription.ts";
import type { PreparedEvent } from "../../src/domain/notifications/webhook-delivery.ts";
import type { ParticipantKind } from "../../src/domain/participant/participant.ts";
import { type Backend, describeEachBackend, openTestDatabase } from "../support/backends.ts";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const participants: readonly [string, ParticipantKind][] = [
  ["wallet-a", "payment_institution"],
  ["wallet-b", "payment_institution"],
  ["water-co", "biller"],
  ["gas-co", "biller"],
];

async function openStore(backend: Backend) {
  const test = await openTestDatabase(backend);
  cleanups.push(() => test.dispose());
  const { kysely, dialect } = test.database;
  const store = new KyselyParticipantStore(kysely);
  for (const [id, kind] of participants) {
    await store.createParticipant(
      { id, name: `Name of ${id}`, kind, status: "active", createdAt: 1_000 },
      [],
    );
  }
  await kysely
    .insertInto("webhook_endpoints")
    .values(
      ["wallet-a", "wallet-b"].map((id) => ({
        participant_id: id,
        id: "main",
        url: `https://${id}.example/hooks`,
        event_types: "bill.presented",
        created_at: 1_000n,
      })),
    )
    .execute();
  /** Another connection pool on the same store, as a second hub node would have. */
  const openAnotherNode = () => {
    const other = openDatabase({ databaseUrl: test.databaseUrl, dataDir: test.dataDir });
    cleanups.push(() => other.close());
    return new KyselyBillSubscriptionStore(other.kysely, other.dialect);
  };
  return { store: new KyselyBillSubscriptionStore(kysely, dialect), kysely, openAnotherNode };
}

function subscription(id: string, overrides: Partial<BillSubscription> = {}): BillSubscription {
  return {
    channelId: "wallet-a",
    id,
    billerId: "water-co",
    reference: `ref-${id}`,
    customerMasked: { accountNumber: "****567" },
    createdAt: 2_000,
    ...overrides,
  };
}

function entry(
  sub: BillSubscription,
  hash: string,
  candidates: readonly string[] = [hash],
): NewBillSubscription {
  return {
    subscription: sub,
    sealedCustomer: `sealed-${sub.id}`,
    lookupHash: hash,
    lookupCandidates: candidates,
  };
}

describeEachBackend("BillSubscriptionStore", (backend) => {
  it("holds one subscription per channel and customer; the same customer again answers it", async () => {
    const { store } = await openStore(backend);
    const first = subscription("bs-1");
    expect(await store.subscribe(entry(first, "k1.aaa"), 10)).toEqual({
      ok: true,
      subscription: first,
      created: true,
    });
    // Another id and reference, the customer hashed under a newer key first: still the same.
    const again = await store.subscribe(
      entry(subscription("bs-2", { reference: "other" }), "k2.bbb", ["k2.bbb", "k1.aaa"]),
      10,
    );
    expect(again).toEqual({ ok: true, subscription: first, created: false });
    // The same customer at another biller, or for another channel, is another subscription.
    const gas = subscription("bs-3", { billerId: "gas-co" });
    expect(await store.subscribe(entry(gas, "k1.aaa"), 10)).toMatchObject({ created: true });
    const b = subscription("bs-4", { channelId: "wallet-b" });
    expect(await store.subscribe(entry(b, "k1.aaa"), 10)).toMatchObject({ created: true });
    expect(await store.find("wallet-a", "bs-1")).toEqual(first);
    expect(await store.find("wallet-b", "bs-1")).toBeUndefined();
  });

  it("bounds a channel, writes nothing beyond it, and frees a place on removal", async () => {
    const { store, kysely } = await openStore(backend);
    for (const n of [1, 2]) {
      expect(await store.subscribe(entry(subscription(`bs-${n}`), `k.${n}`), 2)).toMatchObject({
        created: true,
      });
    }
    expect(await store.subscribe(entry(subscription("bs-3"), "k.3"), 2)).toEqual({
      ok: false,
      code: "bill_subscriptions_full",
    });
    // A customer already held is answered even when full: a retry is never refused.
    expect(await store.subscribe(entry(subscription("bs-9"), "k.1"), 2)).toMatchObject({
      ok: true,
      created: false,
    });
    const rows = await kysely.selectFrom("bill_subscriptions").select("id").execute();
    expect(rows.map((row) => row.id).sort()).toEqual(["bs-1", "bs-2"]);
    // The bound is the channel's own: another channel subscribes freely.
    const b = subscription("bs-4", { channelId: "wallet-b" });
    expect(await store.subscribe(entry(b, "k.3"), 2)).toMatchObject({ created: true });

    expect(await store.remove("wallet-a", "bs-1")).toBe(true);
    expect(await store.remove("wallet-a", "bs-1")).toBe(false);
    expect(await store.remove("wallet-b", "bs-2")).toBe(false);
    expect(await store.subscribe(entry(subscription("bs-3"), "k.3"), 2)).toMatchObject({
      created: true,
    });
  });

  it("lets no race between two nodes pass the bound or hold a customer twice", async () => {
    const { store, kysely, openAnotherNode } = await openStore(backend);
    // SQLite's one writer serialises transactions in-process; a second handle would only wait.
    const other = backend === "postgres" ? openAnotherNode() : store;
    const attempts = Array.from({ length: 6 }, (_, n) =>
      (n % 2 === 0 ? store : other).subscribe(entry(subscription(`bs-${n}`), `k.${n % 4}`), 3),
    );
    const results = await Promise.all(attempts);
    const created = results.filter((result) => result.ok && result.created);
    expect(created).toHaveLength(3);
    const rows = await kysely.selectFrom("bill_subscriptions").select("lookup_hash").execute();
    expect(new Set(rows.map((row) => row.lookup_hash)).size).toBe(3);
    expect(rows).toHaveLength(3);
  });

  it("lists newest first, one biller's when asked, page by page", async () => {
    const { store } = await openStore(backend);
    const subs = [
      subscription("bs-a", { createdAt: 2_000 }),
      subscription("bs-b", { createdAt: 3_000, billerId: "gas-co" }),
      subscription("bs-c", { createdAt: 3_000 }),
      subscription("bs-d", { createdAt: 4_000 }),
    ];
    for (const [n, sub] of subs.entries()) await store.subscribe(entry(sub, `k.${n}`), 10);
    const all = await store.list("wallet-a", { limit: 10 });
    expect(all.map((s) => s.id)).toEqual(["bs-d", "bs-c", "bs-b", "bs-a"]);
    const first = await store.list("wallet-a", { limit: 2 });
    expect(first.map((s) => s.id)).toEqual(["bs-d", "bs-c"]);
    const last = first.at(-1) as BillSubscription;
    const second = await store.list("wallet-a", { limit: 2 }, last);
    expect(second.map((s) => s.id)).toEqual(["bs-b", "bs-a"]);
    const water = await store.list("wallet-a", { billerId: "water-co", limit: 10 });
    expect(water.map((s) => s.id)).toEqual(["bs-d", "bs-c", "bs-a"]);
    expect(await store.list("wallet-b", { limit: 10 })).toEqual([]);
  });

  it("finds a customer's subscribers by any of its hashes, at that biller only", async () => {
    const { store } = await openStore(backend);
    await store.subscribe(entry(subscription("bs-1"), "k1.aaa"), 10);
    await store.subscribe(entry(subscription("bs-2", { channelId: "wallet-b" }), "k2.aaa"), 10);
    await store.subscribe(entry(subscription("bs-3", { billerId: "gas-co" }), "k1.aaa"), 10);
    await store.subscribe(entry(subscription("bs-4"), "k1.zzz"), 10);
    const found = await store.subscribersOf("water-co", ["k2.aaa", "k1.aaa"]);
    expect(found.map((s) => [s.channelId, s.id])).toEqual([
      ["wallet-a", "bs-1"],
      ["wallet-b", "bs-2"],
    ]);
    expect(await store.subscribersOf("water-co", [])).toEqual([]);
  });

  it("records a notice with its events once: a repeat writes nothing", async () => {
    const { store, kysely } = await openStore(backend);
    const events: PreparedEvent[] = ["wallet-a", "wallet-b"].map((channel) => ({
      id: `bill.presented:water-co:N-1:${channel}`,
      type: "bill.presented",
      recipientId: channel,
      createdAt: 5_000,
      payload: JSON.stringify({ id: channel }),
    }));
    const notice = { billerId: "water-co", noticeId: "N-1", receivedAt: 5_000 };
    expect(await store.recordBillNotice(notice, events)).toBe(true);
    expect(await store.recordBillNotice(notice, events)).toBe(false);
    // Another biller's notice of the same id is its own.
    expect(await store.recordBillNotice({ ...notice, billerId: "gas-co" }, [])).toBe(true);
    const deliveries = await kysely
      .selectFrom("webhook_deliveries")
      .select(["participant_id", "event_id"])
      .orderBy("participant_id")
      .execute();
    expect(deliveries.map((d) => d.participant_id)).toEqual(["wallet-a", "wallet-b"]);
    const notices = await kysely.selectFrom("bank_notices").select(["bank_id", "kind"]).execute();
    expect(notices).toHaveLength(2);
  });

  it("records no notice whose events could not be written: the biller's repeat applies it", async () => {
    const { store, kysely } = await openStore(backend);
    const event: PreparedEvent = {
      id: "bill.presented:water-co:N-1:bs-1",
      type: "bill.presented",
      recipientId: "wallet-a",
      createdAt: 5_000,
      payload: "{}",
    };
    const notice = { billerId: "water-co", noticeId: "N-1", receivedAt: 5_000 };
    // A write that fails halfway (here, a time no column can hold) takes the notice with it.
    await expect(
      store.recordBillNotice(notice, [{ ...event, createdAt: Number.NaN }]),
    ).rejects.toThrow();
    expect(await kysely.selectFrom("bank_notices").selectAll().execute()).toEqual([]);
    expect(await store.recordBillNotice(notice, [event])).toBe(true);
    const deliveries = await kysely.selectFrom("webhook_deliveries").select("event_id").execute();
    expect(deliveries).toEqual([{ event_id: event.id }]);
  });
});
