/**
 * The parties every barcode payment test starts from: an issuer (`wallet-a`, a payment
 * institution) and an acquirer (`bank-alpha`, a bank) with its merchant `store-7`, and EUR
 * daily limits low enough for tests to reach (B 50.00, C 20.00, D 10.00, A none).
 */
import { expect } from "vitest";
import { KyselyBarcodePaymentStore } from "../../src/adapters/store/kysely-barcode-payment-store.ts";
import {
  type BarcodePayment,
  clearingTransferOf,
  newBarcodePayment,
} from "../../src/domain/barcode/barcode-payment.ts";
import {
  encodeMerchantPresentedCode,
  type MerchantPresentedCodeInput,
} from "../../src/domain/barcode/merchant-presented-encoding.ts";
import type { ApiHarness } from "./api-harness.ts";
import { onboardParticipant, type ParticipantClient } from "./participant-client.ts";

export const storeSeven = {
  name: "Tea House Lin",
  merchantCategoryCode: "5814",
  city: "Hangzhou",
  countryCode: "CN",
};

/** A static EUR code of `store-7`'s, as its till prints it; `fields` change what the test needs. */
export function storeSevenPayload(fields: Partial<MerchantPresentedCodeInput> = {}): string {
  const encoded = encodeMerchantPresentedCode({
    initiation: "static",
    acquirerId: "bank-alpha",
    merchantId: "store-7",
    merchantCategoryCode: storeSeven.merchantCategoryCode,
    currency: "EUR",
    countryCode: storeSeven.countryCode,
    merchantName: storeSeven.name,
    merchantCity: storeSeven.city,
    ...fields,
  });
  if (!encoded.ok) throw new Error(`test code refused: ${encoded.problem} ${encoded.detail}`);
  return encoded.payload;
}

export const eurLimits = { A: null, B: "50.00", C: "20.00", D: "10.00" };

export interface BarcodeParties {
  readonly issuer: ParticipantClient;
  readonly acquirer: ParticipantClient;
}

export async function openBarcodeParties(api: ApiHarness): Promise<BarcodeParties> {
  const issuer = await onboardParticipant(api, "wallet-a", "payment_institution");
  const acquirer = await onboardParticipant(api, "bank-alpha", "bank");
  const registered = await acquirer.call("PUT", "/v1/merchants/store-7", storeSeven);
  expect(registered.statusCode, registered.body).toBe(201);
  const limits = await api.callApproved("PUT", "/operator/v1/barcode-limits/EUR", eurLimits);
  expect(limits.statusCode, limits.body).toBeLessThan(300);
  return { issuer, acquirer };
}

/**
 * A consumer-presented payment of `bank-alpha` from `wallet-a`, written succeeded with its
 * clearing transfer, as the code-payment flow leaves one: for tests of what follows a payment.
 */
export async function recordSucceededCodePayment(
  api: ApiHarness,
  id: string,
  amountMinor: bigint,
  at: number,
): Promise<BarcodePayment> {
  const payment: BarcodePayment = {
    ...newBarcodePayment(
      {
        initiatorId: "bank-alpha",
        id,
        instrument: "payment_code",
        issuerId: "wallet-a",
        acquirerId: "bank-alpha",
        merchantId: "store-7",
        amountMinor,
        currency: "EUR",
        maskedNumber: "****0001",
        verificationLevel: "B",
        requestHash: "test",
        state: "succeeded",
        nextInquiryAt: at,
      },
      at,
    ),
    authorizationCode: "A1",
  };
  const accounts = await api.hub.ledgerStore.readAllAccounts();
  const idOf = (participantId: string) =>
    accounts.find(
      (a) => a.participantId === participantId && a.kind === "position" && a.currency === "EUR",
    )?.id ?? -1;
  const [code] = await api.hub.ledger.submit([
    {
      kind: "posted",
      id: clearingTransferOf(payment),
      debitAccountId: idOf("wallet-a"),
      creditAccountId: idOf("bank-alpha"),
      amount: amountMinor,
      currency: "EUR",
    },
  ]);
  expect(code).toBe("ok");
  const store = new KyselyBarcodePaymentStore(api.hub.database.kysely, api.hub.database.dialect);
  await store.insert(payment, []);
  return payment;
}
