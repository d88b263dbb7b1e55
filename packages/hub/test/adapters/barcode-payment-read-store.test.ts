/**
 * The operator's read store of barcode payments on both backends: filters combine, the list is
 * newest first, and a keyset cursor pages through payments sharing a creation time without gaps
 * or repeats; a payment is found by the hub's payment id.
 */
import { afterEach, expect, it } from "vitest";
import { KyselyBarcodePaymentReadStore } from "../../src/adapters/store/kysely-barcode-payment-read-store.ts";
import { KyselyBarcodePaymentStore } from "../../src/adapters/store/kysely-barcode-payment-store.ts";
import { KyselyParticipantStore } from "../../src/adapters/store/kysely-participant-store.ts";
import type { BarcodePaymentCursor } from "../../src/app/ports/barcode-payment-read-store.ts";
import {
  type BarcodeInstrument,
  type BarcodePayment,
  type BarcodePaymentState,
  barcodePaymentIdOf,
} from "../../src/domain/barcode/barcode-payment.ts";
import { describeEachBackend, openTestDatabase } from "../support/backends.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Shape {
  readonly id: string;
  readonly at: number;
  readonly issuerId?: string;
  readonly acquirerId?: string;
  readonly merchantId?: string;
  readonly state?: BarcodePaymentState;
  readonly instrument?: BarcodeInstrument;
}

function payment(shape: Shape): BarcodePayment {
  const initiatorId = shape.issuerId ?? "wallet-a";
  return {
    initiatorId,
    id: shape.id,
    paymentId: barcodePaymentIdOf(initiatorId, shape.id),
    instrument: shape.instrument ?? "static_qr",
    issuerId: initiatorId,
    acquirerId: shape.acquirerId ?? "bank-alpha",
    merchantId: shape.merchantId ?? "store-7",
    amountMinor: 750n,
    currency: "EUR",
    orderReference: null,
    sealedNumber: null,
    maskedNumber: null,
    customerKey: null,
    verificationLevel: "D",
    requestHash: "0".repeat(64),
    state: shape.state ?? "succeeded",
    authorizationCode: null,
    failureCode: null,
    failureText: null,
    refundedMinor: 0n,
    nextInquiryAt: shape.at,
    inquiries: 0,
    createdAt: shape.at,
    updatedAt: shape.at,
    settledAt: shape.at,
  };
}

describeEachBackend("barcode payment read store", (backend) => {
  async function storeWith(shapes: readonly Shape[]) {
    const test = await openTestDatabase(backend);
    cleanups.push(() => test.dispose());
    const { kysely, dialect } = test.database;
    const participants = new KyselyParticipantStore(kysely);
    for (const [id, kind] of [
      ["wallet-a", "payment_institution"],
      ["wallet-b", "payment_institution"],
      ["bank-alpha", "bank"],
      ["bank-beta", "bank"],
    ] as const) {
      await participants.createParticipant(
        { id, name: id, kind, status: "active", createdAt: 1 },
        [],
      );
    }
    const writer = new KyselyBarcodePaymentStore(kysely, dialect);
    for (const shape of shapes) await writer.insert(payment(shape), []);
    return new KyselyBarcodePaymentReadStore(kysely);
  }

  it("filters by issuer, acquirer, merchant, state and instrument, newest first", async () => {
    const reads = await storeWith([
      { id: "p1", at: 1_000 },
      { id: "p2", at: 2_000, issuerId: "wallet-b" },
      { id: "p3", at: 3_000, acquirerId: "bank-beta", merchantId: "store-9" },
      { id: "p4", at: 4_000, state: "declined", instrument: "payment_code" },
    ]);
    const ids = async (filter: Parameters<typeof reads.list>[0]) =>
      (await reads.list(filter, 10)).map((found) => found.id);
    expect(await ids({})).toEqual(["p4", "p3", "p2", "p1"]);
    expect(await ids({ issuerId: "wallet-b" })).toEqual(["p2"]);
    expect(await ids({ acquirerId: "bank-beta" })).toEqual(["p3"]);
    expect(await ids({ merchantId: "store-7", acquirerId: "bank-alpha" })).toEqual([
      "p4",
      "p2",
      "p1",
    ]);
    expect(await ids({ state: "declined" })).toEqual(["p4"]);
    expect(await ids({ instrument: "static_qr", issuerId: "wallet-a" })).toEqual(["p3", "p1"]);
    expect(await ids({ state: "pending" })).toEqual([]);
    const found = await reads.findByPaymentId(barcodePaymentIdOf("wallet-a", "p3"));
    expect(found).toMatchObject({ id: "p3", acquirerId: "bank-beta", amountMinor: 750n });
    expect(await reads.findByPaymentId("bc-none")).toBeUndefined();
  });

  it("pages through payments sharing a creation time without gaps or repeats", async () => {
    const shapes = Array.from({ length: 7 }, (_, index) => ({
      id: `p${index}`,
      at: index < 5 ? 5_000 : 9_000,
    }));
    const reads = await storeWith(shapes);
    const seen: string[] = [];
    let after: BarcodePaymentCursor | undefined;
    for (let page = 0; page < 10; page += 1) {
      const found = await reads.list({}, 2, after);
      seen.push(...found.map((p) => p.id));
      const last = found.at(-1);
      if (found.length < 2 || last === undefined) break;
      after = { createdAt: last.createdAt, paymentId: last.paymentId };
    }
    expect([...seen].sort()).toEqual(shapes.map((shape) => shape.id).sort());
    expect(new Set(seen).size).toBe(shapes.length);
    expect(seen.slice(0, 2).sort()).toEqual(["p5", "p6"]);
  });
});
