/**
 * Merchant-presented QR payments end to end over the signed participant API, on each store: a
 * payer's institution sends the EMVCo payload its customer scanned; the hub checks it, resolves
 * the merchant, applies the customer's daily limit and clears payer → acquirer at once. A
 * dynamic code pays once and not after its expiry; a static code counts at level D; concurrent
 * payments at a limit never pass it together; bad payloads (fuzzed too) are refused with their
 * stable code, never a 5xx, and write nothing.
 */

import fc from "fast-check";
import { expect, it } from "vitest";
import { replayedHeader } from "../../src/api/participant/create-transfer-route.ts";
import { describeEachBackend } from "../support/backends.ts";
import { ManualClock } from "../support/manual-clock.ts";
import { expectProblem, useApiHarness } from "./api-harness.ts";
import { openBarcodeParties, storeSevenPayload } from "./barcode-network.ts";
import { position } from "./bill-payment-network.ts";
import { onboardParticipant, type ParticipantClient } from "./participant-client.ts";
import { type StoreSnapshot, snapshotStore, storeChanges } from "./store-snapshot.ts";

const clock = new ManualClock();

function dynamicPayload(reference: string, amount: string, expiresInMs = 120_000): string {
  return storeSevenPayload({
    initiation: "dynamic",
    amount,
    reference,
    expiresAt: clock.now() + expiresInMs,
  });
}

const customer = (level: "A" | "B" | "C" | "D" = "B", customerRef = "cust-1") => ({
  customerRef,
  verificationLevel: level,
});

