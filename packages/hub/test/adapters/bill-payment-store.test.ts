/**
 * The bill payment store's contract, declared once and run against every implementation: in
 * memory, and the store on SQLite and PostgreSQL. A payment is recorded once under its key (the
 * one stored is answered to a second insert), found by its biller's posting id, written only
 * from the state read, and claimed for take-up by one claimer at a time, with its lease.
 */
import { afterEach, describe, expect, it } from "vitest";
import { MemoryBillPaymentStore } from "../../src/adapters/memory/memory-bill-payment-store.ts";
import { KyselyBillPaymentStore } from "../../src/adapters/store/kysely-bill-payment-store.ts";
import type { BillPaymentStore } from "../../src/app/ports/bill-payment-store.ts";
import { type BillPayment, postingIdOf } from "../../src/domain/bill-payments/bill-payment.ts";
import { describeEachBackend, openTestDatabase } from "../support/backends.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function payment(id: string, changes: Partial<BillPayment> = {}): BillPayment {
  return {
    channelId: "wallet-a",
    id,
    billerId: "water-co",
    billRef: null,
    sealedParameters: "sealed",
    parametersHash: "h",
    billNumber: null,
    // Beyond 2^53: an amount a float would round.
    amountMinor: 9_007_199_254_740_993n,
    feeMinor: 9_007_199_254_740_995n,
    currency: "EUR",
    requestHash: "r",
    state: "accepted",
    postingId: postingIdOf("wallet-a", id),
    receiptNumber: null,
    failureCode: null,
    failureText: null,
    failAt: 10_000,
    nextInquiryAt: 100,
    inquiries: 0,
    createdAt: 50,
    updatedAt: 50,
    postedAt: null,
    reversedAt: null,
    ...changes,
  };
}

function contract(open: () => Promise<BillPaymentStore>) {
  it("records a payment once and answers the stored one to a second insert", async () => {
    const store = await open();
    expect(await store.insert(payment("p1"))).toMatchObject({ created: true });
    const again = await store.insert(payment("p1", { requestHash: "other" }));
    expect(again.created).toBe(false);
    expect(again.payment.requestHash).toBe("r");
    expect(await store.find("wallet-a", "p1")).toEqual(payment("p1"));
    expect(await store.findByPosting("water-co", postingIdOf("wallet-a", "p1"))).toEqual(
      payment("p1"),
    );
    expect(await store.findByPosting("gas-co", postingIdOf("wallet-a", "p1"))).toBeUndefined();
  });

  it("writes only from the state read, with the take-up count left to claims", async () => {
    const store = await open();
    await store.insert(payment("p1"));
    const posted = payment("p1", { state: "posted", receiptNumber: "R-1", postedAt: 70 });
    expect(await store.update(posted, "posting")).toEqual({
      ok: false,
      code: "bill_payment_state_conflict",
    });
    expect(await store.update({ ...posted, inquiries: 9 }, "accepted")).toMatchObject({ ok: true });
    expect(await store.find("wallet-a", "p1")).toMatchObject({
      state: "posted",
      receiptNumber: "R-1",
      inquiries: 0,
    });
  });

  it("claims unsettled payments due, oldest first, once each until the lease passes", async () => {
    const store = await open();
    await store.insert(payment("p1", { nextInquiryAt: 200 }));
    await store.insert(payment("p2", { nextInquiryAt: 100, state: "posting" }));
    await store.insert(payment("p3", { nextInquiryAt: 100, state: "posted" }));
    await store.insert(payment("p4", { nextInquiryAt: 900 }));
    const oldest = await store.claimDueInquiries(500, 1, 1_000);
    expect(oldest.map((p) => [p.id, p.inquiries, p.nextInquiryAt])).toEqual([["p2", 1, 1_500]]);
    expect((await store.claimDueInquiries(500, 10, 1_000)).map((p) => p.id)).toEqual(["p1"]);
    expect(await store.claimDueInquiries(600, 10, 1_000)).toEqual([]);
    expect((await store.claimDueInquiries(1_499, 10, 1_000)).map((p) => p.id)).toEqual(["p4"]);
  });

  it("lists the failed postings, newest first", async () => {
    const store = await open();
    await store.insert(payment("p1", { state: "posting_failed", updatedAt: 10 }));
    await store.insert(payment("p2", { state: "posting_failed", updatedAt: 20 }));
    await store.insert(payment("p3", { state: "posted" }));
    expect((await store.listFailed(10)).map((p) => p.id)).toEqual(["p2", "p1"]);
  });
}

describe("MemoryBillPaymentStore", () => {
  contract(async () => new MemoryBillPaymentStore());
});

describeEachBackend("KyselyBillPaymentStore", (backend) => {
  contract(async () => {
    const test = await openTestDatabase(backend);
    cleanups.push(() => test.dispose());
    const db = test.database.kysely;
    for (const [id, kind] of [
      ["wallet-a", "payment_institution"],
      ["water-co", "biller"],
    ]) {
      await db
        .insertInto("participants")
        .values({
          id: id as string,
          name: id as string,
          kind: kind as string,
          status: "active",
          created_at: 1n,
        })
        .execute();
    }
    return new KyselyBillPaymentStore(db, test.database.dialect);
  });
});
