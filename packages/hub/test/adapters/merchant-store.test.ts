/**
 * The merchant and routing-table stores on both backends: a merchant's key is its acquirer and
 * its id, taken once; only active merchants change; an acquirer's merchants page newest first
 * without gaps or repeats. The routing table refuses an overlapping prefix inside its
 * transaction, writes each change with its audit entry, and writes nothing when it refuses.
 */
import { afterEach, expect, it } from "vitest";
import { KyselyAuditLogStore } from "../../src/adapters/store/kysely-audit-log-store.ts";
import { KyselyCodePrefixStore } from "../../src/adapters/store/kysely-code-prefix-store.ts";
import { KyselyMerchantStore } from "../../src/adapters/store/kysely-merchant-store.ts";
import type { AuditRecord } from "../../src/domain/audit/audit-entry.ts";
import type { CodePrefixEntry } from "../../src/domain/barcode/code-prefix.ts";
import type { Merchant } from "../../src/domain/barcode/merchant.ts";
import { snapshotStore } from "../api/store-snapshot.ts";
import { type Backend, describeEachBackend, openTestDatabase } from "../support/backends.ts";
import { testActor } from "../support/test-actor.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openStores(backend: Backend) {
  const test = await openTestDatabase(backend);
  cleanups.push(() => test.dispose());
  const { kysely, dialect } = test.database;
  return {
    database: test.database,
    merchants: new KyselyMerchantStore(kysely),
    prefixes: new KyselyCodePrefixStore(kysely, dialect),
    audit: new KyselyAuditLogStore(kysely),
  };
}

function merchant(merchantId: string, createdAt: number, acquirerId = "bank-alpha"): Merchant {
  return {
    acquirerId,
    merchantId,
    name: "Tea House Lin",
    merchantCategoryCode: "5814",
    city: "Hangzhou",
    countryCode: "CN",
    status: "active",
    createdAt,
    updatedAt: createdAt,
  };
}

function prefixEntry(prefix: string, issuerId = "wallet-alpha"): CodePrefixEntry {
  return { prefix, issuerId, instrument: "payment_code", createdAt: 1_700_000_000_000 };
}

const audit = (action: "code_prefix.assign" | "code_prefix.remove"): AuditRecord => ({
  at: 1,
  actor: testActor,
  action,
  subject: "code_prefix:test",
  details: {},
});

describeEachBackend("merchant store", (backend) => {
  it("takes a key once, per acquirer", async () => {
    const { merchants } = await openStores(backend);
    expect(await merchants.insert(merchant("m1", 10))).toBe(true);
    expect(await merchants.insert({ ...merchant("m1", 20), name: "Other" })).toBe(false);
    expect(await merchants.insert(merchant("m1", 30, "wallet-beta"))).toBe(true);
    expect(await merchants.find("bank-alpha", "m1")).toEqual(merchant("m1", 10));
    expect(await merchants.find("wallet-beta", "m1")).toEqual(merchant("m1", 30, "wallet-beta"));
    expect(await merchants.find("bank-alpha", "M1")).toBeUndefined();
  });

  it("changes and closes only active merchants", async () => {
    const { merchants } = await openStores(backend);
    await merchants.insert(merchant("m1", 10));
    const fields = {
      name: "Lin's",
      merchantCategoryCode: "5812",
      city: "Ningbo",
      countryCode: "CN",
    };
    expect(await merchants.updateFields("bank-alpha", "m1", fields, 20)).toBe(true);
    expect(await merchants.close("bank-alpha", "m1", 30)).toBe(true);
    expect(await merchants.close("bank-alpha", "m1", 40)).toBe(false);
    expect(await merchants.updateFields("bank-alpha", "m1", { ...fields, city: "X" }, 50)).toBe(
      false,
    );
    expect(await merchants.updateFields("bank-alpha", "nobody", fields, 50)).toBe(false);
    expect(await merchants.find("bank-alpha", "m1")).toEqual({
      ...merchant("m1", 10),
      ...fields,
      status: "closed",
      updatedAt: 30,
    });
  });

  it("pages an acquirer's merchants newest first, ties by id, no gaps or repeats", async () => {
    const { merchants } = await openStores(backend);
    const ids = ["a", "b", "c", "d", "e", "f", "g"];
    // Three share a creation time, so the cursor's id part decides.
    for (const [i, id] of ids.entries())
      await merchants.insert(merchant(id, i < 3 ? 100 : 100 + i));
    await merchants.insert(merchant("zz", 999, "wallet-beta"));
    const seen: string[] = [];
    let page = await merchants.list("bank-alpha", 2);
    while (page.length > 0) {
      seen.push(...page.map((m) => m.merchantId));
      const last = page.at(-1) as Merchant;
      page = await merchants.list("bank-alpha", 2, {
        createdAt: last.createdAt,
        merchantId: last.merchantId,
      });
    }
    expect(seen).toEqual(["g", "f", "e", "d", "c", "b", "a"]);
  });
});

describeEachBackend("code prefix store", (backend) => {
  it("inserts with its audit entry and lists by prefix", async () => {
    const { prefixes, audit: log } = await openStores(backend);
    expect(await prefixes.insert(prefixEntry("63"), audit("code_prefix.assign"))).toEqual({
      ok: true,
    });
    expect(
      await prefixes.insert(prefixEntry("6201", "card-issuer"), audit("code_prefix.assign")),
    ).toEqual({ ok: true });
    expect((await prefixes.list()).map((e) => e.prefix)).toEqual(["6201", "63"]);
    expect(await prefixes.list()).toContainEqual(prefixEntry("6201", "card-issuer"));
    expect((await log.list({ limit: 10 })).map((e) => e.action)).toEqual([
      "code_prefix.assign",
      "code_prefix.assign",
    ]);
  });

  it("refuses an overlapping or equal prefix and writes nothing", async () => {
    const { prefixes, database } = await openStores(backend);
    await prefixes.insert(prefixEntry("6201"), audit("code_prefix.assign"));
    const before = await snapshotStore(database);
    for (const overlapping of ["62", "6201", "620155"]) {
      expect(
        await prefixes.insert(prefixEntry(overlapping, "other"), audit("code_prefix.assign")),
      ).toEqual({ ok: false, overlaps: prefixEntry("6201") });
    }
    expect(await snapshotStore(database)).toEqual(before);
  });

  it("lets only one of two overlapping assignments made at once in", async () => {
    const { prefixes } = await openStores(backend);
    const outcomes = await Promise.all(
      ["62", "621", "6210", "62109"].map((prefix) =>
        prefixes.insert(prefixEntry(prefix), audit("code_prefix.assign")),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(await prefixes.list()).toHaveLength(1);
  });

  it("removes with its audit entry; a missing prefix writes nothing", async () => {
    const { prefixes, audit: log, database } = await openStores(backend);
    await prefixes.insert(prefixEntry("62"), audit("code_prefix.assign"));
    expect(await prefixes.remove("62", audit("code_prefix.remove"))).toBe(true);
    const before = await snapshotStore(database);
    expect(await prefixes.remove("62", audit("code_prefix.remove"))).toBe(false);
    expect(await snapshotStore(database)).toEqual(before);
    expect(await prefixes.list()).toEqual([]);
    // Newest first.
    expect((await log.list({ limit: 10 })).map((e) => e.action)).toEqual([
      "code_prefix.remove",
      "code_prefix.assign",
    ]);
  });
});