describeEachBackend("merchant-presented QR payments", (backend) => {
  const api = useApiHarness(backend, { barcodeClock: clock.now });

  async function network(): Promise<{ payer: ParticipantClient; acquirer: ParticipantClient }> {
    const { issuer, acquirer } = await openBarcodeParties(api);
    return { payer: issuer, acquirer };
  }

  /** What was written since `before`, but the nonces every signed request leaves. */
  async function writtenSince(before: StoreSnapshot) {
    const { seen_nonces: _nonces, ...changes } = storeChanges(
      before,
      await snapshotStore(api.hub.database),
    );
    return changes;
  }

  it("pays a static code at once, payer to acquirer, and answers a retry without paying twice", async () => {
    const { payer, acquirer } = await network();
    const body = {
      id: "qr-1",
      payload: storeSevenPayload(),
      amount: "7.50",
      currency: "EUR",
      payer: customer("B"),
    };
    const paid = await payer.call("POST", "/v1/qr-payments", body);
    expect(paid.statusCode, paid.body).toBe(201);
    const payment = paid.json() as Record<string, unknown>;
    expect(payment).toMatchObject({
      id: "qr-1",
      instrument: "static_qr",
      issuerId: "wallet-a",
      acquirerId: "bank-alpha",
      merchantId: "store-7",
      amount: "7.50",
      state: "succeeded",
      // A static code counts at level D whatever the customer verified.
      verificationLevel: "D",
    });
    expect(await position(api, "wallet-a")).toBe(-750n);
    expect(await position(api, "bank-alpha")).toBe(750n);

    const again = await payer.call("POST", "/v1/qr-payments", body);
    expect(again.statusCode).toBe(201);
    expect(again.headers[replayedHeader.toLowerCase()]).toBe("true");
    expectProblem(
      await payer.call("POST", "/v1/qr-payments", { ...body, amount: "7.60" }),
      409,
      "idempotency_key_reused",
    );
    expect(await position(api, "bank-alpha")).toBe(750n);

    const seen = await acquirer.call("GET", `/v1/barcode-payments/${String(payment.paymentId)}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ paymentId: payment.paymentId, id: null, amount: "7.50" });
    const stranger = await onboardParticipant(api, "wallet-b", "payment_institution");
    expectProblem(
      await stranger.call("GET", `/v1/barcode-payments/${String(payment.paymentId)}`),
      404,
      "barcode_payment_not_found",
    );
  });

  it("pays a dynamic code once, for its own amount, and not after its expiry", async () => {
    const { payer, acquirer } = await network();
    const other = await onboardParticipant(api, "wallet-b", "payment_institution");
    const payload = dynamicPayload("ORDER-1", "12.30");
    expectProblem(
      await payer.call("POST", "/v1/qr-payments", {
        id: "d-0",
        payload,
        amount: "12.00",
        currency: "EUR",
        payer: customer(),
      }),
      422,
      "qr_amount_mismatch",
    );
    const paid = await payer.call("POST", "/v1/qr-payments", {
      id: "d-1",
      payload,
      payer: customer(),
    });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({
      instrument: "dynamic_qr",
      orderReference: "ORDER-1",
      amount: "12.30",
      verificationLevel: "B",
    });
    expectProblem(
      await other.call("POST", "/v1/qr-payments", { id: "d-2", payload, payer: customer() }),
      409,
      "qr_code_used",
    );
    const order = await acquirer.call("GET", "/v1/merchants/store-7/orders/ORDER-1/payments");
    expect(order.statusCode).toBe(200);
    expect(order.json()).toMatchObject({ items: [{ orderReference: "ORDER-1", amount: "12.30" }] });
    expect(await position(api, "bank-alpha")).toBe(1230n);

    const late = dynamicPayload("ORDER-2", "3.00", 60_000);
    clock.advance(60_001);
    expectProblem(
      await payer.call("POST", "/v1/qr-payments", { id: "d-3", payload: late, payer: customer() }),
      422,
      "qr_code_expired",
    );
    expect(await position(api, "bank-alpha")).toBe(1230n);
  });

  it("holds each customer to the day's limit of the level, and refusing writes nothing", async () => {
    const { payer } = await network();
    const pay = (id: string, amount: string, level: "B" | "C", customerRef = "cust-1") =>
      payer.call("POST", "/v1/qr-payments", {
        id,
        payload: dynamicPayload(`O-${id}`, amount),
        payer: customer(level, customerRef),
      });
    expect((await pay("c-1", "15.00", "C")).statusCode).toBe(201);
    const before = await snapshotStore(api.hub.database);
    const over = await pay("c-2", "5.01", "C");
    expectProblem(over, 422, "limit_exceeded");
    expect(await writtenSince(before)).toEqual({});
    // Another customer, and the same customer at another level, have their own sums.
    expect((await pay("c-3", "20.00", "C", "cust-2")).statusCode).toBe(201);
    expect((await pay("c-4", "5.01", "B")).statusCode).toBe(201);
    expect(await position(api, "wallet-a")).toBe(-4001n);
  });

  it("lets concurrent payments at the limit pass only as far as the limit", async () => {
    const { payer } = await network();
    const attempts = Array.from({ length: 20 }, (_, i) =>
      payer.call("POST", "/v1/qr-payments", {
        id: `race-${i}`,
        payload: dynamicPayload(`RACE-${i}`, "3.00"),
        payer: customer("B"),
      }),
    );
    const answers = await Promise.all(attempts);
    const passed = answers.filter((answer) => answer.statusCode === 201);
    const refused = answers.filter((answer) => answer.statusCode === 422);
    expect(passed).toHaveLength(16);
    expect(refused.map((answer) => answer.json().code)).toEqual(Array(4).fill("limit_exceeded"));
    expect(await position(api, "bank-alpha")).toBe(4800n);
  });

  it("refuses bad codes and unknown merchants with their stable codes, writing nothing", async () => {
    const { payer, acquirer } = await network();
    const good = storeSevenPayload();
    const cases: [string, string, number][] = [
      [`${good.slice(0, -4)}0000`, "qr_crc_invalid", 422],
      [storeSevenPayload({ merchantId: "store-404" }), "merchant_not_found", 404],
      ["hello", "qr_format_invalid", 422],
    ];
    const before = await snapshotStore(api.hub.database);
    for (const [payload, code, status] of cases) {
      const answer = await payer.call("POST", "/v1/qr-payments", {
        id: `bad-${code}`,
        payload,
        amount: "1.00",
        currency: "EUR",
        payer: customer(),
      });
      expectProblem(answer, status, code);
    }
    expectProblem(
      await payer.call("POST", "/v1/qr-payments", {
        id: "no-amount",
        payload: good,
        payer: customer(),
      }),
      422,
      "qr_amount_required",
    );
    expect(await writtenSince(before)).toEqual({});
    expect((await acquirer.call("POST", "/v1/merchants/store-7/close", {})).statusCode).toBe(200);
    expectProblem(
      await payer.call("POST", "/v1/qr-payments", {
        id: "closed",
        payload: good,
        amount: "1.00",
        currency: "EUR",
        payer: customer(),
      }),
      409,
      "merchant_closed",
    );
  });

  it("never answers a fuzzed payload with a 5xx, and pays only what decodes to a valid code", async () => {
    const { payer } = await network();
    const good = storeSevenPayload();
    const mutated = fc
      .tuple(fc.nat(good.length - 1), fc.string({ minLength: 0, maxLength: 4 }), fc.nat(3))
      .map(([at, text, cut]) => good.slice(0, at) + text + good.slice(at + cut));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated, fc.string({ maxLength: 80 })), async (payload) => {
        run += 1;
        const answer = await payer.call("POST", "/v1/qr-payments", {
          id: `fuzz-${run}`,
          payload: payload.length === 0 ? " " : payload,
          amount: "0.01",
          currency: "EUR",
          payer: customer(),
        });
        expect(answer.statusCode).toBeLessThan(500);
        if (answer.statusCode === 201) expect(answer.json()).toMatchObject({ state: "succeeded" });
      }),
      { numRuns: 60 },
    );
  });
});
