/**
 * The SDK's barcode payments against a real hub over HTTP: a payer's institution pays a
 * merchant's dynamic QR code (a fresh id when none is given; the same request again is a replay,
 * not a second payment), both sides read the payment by the hub's id, the acquirer finds it by
 * its order reference, and a code paid once is a typed refusal the second time.
 */
import {
  encodeMerchantPresentedCode,
  type MerchantPresentedCodeInput,
} from "@clearhub/hub/src/domain/barcode/merchant-presented-encoding.ts";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ClearhubProblemError } from "../src/index.ts";
import { type HubServer, type OnboardedParticipant, startHubServer } from "./support/hub-server.ts";
import { rejection } from "./support/rejection.ts";

let server: HubServer;
let payer: OnboardedParticipant;
let acquirer: OnboardedParticipant;

const teaHouse = {
  name: "Tea House Lin",
  merchantCategoryCode: "5814",
  city: "Hangzhou",
  countryCode: "CN",
};

function dynamicCode(reference: string, amount: string): string {
  const input: MerchantPresentedCodeInput = {
    initiation: "dynamic",
    acquirerId: "acquirer-a",
    merchantId: "store-1",
    merchantCategoryCode: teaHouse.merchantCategoryCode,
    currency: "EUR",
    countryCode: "CN",
    merchantName: teaHouse.name,
    merchantCity: teaHouse.city,
    amount,
    reference,
    expiresAt: Date.now() + 10 * 60_000,
  };
  const encoded = encodeMerchantPresentedCode(input);
  if (!encoded.ok) throw new Error(`test code refused: ${encoded.problem}`);
  return encoded.payload;
}

beforeAll(async () => {
  server = await startHubServer("sqlite");
  payer = await server.participant("payer-a");
  acquirer = await server.participant("acquirer-a", "bank");
  await acquirer.client().putMerchant("store-1", teaHouse);
  const limits = await server.callApproved("PUT", "/operator/v1/barcode-limits/EUR", {
    A: null,
    B: "500.00",
    C: "100.00",
    D: "50.00",
  });
  expect(limits.statusCode, limits.body).toBeLessThan(300);
});
afterAll(() => server.close());

it("pays a dynamic code once, and both sides read the payment", async () => {
  const wallet = payer.client();
  const request = {
    payload: dynamicCode("ORDER-1", "36.50"),
    payer: { customerRef: "cust-1", verificationLevel: "B" as const },
  };
  const paid = await wallet.payQrCode(request);
  expect(paid.replayed).toBe(false);
  expect(paid.payment).toMatchObject({
    instrument: "dynamic_qr",
    issuerId: "payer-a",
    acquirerId: "acquirer-a",
    merchantId: "store-1",
    amount: "36.50",
    currency: "EUR",
    state: "succeeded",
  });
  // The id made for it is the payer's own: sending it again answers the same payment.
  const id = paid.payment.id as string;
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  const again = await wallet.payQrCode({ ...request, id });
  expect(again).toEqual({ payment: paid.payment, replayed: true });

  const { paymentId } = paid.payment;
  expect(await wallet.barcodePayment(paymentId)).toEqual(paid.payment);
  const seen = await acquirer.client().barcodePayment(paymentId);
  expect(seen).toMatchObject({ paymentId, amount: "36.50", id: null });

  const orders = await acquirer.client().orderPayments("store-1", "ORDER-1");
  expect(orders.map((payment) => payment.paymentId)).toEqual([paymentId]);
  expect(await acquirer.client().orderPayments("store-1", "ORDER-2")).toEqual([]);

  const used = await rejection(
    wallet.payQrCode({ ...request, id: "second-try" }),
    ClearhubProblemError,
  );
  expect(used).toMatchObject({ status: 409, code: "qr_code_used" });
});

it("throws the hub's problem for a damaged code and an unknown payment", async () => {
  const wallet = payer.client();
  const payload = dynamicCode("ORDER-3", "1.00");
  const damaged = `${payload.slice(0, -1)}${payload.endsWith("0") ? "1" : "0"}`;
  const refused = await rejection(
    wallet.payQrCode({ payload: damaged, payer: { customerRef: "c", verificationLevel: "B" } }),
    ClearhubProblemError,
  );
  expect(refused).toMatchObject({ code: "qr_crc_invalid" });
  const missing = await rejection(wallet.barcodePayment("no-such-payment"), ClearhubProblemError);
  expect(missing).toMatchObject({ status: 404, code: "barcode_payment_not_found" });
});

it("sends an acquirer's code payment and reversal, and throws the hub's problem for each", async () => {
  const till = acquirer.client();
  const unrouted = await rejection(
    till.payCode({
      instrument: { kind: "payment_code", number: "390000000000000001" },
      amount: "5.00",
      currency: "EUR",
      merchantId: "store-1",
    }),
    ClearhubProblemError,
  );
  expect(unrouted).toMatchObject({ status: 422, code: "code_prefix_unknown" });
  const unknown = await rejection(till.reverseCodePayment("no-such-payment"), ClearhubProblemError);
  expect(unknown).toMatchObject({ status: 404, code: "barcode_payment_not_found" });
});
