/**
 * Refunds of consumer-presented barcode payments against a wallet simulator over real HTTP, on
 * each store: the refund is reserved acquirer → issuer, sent to the issuer's `/refunds`, and
 * committed on `refunded`; one whose answer is dropped stays `unknown` until the status inquiry
 * asks `/refund-inquiries`, and is then settled once.
 */

import { startWalletSimulator, type WalletSimulator } from "@clearhub/simulators";
import { afterEach, expect, it } from "vitest";
import { barcodePaymentIdOf } from "../../src/domain/barcode/barcode-payment.ts";
import { findCurrency } from "../../src/domain/money/currency.ts";
import { describeEachBackend } from "../support/backends.ts";
import { ManualClock } from "../support/manual-clock.ts";
import { useApiHarness } from "./api-harness.ts";
import { recordSucceededCodePayment } from "./barcode-network.ts";
import { position } from "./bill-payment-network.ts";
import { onboardParticipant } from "./participant-client.ts";

const clock = new ManualClock();
const eur = findCurrency("EUR");
let wallet: WalletSimulator | undefined;

afterEach(async () => {
  await wallet?.close();
  wallet = undefined;
});

describeEachBackend("barcode refunds at the issuer's wallet", (backend) => {
  const api = useApiHarness(backend, { barcodeClock: clock.now });

  /** The issuer's wallet with an approved payment code payment, and the hub's row of it. */
  async function paidByCode(amountMinor: bigint) {
    const issuer = await onboardParticipant(api, "wallet-a", "payment_institution");
    const acquirer = await onboardParticipant(api, "bank-alpha", "bank");
    wallet = await startWalletSimulator({
      walletId: "wallet-a",
      verifyHubSignatures: false,
      signingKey: { keyId: issuer.keyId, privateKey: issuer.privateKey },
      customers: [
        { customerId: "c-1", name: "Li Wei", balances: { EUR: "100.00" }, verificationLevel: "B" },
      ],
    });
    const endpoint = await api.call("POST", "/operator/v1/issuers/wallet-a/endpoints", {
      id: "main",
      url: wallet.url,
    });
    expect(endpoint.statusCode, endpoint.body).toBe(201);
    if (eur === undefined) throw new Error("EUR is unknown");
    const paymentId = barcodePaymentIdOf("bank-alpha", "cp-1");
    const authorised = await api.hub.walletConnector.authorize(
      { ownerId: "wallet-a", endpointId: "main", url: wallet.url },
      {
        paymentId,
        instrument: { kind: "payment_code", number: wallet.issueCode("c-1").code },
        amountMinor,
        currency: eur,
        merchant: {
          acquirerId: "bank-alpha",
          merchantId: "store-7",
          name: "Tea House Lin",
          categoryCode: "5814",
          city: "Hangzhou",
          countryCode: "CN",
        },
        requestedAtMs: clock.now(),
      },
      { timeoutMs: 5_000 },
    );
    expect(authorised).toMatchObject({ kind: "answered", answer: { status: "approved" } });
    await recordSucceededCodePayment(api, "cp-1", amountMinor, clock.now());
    return { acquirer, paymentId };
  }

  it("commits a refund the issuer refunded, and settles a dropped one by inquiry", async () => {
    const { acquirer, paymentId } = await paidByCode(1000n);
    const path = `/v1/barcode-payments/${paymentId}/refunds`;
    const refunded = await acquirer.call("POST", path, {
      id: "r-1",
      amount: "4.00",
      currency: "EUR",
    });
    expect(refunded.statusCode, refunded.body).toBe(201);
    expect(refunded.json()).toMatchObject({ state: "succeeded", amount: "4.00" });
    expect(await position(api, "bank-alpha")).toBe(600n);
    expect(await position(api, "wallet-a")).toBe(-600n);
    expect(wallet?.payment(paymentId)?.refunded).toBe("4.00");

    wallet?.setFaults({ dropRate: 1 });
    const dropped = await acquirer.call("POST", path, {
      id: "r-2",
      amount: "6.00",
      currency: "EUR",
    });
    expect(dropped.statusCode, dropped.body).toBe(201);
    const unknown = dropped.json() as { refundId: string; state: string };
    expect(unknown.state).toBe("unknown");
    // The reservation holds the money while nobody knows; the whole payment is spoken for.
    expect(await position(api, "bank-alpha")).toBe(600n);
    const over = await acquirer.call("POST", path, { id: "r-3", amount: "0.01", currency: "EUR" });
    expect(over.statusCode).toBe(409);

    wallet?.setFaults({ dropRate: 0 });
    clock.advance(60_000);
    expect(await api.hub.bankInquiry.pass()).toBeGreaterThan(0);
    const settled = await acquirer.call("GET", `/v1/barcode-refunds/${unknown.refundId}`);
    expect(settled.json()).toMatchObject({ state: "succeeded" });
    expect(await position(api, "bank-alpha")).toBe(0n);
    expect(await position(api, "wallet-a")).toBe(0n);
    expect(wallet?.payment(paymentId)?.refunded).toBe("10.00");
    // Asked again, nothing moves twice.
    clock.advance(60_000);
    await api.hub.bankInquiry.pass();
    expect(await position(api, "bank-alpha")).toBe(0n);
  });
});
