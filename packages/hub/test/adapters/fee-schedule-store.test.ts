/**
 * The fee schedule store on both backends: a schedule is inserted or replaced by its key with
 * its audit entry in one transaction, int8 extremes read back exactly, the network default and
 * a payer's own are distinct keys, and removing a missing schedule writes nothing.
 */
import { afterEach, expect, it } from "vitest";
import { KyselyAuditLogStore } from "../../src/adapters/store/kysely-audit-log-store.ts";
import { KyselyFeeScheduleStore } from "../../src/adapters/store/kysely-fee-schedule-store.ts";
import type { AuditRecord } from "../../src/domain/audit/audit-entry.ts";
import type { StoredFeeSchedule } from "../../src/domain/fees/fee-schedule.ts";
import { amountMinorMax } from "../../src/domain/money/amount.ts";
import { snapshotStore } from "../api/store-snapshot.ts";
import { type Backend, describeEachBackend, openTestDatabase } from "../support/backends.ts";
import { testActor } from "../support/test-actor.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const schedule: StoredFeeSchedule = {
  transactionType: "transfer",
  participantId: null,
  currency: "CNY",
  fixedMinor: 10n,
  basisPoints: 25,
  minimumMinor: 50n,
  maximumMinor: 2000n,
  updatedAt: Date.UTC(2026, 0, 5, 9),
  updatedBy: "alice",
};

function audit(action: "fee_schedule.set" | "fee_schedule.remove"): AuditRecord {
  return { at: 1, actor: testActor, action, subject: "fee_schedule:test", details: {} };
}

async function openStore(backend: Backend) {
  const test = await openTestDatabase(backend);
  cleanups.push(() => test.dispose());
  return {
    database: test.database,
    store: new KyselyFeeScheduleStore(test.database.kysely),
    audit: new KyselyAuditLogStore(test.database.kysely),
  };
}

describeEachBackend("fee schedule store", (backend) => {
  it("inserts, then replaces by key, each with its audit entry", async () => {
    const { store, audit: log } = await openStore(backend);
    await store.put(schedule, audit("fee_schedule.set"));
    const changed = { ...schedule, basisPoints: 30, maximumMinor: null, updatedBy: "bob" };
    await store.put(changed, audit("fee_schedule.set"));
    expect(await store.list()).toEqual([changed]);
    expect((await log.list({ limit: 10 })).map((entry) => entry.action)).toEqual([
      "fee_schedule.set",
      "fee_schedule.set",
    ]);
  });

  it("keeps the default and each payer's own apart, listed default first", async () => {
    const { store } = await openStore(backend);
    const own = { ...schedule, participantId: "wallet-a", fixedMinor: 1n };
    const payout = { ...schedule, transactionType: "payout" as const };
    await store.put(own, audit("fee_schedule.set"));
    await store.put(payout, audit("fee_schedule.set"));
    await store.put(schedule, audit("fee_schedule.set"));
    expect(await store.list()).toEqual([payout, schedule, own]);
  });

  it("reads int8 extremes back exactly", async () => {
    const { store } = await openStore(backend);
    const extreme = {
      ...schedule,
      fixedMinor: amountMinorMax,
      basisPoints: 10_000,
      minimumMinor: amountMinorMax,
      maximumMinor: amountMinorMax,
    };
    await store.put(extreme, audit("fee_schedule.set"));
    expect(await store.list()).toEqual([extreme]);
  });

  it("refuses a negative value or a minimum above the maximum in the database too", async () => {
    const { store, database } = await openStore(backend);
    const before = await snapshotStore(database);
    await expect(
      store.put({ ...schedule, fixedMinor: -1n }, audit("fee_schedule.set")),
    ).rejects.toThrow();
    await expect(
      store.put({ ...schedule, minimumMinor: 3000n }, audit("fee_schedule.set")),
    ).rejects.toThrow();
    expect(await snapshotStore(database)).toEqual(before);
  });

  it("removes by key with an audit entry, and writes nothing when there is none", async () => {
    const { store, database } = await openStore(backend);
    await store.put(schedule, audit("fee_schedule.set"));
    const before = await snapshotStore(database);
    expect(
      await store.remove({ ...schedule, participantId: "wallet-a" }, audit("fee_schedule.remove")),
    ).toBe(false);
    expect(await snapshotStore(database)).toEqual(before);
    expect(await store.remove(schedule, audit("fee_schedule.remove"))).toBe(true);
    expect(await store.list()).toEqual([]);
  });
});
