/**
 * The SDK's merchant directory and routing table against a real hub over HTTP: an acquirer
 * registers (201, then 200 unchanged on a retry), lists page by page and closes its merchants;
 * a payer's institution looks one up; a bad merchant is a typed refusal naming the field; the
 * published routing table is read after the operator assigns a prefix with four eyes.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { ClearhubProblemError, type Merchant } from "../src/index.ts";
import { type HubServer, startHubServer } from "./support/hub-server.ts";
import { rejection } from "./support/rejection.ts";

let server: HubServer;

beforeAll(async () => {
  server = await startHubServer("sqlite");
});
afterAll(() => server.close());

const teaHouse = {
  name: "Tea House Lin",
  merchantCategoryCode: "5814",
  city: "Hangzhou",
  countryCode: "CN",
};

it("registers, lists, looks up and closes merchants", async () => {
  const acquirer = (await server.participant("acquirer-a")).client();
  const payer = (await server.participant("payer-a", "bank")).client();
  const first = await acquirer.putMerchant("store-1", teaHouse);
  expect(first).toMatchObject({
    created: true,
    merchant: { merchantId: "store-1", status: "active" },
  });
  const again = await acquirer.putMerchant("store-1", teaHouse);
  expect(again).toEqual({ created: false, merchant: first.merchant });
  await acquirer.putMerchant("store-2", { ...teaHouse, city: "Ningbo" });

  const all: Merchant[] = [];
  for await (const merchant of acquirer.allMerchants({ limit: 1 })) all.push(merchant);
  expect(all.map((merchant) => merchant.merchantId).sort()).toEqual(["store-1", "store-2"]);
  expect(await acquirer.getMerchant("store-2")).toMatchObject({ city: "Ningbo" });

  expect(await payer.lookUpMerchant("acquirer-a", "store-1")).toEqual({
    acquirerId: "acquirer-a",
    merchantId: "store-1",
    ...teaHouse,
    status: "active",
  });
  expect(await acquirer.closeMerchant("store-1")).toMatchObject({ status: "closed" });
  expect(await payer.lookUpMerchant("acquirer-a", "store-1")).toMatchObject({ status: "closed" });

  const invalid = await rejection(
    acquirer.putMerchant("store-3", { ...teaHouse, countryCode: "XX" }),
    ClearhubProblemError,
  );
  expect(invalid).toMatchObject({ status: 422, code: "merchant_invalid" });
  expect(invalid.errors).toEqual([
    { location: "body", pointer: "/countryCode", code: "country_code_invalid" },
  ]);
  const missing = await rejection(
    payer.lookUpMerchant("acquirer-a", "nobody"),
    ClearhubProblemError,
  );
  expect(missing).toMatchObject({ status: 404, code: "merchant_not_found" });
});

it("reads the published code-prefix table", async () => {
  const wallet = await server.participant("wallet-issuer");
  const assigned = await server.callApproved("POST", "/operator/v1/code-prefixes", {
    prefix: "6201",
    issuerId: "wallet-issuer",
    instrument: "payment_code",
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  expect(await wallet.client().codePrefixes()).toEqual([
    {
      prefix: "6201",
      issuerId: "wallet-issuer",
      instrument: "payment_code",
      createdAt: expect.any(String),
    },
  ]);
});

it("answers a refund of a payment it cannot find, and a refund it cannot find, as typed refusals", async () => {
  const acquirer = (await server.participant("acquirer-r")).client();
  const refused = await rejection(
    acquirer.refundBarcodePayment("bc-none", { id: "rf-1", amount: "1.00", currency: "EUR" }),
    ClearhubProblemError,
  );
  expect(refused).toMatchObject({ status: 404, code: "barcode_payment_not_found" });
  const missing = await rejection(acquirer.getBarcodeRefund("bcr-none"), ClearhubProblemError);
  expect(missing).toMatchObject({ status: 404, code: "barcode_refund_not_found" });
});
