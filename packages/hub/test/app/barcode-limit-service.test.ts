/**
 * The barcode limit service over the real stores on both backends: the migration's CNY
 * defaults per level, a currency without limits refused, the remaining amount on a refusal, the
 * day counted as the calendar day in the configured time zone, limits set with their audit
 * entry (bad ones refused writing nothing) and applied at once on this node.
 */
import { afterEach, expect, it } from "vitest";
import { KyselyAuditLogStore } from "../../src/adapters/store/kysely-audit-log-store.ts";
import { KyselyBarcodeLimitStore } from "../../src/adapters/store/kysely-barcode-limit-store.ts";
import { KyselyBarcodeUsageStore } from "../../src/adapters/store/kysely-barcode-usage-store.ts";
import {
  type BarcodeHoldInput,
  BarcodeLimitService,
} from "../../src/app/barcode-limits/barcode-limit-service.ts";
import { cnyDefaultLimits } from "../../src/domain/barcode/barcode-limits.ts";
import { snapshotStore } from "../api/store-snapshot.ts";
import { type Backend, describeEachBackend, openTestDatabase } from "../support/backends.ts";
import { testActor } from "../support/test-actor.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** 2026-12-07 15:30 UTC: 23:30 in Shanghai, still the 7th there. */
const at = Date.UTC(2026, 11, 7, 15, 30);

async function openService(backend: Backend) {
  const test = await openTestDatabase(backend);
  cleanups.push(() => test.dispose());
  const usage = new KyselyBarcodeUsageStore(test.database.kysely);
  const service = new BarcodeLimitService({
    limits: new KyselyBarcodeLimitStore(test.database.kysely),
    usage,
    timeZone: "Asia/Shanghai",
    clock: () => at,
  });
  return { database: test.database, service, usage };
}

let paymentSeq = 0;
function payment(overrides: Partial<BarcodeHoldInput> = {}): BarcodeHoldInput {
  paymentSeq += 1;
  return {
    paymentId: `pay-${paymentSeq}`,
    payerId: "wallet-alpha",
    customerRef: "cust-42",
    level: "B",
    amount: 100_000n,
    currency: "CNY",
    at,
    ...overrides,
  };
}

describeEachBackend("barcode limit service", (backend) => {
  it("starts from the CNY defaults the migration seeds", async () => {
    const { service } = await openService(backend);
    expect(await service.table()).toEqual(new Map([["CNY", cnyDefaultLimits]]));
  });

  it("holds each level up to its CNY limit and answers what remains past it", async () => {
    const { service } = await openService(backend);
    for (const [level, limit] of [
      ["B", 500_000n],
      ["C", 100_000n],
      ["D", 50_000n],
    ] as const) {
      expect(await service.hold(payment({ level, amount: limit - 100n }))).toEqual({ ok: true });
      expect(await service.hold(payment({ level, amount: 101n }))).toEqual({
        ok: false,
        code: "limit_exceeded",
        remaining: 100n,
        limit,
      });
      expect(await service.hold(payment({ level, amount: 100n }))).toEqual({ ok: true });
    }
    // Level A: by agreement, no limit at the hub.
    expect(await service.hold(payment({ level: "A", amount: 10_000_000_000n }))).toEqual({
      ok: true,
    });
  });

  it("refuses a currency with no limits and writes nothing", async () => {
    const { service, database } = await openService(backend);
    const before = await snapshotStore(database);
    expect(await service.hold(payment({ currency: "HKD" }))).toEqual({
      ok: false,
      code: "currency_has_no_limits",
    });
    expect(await snapshotStore(database)).toEqual(before);
  });

  it("counts the calendar day in the configured time zone", async () => {
    const { service, usage } = await openService(backend);
    const key = { payerId: "wallet-alpha", customerRef: "cust-42", currency: "CNY", level: "D" };
    await service.hold(payment({ level: "D", amount: 50_000n }));
    // 16:30 UTC is 00:30 on the 8th in Shanghai: a new day with the whole limit again.
    const nextDay = at + 60 * 60_000;
    expect(service.dayOf(at)).toBe("2026-12-07");
    expect(service.dayOf(nextDay)).toBe("2026-12-08");
    expect(await service.hold(payment({ level: "D", amount: 50_000n, at: nextDay }))).toEqual({
      ok: true,
    });
    expect(await usage.used({ ...key, level: "D", day: "2026-12-07" })).toBe(50_000n);
    expect(await usage.used({ ...key, level: "D", day: "2026-12-08" })).toBe(50_000n);
  });

  it("answers a retried payment again and gives a released one's amount back", async () => {
    const { service } = await openService(backend);
    const full = payment({ level: "C", amount: 100_000n });
    expect(await service.hold(full)).toEqual({ ok: true });
    expect(await service.hold(full)).toEqual({ ok: true });
    expect(await service.hold(payment({ level: "C", amount: 1n }))).toMatchObject({
      code: "limit_exceeded",
      remaining: 0n,
    });
    expect(await service.release(full.paymentId)).toBe(true);
    expect(await service.release(full.paymentId)).toBe(false);
    expect(await service.hold(payment({ level: "C", amount: 100_000n }))).toEqual({ ok: true });
  });

  it("sets a currency's limits with their audit entry, applied at once", async () => {
    const { service, database } = await openService(backend);
    const hkd = { A: null, B: 600_000n, C: 120_000n, D: 0n };
    expect(await service.hold(payment({ currency: "HKD" }))).toMatchObject({
      code: "currency_has_no_limits",
    });
    expect(await service.set("HKD", hkd, testActor)).toEqual({ ok: true, value: hkd });
    expect(await service.hold(payment({ currency: "HKD", level: "D", amount: 1n }))).toEqual({
      ok: false,
      code: "limit_exceeded",
      remaining: 0n,
      limit: 0n,
    });
    expect(await service.hold(payment({ currency: "HKD", level: "C" }))).toEqual({ ok: true });
    const lowered = { ...cnyDefaultLimits, B: 1_000n };
    await service.set("CNY", lowered, testActor);
    expect(await service.table()).toEqual(
      new Map([
        ["CNY", lowered],
        ["HKD", hkd],
      ]),
    );
    const audit = await new KyselyAuditLogStore(database.kysely).list({ limit: 10 });
    expect(audit.map((entry) => [entry.action, entry.subject, entry.details])).toEqual([
      [
        "barcode_limits.set",
        "barcode_limits:CNY",
        { currency: "CNY", A: null, B: "10.00", C: "1000.00", D: "500.00" },
      ],
      [
        "barcode_limits.set",
        "barcode_limits:HKD",
        { currency: "HKD", A: null, B: "6000.00", C: "1200.00", D: "0.00" },
      ],
    ]);
  });

  it("refuses bad limits and writes nothing", async () => {
    const { service, database } = await openService(backend);
    const before = await snapshotStore(database);
    expect(await service.set("XXX", cnyDefaultLimits, testActor)).toEqual({
      ok: false,
      code: "currency_unknown",
    });
    expect(await service.set("CNY", { ...cnyDefaultLimits, B: -1n }, testActor)).toEqual({
      ok: false,
      code: "barcode_limit_invalid",
    });
    expect(await snapshotStore(database)).toEqual(before);
  });
});
