/**
 * The day's use of barcode limits on both backends: a hold adds a payment only within the
 * limit, concurrent holds at the limit pass exactly as many as fit, a retried hold is answered
 * again without counting twice, a release gives the amount back once, the customer reference is
 * stored only hashed, and customers, payers, days, currencies and levels are counted apart.
 */
import { afterEach, expect, it } from "vitest";
import {
  customerKeyOf,
  KyselyBarcodeUsageStore,
} from "../../src/adapters/store/kysely-barcode-usage-store.ts";
import type { BarcodeHoldRequest } from "../../src/app/ports/barcode-usage-store.ts";
import { snapshotStore } from "../api/store-snapshot.ts";
import { type Backend, describeEachBackend, openTestDatabase } from "../support/backends.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openStore(backend: Backend) {
  const test = await openTestDatabase(backend);
  cleanups.push(() => test.dispose());
  return { database: test.database, store: new KyselyBarcodeUsageStore(test.database.kysely) };
}

const base: Omit<BarcodeHoldRequest, "paymentId"> = {
  payerId: "wallet-alpha",
  customerRef: "customer-0001",
  day: "2026-12-07",
  currency: "CNY",
  level: "B",
  amountMinor: 30_000n,
  limitMinor: 500_000n,
  heldAt: Date.UTC(2026, 11, 7, 9),
};

const keyOf = (request: Omit<BarcodeHoldRequest, "paymentId">) => ({
  payerId: request.payerId,
  customerRef: request.customerRef,
  day: request.day,
  currency: request.currency,
  level: request.level,
});

describeEachBackend("barcode usage store", (backend) => {
  it("passes exactly as many of 20 concurrent 300 CNY holds as fit in 5,000 CNY", async () => {
    const { store } = await openStore(backend);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, index) => store.hold({ ...base, paymentId: `p-${index}` })),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(16);
    const refused = outcomes.filter((outcome) => !outcome.ok);
    expect(refused).toHaveLength(4);
    for (const outcome of refused) {
      expect(outcome).toEqual({ ok: false, code: "limit_exceeded", usedMinor: 480_000n });
    }
    expect(await store.used(keyOf(base))).toBe(480_000n);
  });

  it("passes a hold that reaches the limit exactly and refuses one minor unit more", async () => {
    const { store } = await openStore(backend);
    expect(await store.hold({ ...base, paymentId: "a", amountMinor: 499_999n })).toEqual({
      ok: true,
      replayed: false,
    });
    expect(await store.hold({ ...base, paymentId: "b", amountMinor: 2n })).toEqual({
      ok: false,
      code: "limit_exceeded",
      usedMinor: 499_999n,
    });
    expect((await store.hold({ ...base, paymentId: "c", amountMinor: 1n })).ok).toBe(true);
    expect(await store.used(keyOf(base))).toBe(500_000n);
  });

  it("refuses a first payment above the limit and writes nothing", async () => {
    const { store, database } = await openStore(backend);
    const before = await snapshotStore(database);
    const refused = await store.hold({ ...base, paymentId: "big", amountMinor: 500_001n });
    expect(refused).toEqual({ ok: false, code: "limit_exceeded", usedMinor: 0n });
    expect(await snapshotStore(database)).toEqual(before);
  });

  it("answers a retried hold again without counting it twice, even concurrently", async () => {
    const { store } = await openStore(backend);
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => store.hold({ ...base, paymentId: "same" })),
    );
    expect(outcomes.filter((outcome) => outcome.ok && !outcome.replayed)).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.ok && outcome.replayed)).toHaveLength(4);
    expect(await store.used(keyOf(base))).toBe(30_000n);
  });

  it("gives a released payment's amount back once, and a release of nothing is a no-op", async () => {
    const { store, database } = await openStore(backend);
    await store.hold({ ...base, paymentId: "p-1" });
    await store.hold({ ...base, paymentId: "p-2" });
    const released = await Promise.all([store.release("p-1"), store.release("p-1")]);
    expect(released.sort()).toEqual([false, true]);
    expect(await store.release("p-1")).toBe(false);
    expect(await store.used(keyOf(base))).toBe(30_000n);
    const before = await snapshotStore(database);
    expect(await store.release("never-held")).toBe(false);
    expect(await snapshotStore(database)).toEqual(before);
    // Released, the room is there again for another payment.
    expect((await store.hold({ ...base, paymentId: "p-3", amountMinor: 470_000n })).ok).toBe(true);
  });

  it("counts a level without a limit, and never refuses it", async () => {
    const { store } = await openStore(backend);
    const unlimited = { ...base, level: "A" as const, limitMinor: null };
    for (const [index, amount] of [9_000_000_000_000n, 1n].entries()) {
      const held = await store.hold({ ...unlimited, paymentId: `a-${index}`, amountMinor: amount });
      expect(held.ok).toBe(true);
    }
    expect(await store.used(keyOf(unlimited))).toBe(9_000_000_000_001n);
  });

  it("counts each payer, customer, day, currency and level apart", async () => {
    const { store } = await openStore(backend);
    const full = { ...base, amountMinor: 500_000n };
    const variants = [
      full,
      { ...full, payerId: "wallet-beta" },
      { ...full, customerRef: "customer-0002" },
      { ...full, day: "2026-12-08" },
      { ...full, currency: "HKD" },
      { ...full, level: "C" as const, amountMinor: 100_000n, limitMinor: 100_000n },
    ];
    for (const [index, variant] of variants.entries()) {
      expect((await store.hold({ ...variant, paymentId: `v-${index}` })).ok).toBe(true);
    }
    for (const variant of variants) {
      expect(await store.used(keyOf(variant))).toBe(variant.amountMinor);
    }
  });

  it("stores the customer reference only as its SHA-256", async () => {
    const { store, database } = await openStore(backend);
    await store.hold({ ...base, paymentId: "p-1" });
    const snapshot = await snapshotStore(database);
    const written = [
      ...(snapshot.get("barcode_limit_holds") ?? []),
      ...(snapshot.get("barcode_daily_usage") ?? []),
    ].join("\n");
    expect(written).not.toContain(base.customerRef);
    expect(written).toContain(customerKeyOf(base.customerRef));
    expect(customerKeyOf("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});
