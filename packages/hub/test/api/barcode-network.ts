/**
 * The parties every barcode payment test starts from: an issuer (`wallet-a`, a payment
 * institution) and an acquirer (`bank-alpha`, a bank) with its merchant `store-7`, and EUR
 * daily limits low enough for tests to reach (B 50.00, C 20.00, D 10.00, A none).
 */
import { expect } from "vitest";
import type { ApiHarness } from "./api-harness.ts";
import { onboardParticipant, type ParticipantClient } from "./participant-client.ts";

export const storeSeven = {
  name: "Tea House Lin",
  merchantCategoryCode: "5814",
  city: "Hangzhou",
  countryCode: "CN",
};

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
