/**
 * Refunds of barcode payments over the signed participant API, on each store: only the
 * payment's acquirer refunds it, in part or in full, never past its amount (concurrent refunds
 * included); a merchant-presented payment's refund clears at once acquirer → issuer and tells
 * both sides; a retry refunds once; a consumer-presented refund the issuer cannot be reached for
 * is declined and gives its amount back.
 */

import { expect, it } from "vitest";
import { replayedHeader } from "../../src/api/participant/create-transfer-route.ts";
import { describeEachBackend } from "../support/backends.ts";
import { ManualClock } from "../support/manual-clock.ts";
import { type ApiHarness, expectProblem, useApiHarness } from "./api-harness.ts";
import {
  openBarcodeParties,
  recordSucceededCodePayment,
  storeSevenPayload,
} from "./barcode-network.ts";
import { position } from "./bill-payment-network.ts";
import { onboardParticipant, type ParticipantClient } from "./participant-client.ts";
import { snapshotStore, storeChanges } from "./store-snapshot.ts";

const clock = new ManualClock();

const payload = storeSevenPayload();

async function outbox(api: ApiHarness) {
  const rows = await api.hub.database.kysely
    .selectFrom("webhook_deliveries")
    .select(["participant_id", "event_type"])
    .execute();
  return rows.map((row) => `${row.participant_id} ${row.event_type}`).sort();
}

describeEachBackend("barcode refunds", (backend) => {
  const api = useApiHarness(backend, { barcodeClock: clock.now });

  async function network(): Promise<{ issuer: ParticipantClient; acquirer: ParticipantClient }> {
    const { issuer, acquirer } = await openBarcodeParties(api);
    for (const party of [issuer, acquirer]) {
      const hooked = await party.call("POST", "/v1/webhook-endpoints", {
        id: "main",
        url: "https://hooks.example/clearhub",
        eventTypes: ["barcode_refund.succeeded", "barcode_refund.declined"],
      });
      expect(hooked.statusCode, hooked.body).toBe(201);
    }
    return { issuer, acquirer };
  }

  async function paidByQr(issuer: ParticipantClient, amount: string): Promise<string> {
    const paid = await issuer.call("POST", "/v1/qr-payments", {
      id: `qr-${amount}`,
      payload,
      amount,
      currency: "EUR",
      payer: { customerRef: "cust-1", verificationLevel: "B" },
    });
    expect(paid.statusCode, paid.body).toBe(201);
    return String((paid.json() as { paymentId: string }).paymentId);
  }

  const refundBody = (id: string, amount: string) => ({ id, amount, currency: "EUR" });

  it("refunds a merchant-presented payment in part then in full, at once, and tells both sides", async () => {
    const { issuer, acquirer } = await network();
    const paymentId = await paidByQr(issuer, "8.00");
    const path = `/v1/barcode-payments/${paymentId}/refunds`;

    const part = await acquirer.call("POST", path, {
      ...refundBody("rf-1", "3.00"),
      reason: "one cup",
    });
    expect(part.statusCode, part.body).toBe(201);
    const first = part.json() as { refundId: string };
    expect(first).toMatchObject({
      id: "rf-1",
      amount: "3.00",
      state: "succeeded",
      reason: "one cup",
    });
    expect(await position(api, "wallet-a")).toBe(-500n);
    expect(await position(api, "bank-alpha")).toBe(500n);

    const again = await acquirer.call("POST", path, {
      ...refundBody("rf-1", "3.00"),
      reason: "one cup",
    });
    expect(again.statusCode).toBe(201);
    expect(again.headers[replayedHeader.toLowerCase()]).toBe("true");
    expectProblem(
      await acquirer.call("POST", path, refundBody("rf-1", "3.10")),
      409,
      "idempotency_key_reused",
    );
    expect(await position(api, "bank-alpha")).toBe(500n);

    const before = await snapshotStore(api.hub.database);
    expectProblem(
      await acquirer.call("POST", path, refundBody("rf-2", "5.01")),
      409,
      "refund_exceeds_payment",
    );
    const { seen_nonces: _n, ...written } = storeChanges(
      before,
      await snapshotStore(api.hub.database),
    );
    expect(written).toEqual({});

    const rest = await acquirer.call("POST", path, refundBody("rf-2", "5.00"));
    expect(rest.statusCode, rest.body).toBe(201);
    expect(await position(api, "bank-alpha")).toBe(0n);
    expect(await position(api, "wallet-a")).toBe(0n);
    const payment = await acquirer.call("GET", `/v1/barcode-payments/${paymentId}`);
    expect(payment.json()).toMatchObject({ amount: "8.00", refunded: "8.00" });
    expectProblem(
      await acquirer.call("POST", path, refundBody("rf-3", "0.01")),
      409,
      "refund_exceeds_payment",
    );

    // The issuer reads the refund (without the acquirer's id); a stranger cannot, nor refund.
    const seen = await issuer.call("GET", `/v1/barcode-refunds/${first.refundId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ refundId: first.refundId, id: null, amount: "3.00" });
    expectProblem(
      await issuer.call("POST", path, refundBody("rf-9", "1.00")),
      404,
      "barcode_payment_not_found",
    );
    const stranger = await onboardParticipant(api, "wallet-b", "payment_institution");
    expectProblem(
      await stranger.call("GET", `/v1/barcode-refunds/${first.refundId}`),
      404,
      "barcode_refund_not_found",
    );
    expectProblem(
      await acquirer.call("POST", path, { id: "rf-4", amount: "1.00", currency: "USD" }),
      422,
      "refund_currency_mismatch",
    );

    expect(await outbox(api)).toEqual([
      "bank-alpha barcode_refund.succeeded",
      "bank-alpha barcode_refund.succeeded",
      "wallet-a barcode_refund.succeeded",
      "wallet-a barcode_refund.succeeded",
    ]);
  });

  it("never lets concurrent refunds pass the payment together", async () => {
    const { issuer, acquirer } = await network();
    const paymentId = await paidByQr(issuer, "9.00");
    const path = `/v1/barcode-payments/${paymentId}/refunds`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        acquirer.call("POST", path, refundBody(`c-${i}`, "2.00")),
      ),
    );
    const codes = answers.map((answer) => answer.statusCode).sort();
    expect(codes).toEqual([201, 201, 201, 201, 409, 409]);
    expect(await position(api, "bank-alpha")).toBe(100n);
    const payment = await acquirer.call("GET", `/v1/barcode-payments/${paymentId}`);
    expect(payment.json()).toMatchObject({ refunded: "8.00" });
  });

  it("declines a consumer-presented refund the issuer cannot be reached for, and gives its amount back", async () => {
    const { acquirer: client } = await network();
    const payment = await recordSucceededCodePayment(api, "cp-pay-1", 600n, clock.now());
    const path = `/v1/barcode-payments/${payment.paymentId}/refunds`;
    const refunded = await client.call("POST", path, refundBody("cp-1", "6.00"));
    expect(refunded.statusCode, refunded.body).toBe(201);
    expect(refunded.json()).toMatchObject({
      state: "declined",
      failure: { code: "issuer_unavailable" },
    });
    // The reservation was voided, and the whole amount may be refunded again.
    expect(await position(api, "bank-alpha")).toBe(600n);
    const read = await client.call("GET", `/v1/barcode-payments/${payment.paymentId}`);
    expect(read.json()).toMatchObject({ refunded: "0.00" });
  });
});

/**
 * A consumer-presented payment acquirer ← issuer, written as the code-payment flow writes a
 * succeeded one: its clearing posted, then its row.
 */
