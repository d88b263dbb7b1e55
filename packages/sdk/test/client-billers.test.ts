/**
 * The SDK's biller catalogue against a real hub over HTTP: a channel lists billers page by
 * page, syncs what changed since the last `updatedAt` it read (a suspension included), and
 * reads one biller, with typed answers and a typed refusal for an unknown one; and inquires a
 * customer's bills from a biller simulator.
 */

import { exportPublicKeyRaw, generateSigningKeyPair } from "@clearhub/http-signatures";
import { waterProfile } from "@clearhub/hub/test/support/biller-profiles.ts";
import { startBillerSimulator } from "@clearhub/simulators";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Biller, type BillInquiry, ClearhubProblemError } from "../src/index.ts";
import { type HubServer, startHubServer } from "./support/hub-server.ts";
import { rejection } from "./support/rejection.ts";

let server: HubServer;
let now = Date.UTC(2026, 5, 1, 8, 0, 0);

beforeAll(async () => {
  server = await startHubServer("sqlite", { operatorClock: () => now });
});
afterAll(() => server.close());

async function register(id: string): Promise<void> {
  await server.participant(id, "biller");
  const put = await server.call("PUT", `/operator/v1/billers/${id}`, {
    ...waterProfile,
    currencies: ["EUR"],
  });
  expect(put.statusCode, put.body).toBe(201);
  now += 1000;
}

it("lists, syncs and reads the biller catalogue", async () => {
  const wallet = (await server.participant("wallet-a")).client();
  for (const id of ["water-a", "water-b", "water-c"]) await register(id);

  const page = await wallet.listBillers({ limit: 2 });
  expect(page.billers.map((biller) => biller.id)).toEqual(["water-a", "water-b"]);
  expect(page.next).toEqual(expect.any(String));

  const all: Biller[] = [];
  for await (const biller of wallet.allBillers({ limit: 1 })) all.push(biller);
  expect(all.map((biller) => biller.id)).toEqual(["water-a", "water-b", "water-c"]);
  const lastSeen = all.at(-1)?.updatedAt ?? "";

  const suspended = await server.call("POST", "/operator/v1/participants/water-a/status", {
    status: "suspended",
  });
  expect(suspended.statusCode, suspended.body).toBe(200);
  const changed: Biller[] = [];
  for await (const biller of wallet.allBillers({ updatedSince: lastSeen })) changed.push(biller);
  expect(changed.map((biller) => [biller.id, biller.status])).toEqual([
    ["water-c", "active"],
    ["water-a", "suspended"],
  ]);

  const water: Biller = await wallet.getBiller("water-b");
  expect(water).toMatchObject({
    id: "water-b",
    category: "water",
    billFetch: "mandatory",
    directPay: false,
    amountExactness: "exact",
    parameters: [{ name: "account_number", type: "numeric", checkDigit: "luhn", optional: false }],
  });
  const unknown = await rejection(wallet.getBiller("nobody"), ClearhubProblemError);
  expect(unknown).toMatchObject({ status: 404, code: "biller_not_found" });
});

it("inquires a customer's bills, typed, and refuses bad parameters with each one's code", async () => {
  const wallet = (await server.participant("wallet-b")).client();
  await register("water-d");
  const keys = generateSigningKeyPair();
  const added = await server.call("POST", "/operator/v1/participants/water-d/keys", {
    publicKey: exportPublicKeyRaw(keys.publicKey),
  });
  const biller = await startBillerSimulator({
    billerId: "water-d",
    hubUrl: server.baseUrl,
    signingKey: { keyId: (added.json() as { keyId: string }).keyId, privateKey: keys.privateKey },
    parameterNames: ["account_number"],
    customers: [
      {
        parameters: { account_number: "79927398713" },
        name: "Li Wei",
        currency: "EUR",
        bills: [{ billNumber: "W-11", amountDue: "86.40", dueDate: "2026-12-20" }],
      },
    ],
  });
  try {
    const endpoint = await server.call("POST", "/operator/v1/billers/water-d/endpoints", {
      id: "main",
      url: biller.url,
    });
    expect(endpoint.statusCode, endpoint.body).toBe(201);
    const inquiry: BillInquiry = await wallet.inquireBills({
      billerId: "water-d",
      customerParameters: { account_number: "79927398713" },
      initiation: "user",
    });
    expect(inquiry).toMatchObject({
      billerId: "water-d",
      source: "biller",
      bills: [
        { billNumber: "W-11", amountDue: "86.40", currency: "EUR", billRef: expect.any(String) },
      ],
    });
    const invalid = await rejection(
      wallet.inquireBills({
        billerId: "water-d",
        customerParameters: { account_number: "79927398710" },
        initiation: "scheduled",
      }),
      ClearhubProblemError,
    );
    expect(invalid).toMatchObject({ status: 422, code: "customer_parameters_invalid" });
  } finally {
    await biller.close();
  }
});
