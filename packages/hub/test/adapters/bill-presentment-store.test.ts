/**
 * The bill presentment store's contract, declared once and run against every implementation:
 * in memory, and the store on SQLite and PostgreSQL. A presentment is found by its reference
 * only by the channel it was made to, with its amounts exact; at rest its customer parameters
 * are sealed, never plain.
 */
import { afterEach, describe, expect, it } from "vitest";
import { AesGcmFieldSealer } from "../../src/adapters/crypto/aes-gcm-field-sealer.ts";
import { dataKeyRing } from "../../src/adapters/crypto/data-key-ring.ts";
import { MemoryBillPresentmentStore } from "../../src/adapters/memory/memory-bill-presentment-store.ts";
import { KyselyBillPresentmentStore } from "../../src/adapters/store/kysely-bill-presentment-store.ts";
import type {
  BillPresentment,
  BillPresentmentStore,
} from "../../src/app/ports/bill-presentment-store.ts";
import { findCurrency } from "../../src/domain/money/currency.ts";
import { describeEachBackend, openTestDatabase } from "../support/backends.ts";
import { testKey } from "./crypto/data-key-fixtures.ts";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const cny = findCurrency("CNY") ?? { code: "CNY", minorUnits: 2 };

function presentment(billRef: string, changes: Partial<BillPresentment> = {}): BillPresentment {
  return {
    billRef,
    channelId: "wallet-alpha",
    billerId: "water-city",
    customerParameters: { accountNumber: "W10000001" },
    customerParamsHash: "a".repeat(64),
    customerName: "L* Wei",
    bill: {
      billNumber: "W-2026-11-0001",
      currency: cny,
      // Beyond 2^53: an amount that a float would round.
      amountDueMinor: 9_007_199_254_740_993n,
      amountMinMinor: 1n,
      amountMaxMinor: 9_007_199_254_740_999n,
      dueDate: "2026-12-20",
      period: { from: "2026-11-01", to: "2026-11-30" },
      description: "Water, November 2026",
    },
    presentedAtMs: 1_700_000_000_000,
    expiresAtMs: 1_700_001_800_000,
    ...changes,
  };
}

function presentmentStoreContract(open: () => Promise<BillPresentmentStore>): void {
  it("finds a presentment by its reference, whole and exact", async () => {
    const store = await open();
    const kept = presentment("br-1");
    await store.save([kept, presentment("br-2")]);
    expect(await store.find("wallet-alpha", "br-1")).toEqual(kept);
  });

  it("keeps a bill without its optional fields as such", async () => {
    const store = await open();
    const bare = presentment("br-3", {
      customerName: undefined,
      bill: { billNumber: "B-1", currency: cny, amountDueMinor: 1_00n, dueDate: "2026-12-01" },
    });
    const { customerName: _name, ...withoutName } = bare;
    await store.save([withoutName]);
    expect(await store.find("wallet-alpha", "br-3")).toEqual(withoutName);
  });

  it("shows a reference to no channel but its own, and nothing for an unknown one", async () => {
    const store = await open();
    await store.save([presentment("br-4")]);
    expect(await store.find("wallet-beta", "br-4")).toBeUndefined();
    expect(await store.find("wallet-alpha", "br-none")).toBeUndefined();
  });

  it("refuses a reference already taken, and writes nothing of that batch", async () => {
    const store = await open();
    await store.save([presentment("br-5")]);
    await expect(store.save([presentment("br-6"), presentment("br-5")])).rejects.toThrow();
    expect(await store.find("wallet-alpha", "br-6")).toBeUndefined();
  });

  it("purges presentments expired before the instant, oldest first, a bounded pass at a time", async () => {
    const store = await open();
    const expiring = (billRef: string, expiresAtMs: number) =>
      presentment(billRef, { expiresAtMs });
    await store.save([
      expiring("br-old", 1_000),
      expiring("br-older", 500),
      expiring("br-edge", 2_000),
      expiring("br-live", 3_000),
    ]);
    // One at most: the one expired longest ago goes first.
    expect(await store.purgeExpired(2_000, 1)).toBe(1);
    expect(await store.find("wallet-alpha", "br-older")).toBeUndefined();
    expect(await store.find("wallet-alpha", "br-old")).toBeDefined();
    // Expiring exactly at the instant is not yet before it.
    expect(await store.purgeExpired(2_000, 10)).toBe(1);
    expect(await store.find("wallet-alpha", "br-edge")).toBeDefined();
    expect(await store.find("wallet-alpha", "br-live")).toBeDefined();
    expect(await store.purgeExpired(2_000, 10)).toBe(0);
  });
}

describe("MemoryBillPresentmentStore", () => {
  presentmentStoreContract(async () => new MemoryBillPresentmentStore());
});

describeEachBackend("KyselyBillPresentmentStore", (backend) => {
  presentmentStoreContract(async () => {
    const test = await openTestDatabase(backend);
    cleanups.push(() => test.dispose());
    return new KyselyBillPresentmentStore(
      test.database.kysely,
      new AesGcmFieldSealer(dataKeyRing([testKey("k1")])),
    );
  });

  it("keeps the customer parameters sealed at rest", async () => {
    const test = await openTestDatabase(backend);
    cleanups.push(() => test.dispose());
    const store = new KyselyBillPresentmentStore(
      test.database.kysely,
      new AesGcmFieldSealer(dataKeyRing([testKey("k1")])),
    );
    await store.save([presentment("br-7")]);
    const row = await test.database.kysely
      .selectFrom("bill_presentments")
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row.customer_params_sealed).not.toContain("W10000001");
    expect(
      JSON.stringify(row, (_key, value) => (typeof value === "bigint" ? `${value}` : value)),
    ).not.toContain("W10000001");
  });
});
