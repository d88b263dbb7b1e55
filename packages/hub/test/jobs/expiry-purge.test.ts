/**
 * The expiry purge keeps rows for as long as it is told past their expiry: a presented bill
 * stays to answer `bill_ref_expired` for its retention, then goes.
 */
import { expect, it } from "vitest";
import { MemoryBillPresentmentStore } from "../../src/adapters/memory/memory-bill-presentment-store.ts";
import type { BillPresentment } from "../../src/app/ports/bill-presentment-store.ts";
import { ExpiryPurge, expiryPurgeDefaults } from "../../src/jobs/expiry-purge.ts";

const day = 24 * 3_600_000;

function presented(billRef: string, expiresAtMs: number): BillPresentment {
  return {
    billRef,
    channelId: "wallet-alpha",
    billerId: "water-city",
    customerParameters: { account_number: "79927398713" },
    customerParamsHash: "a".repeat(64),
    bill: {
      billNumber: billRef,
      currency: { code: "CNY", minorUnits: 2 },
      amountDueMinor: 86_40n,
      dueDate: "2026-12-20",
    },
    presentedAtMs: expiresAtMs - 30 * 60_000,
    expiresAtMs,
  };
}

it("deletes a presentment only once it is past its expiry by the retention", async () => {
  const store = new MemoryBillPresentmentStore();
  const expiredAt = Date.UTC(2026, 11, 1);
  await store.save([presented("br-1", expiredAt), presented("br-2", expiredAt + day)]);
  let now = expiredAt + 7 * day;
  const purge = new ExpiryPurge(
    store,
    { ...expiryPurgeDefaults, keepAfterExpiryMs: 7 * day },
    () => now,
  );

  expect(await purge.purge()).toBe(0);
  expect(await store.find("wallet-alpha", "br-1")).toBeDefined();
  now += 1;
  expect(await purge.purge()).toBe(1);
  expect(await store.find("wallet-alpha", "br-1")).toBeUndefined();
  expect(await store.find("wallet-alpha", "br-2")).toBeDefined();
});
