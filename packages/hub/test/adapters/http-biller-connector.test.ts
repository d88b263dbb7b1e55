/**
 * The HTTP biller connector against the biller simulator over real HTTP, with a real hub
 * publishing its key set and holding the biller's key: inquiries, postings and their status
 * inquiries, refusals (a busy biller's included), and an answer that is changed, unsigned or
 * malformed counted as unknown, never trusted.
 */
import { randomUUID } from "node:crypto";
import {
  exportPublicKeyRaw,
  generateSigningKeyPair,
  type SigningKeyPair,
} from "@clearhub/http-signatures";
import { type BillerSimulator, startBillerSimulator } from "@clearhub/simulators";
import type { InjectOptions } from "fastify";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HttpBillerConnector } from "../../src/adapters/biller/http-biller-connector.ts";
import { ParticipantSystemKeys } from "../../src/adapters/participant-call/participant-system-keys.ts";
import { SignedHttpCaller } from "../../src/adapters/participant-call/signed-http-caller.ts";
import { issueOperatorToken } from "../../src/api/operator-auth.ts";
import { type ApiServer, buildServer } from "../../src/api/server.ts";
import type {
  BillerCallOptions,
  BillerEndpointAddress,
  PostingRequest,
} from "../../src/app/ports/biller-connector.ts";
import { findCurrency } from "../../src/domain/money/currency.ts";
import { startTamperingProxy, type TamperingProxy } from "../support/tampering-proxy.ts";
import { testActor } from "../support/test-actor.ts";
import { openTestHub, type TestHub } from "../support/test-hub.ts";

const cny = findCurrency("CNY") ?? { code: "CNY", minorUnits: 2 };
const call: BillerCallOptions = { timeoutMs: 2_000 };
const liWei = [{ name: "accountNumber", value: "W10000001" }];

let test: TestHub;
let server: ApiServer;
let hubUrl: string;
let token: string;
let billerKeys: SigningKeyPair;
let billerKeyId: string;

async function operator(method: InjectOptions["method"], url: string, payload?: unknown) {
  const response = await server.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload === undefined ? {} : { payload: payload as InjectOptions["payload"] }),
  });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json();
}

beforeAll(async () => {
  test = await openTestHub("sqlite");
  server = await buildServer(test.hub);
  hubUrl = await server.listen({ host: "127.0.0.1", port: 0 });
  token = (await issueOperatorToken(test.hub, "biller connector test", testActor)).token;
  await operator("POST", "/operator/v1/participants", {
    id: "water-city",
    name: "City Water",
    kind: "biller",
    currencies: [{ currency: "CNY", netDebitCap: "0.00" }],
  });
  billerKeys = generateSigningKeyPair();
  const added = await operator("POST", "/operator/v1/participants/water-city/keys", {
    publicKey: exportPublicKeyRaw(billerKeys.publicKey),
  });
  billerKeyId = added.keyId as string;
});

afterAll(async () => {
  await server.close();
  await test.dispose();
});

type ClosableConnector = HttpBillerConnector & { close(): Promise<void> };

function connector(): ClosableConnector {
  const keys = new ParticipantSystemKeys(test.hub.participantKeyStore);
  const caller = new SignedHttpCaller(test.hub.hubSigningKey.key, { findKey: keys.find });
  return Object.assign(new HttpBillerConnector(caller), { close: () => caller.close() });
}

function startBiller(keyId = billerKeyId, keys = billerKeys): Promise<BillerSimulator> {
  return startBillerSimulator({
    billerId: "water-city",
    hubUrl,
    signingKey: { keyId, privateKey: keys.privateKey },
    customers: [
      {
        parameters: { accountNumber: "W10000001" },
        name: "Li Wei",
        currency: "CNY",
        bills: [
          {
            billNumber: "W-2026-11-0001",
            amountDue: "86.40",
            amountMin: "10.00",
            amountMax: "500.00",
            dueDate: "2026-12-20",
            period: { from: "2026-11-01", to: "2026-11-30" },
            description: "Water, November 2026",
          },
        ],
      },
    ],
  });
}

describe("the HTTP biller connector against the simulator", () => {
  let biller: BillerSimulator;
  let billers: ClosableConnector;
  let endpoint: BillerEndpointAddress;

  beforeEach(async () => {
    biller = await startBiller();
    billers = connector();
    endpoint = { billerId: "water-city", endpointId: "main", url: biller.url };
  });
  afterEach(async () => {
    await billers.close();
    await biller.close();
  });

  const posting = (postingId = randomUUID()): PostingRequest => ({
    postingId,
    channelId: "wallet-alpha",
    customerParameters: liWei,
    billNumber: "W-2026-11-0001",
    amountMinor: 86_40n,
    currency: cny,
    paidAtMs: Date.parse("2026-12-01T08:00:00Z"),
  });

  it("answers the customer's bills due, amounts in minor units", async () => {
    const inquiryId = randomUUID();
    const result = await billers.inquireBills(
      endpoint,
      { inquiryId, customerParameters: liWei },
      call,
    );
    expect(result).toEqual({
      kind: "answered",
      answer: {
        customerName: expect.any(String),
        bills: [
          {
            billNumber: "W-2026-11-0001",
            currency: cny,
            amountDueMinor: 86_40n,
            amountMinMinor: 10_00n,
            amountMaxMinor: 500_00n,
            dueDate: "2026-12-20",
            period: { from: "2026-11-01", to: "2026-11-30" },
            description: "Water, November 2026",
          },
        ],
      },
    });
  });

  it("carries the biller's signed refusal of an unknown customer", async () => {
    const result = await billers.inquireBills(
      endpoint,
      { inquiryId: randomUUID(), customerParameters: [{ name: "accountNumber", value: "X1" }] },
      call,
    );
    expect(result).toMatchObject({ kind: "refused", code: "customer_not_found", statusCode: 422 });
  });

  it("posts once under one posting id, and the status inquiry answers the same outcome", async () => {
    const request = posting();
    const first = await billers.post(endpoint, request, call);
    expect(first).toMatchObject({
      kind: "answered",
      answer: {
        postingId: request.postingId,
        status: "accepted",
        receiptNumber: expect.any(String),
      },
    });
    const again = await billers.post(endpoint, request, call);
    expect(again).toEqual(first);
    expect(await billers.inquirePosting(endpoint, request.postingId, call)).toEqual(first);
    expect(biller.postings()).toHaveLength(1);
    const reused = await billers.post(endpoint, { ...request, amountMinor: 1_00n }, call);
    expect(reused).toMatchObject({ kind: "refused", code: "idempotency_key_reused" });
  });

  it("settles a posting the biller never received as rejected, posting_not_received", async () => {
    const postingId = randomUUID();
    const result = await billers.inquirePosting(endpoint, postingId, call);
    expect(result).toMatchObject({
      kind: "answered",
      answer: { postingId, status: "rejected", reasonCode: "posting_not_received" },
    });
  });

  it("takes a 503 biller_busy as a refusal: the biller did nothing", async () => {
    // One request at a time, the first held a while: the second meets a full biller.
    biller.setFaults({ capacityMax: 1, latencyMs: 300 });
    const inquire = () =>
      billers.inquireBills(endpoint, { inquiryId: randomUUID(), customerParameters: liWei }, call);
    const results = await Promise.all([inquire(), inquire()]);
    expect(results.map((result) => result.kind).sort()).toEqual(["answered", "refused"]);
    expect(results.find((result) => result.kind === "refused")).toMatchObject({
      code: "biller_busy",
      statusCode: 503,
    });
  });

  it("trusts no answer signed by a key the hub does not hold for the biller", async () => {
    await biller.close();
    const stranger = generateSigningKeyPair();
    biller = await startBiller("stranger-key", stranger);
    endpoint = { ...endpoint, url: biller.url };
    const result = await billers.inquireBills(
      endpoint,
      { inquiryId: randomUUID(), customerParameters: liWei },
      call,
    );
    expect(result).toMatchObject({ kind: "unknown", cause: "answer_signature_invalid" });
  });

  it("is not_sent when nothing listens at the endpoint", async () => {
    const url = biller.url;
    await biller.close();
    const result = await billers.inquireBills(
      { ...endpoint, url },
      { inquiryId: randomUUID(), customerParameters: liWei },
      call,
    );
    expect(result).toMatchObject({ kind: "not_sent", cause: "connection_refused" });
    biller = await startBiller();
  });

  describe("through a man in the middle", () => {
    let proxy: TamperingProxy;
    let proxied: BillerEndpointAddress;

    beforeEach(async () => {
      proxy = await startTamperingProxy(biller.origin);
      proxied = { ...endpoint, url: `${proxy.url}${new URL(biller.url).pathname}` };
    });
    afterEach(async () => {
      await proxy.close();
    });

    const inquire = () =>
      billers.inquireBills(proxied, { inquiryId: randomUUID(), customerParameters: liWei }, call);

    it("answers through an honest proxy", async () => {
      expect(await inquire()).toMatchObject({ kind: "answered" });
    });

    it("is unknown when the answer was changed, unsigned, malformed, or a proxy's 5xx", async () => {
      proxy.tamperAnswers((answer) => ({ ...answer, body: answer.body.replace("86.40", "0.01") }));
      expect(await inquire()).toMatchObject({
        kind: "unknown",
        cause: "answer_signature_invalid",
      });
      proxy.tamperAnswers((answer) => ({
        status: 200,
        headers: { "content-type": "application/json" },
        body: answer.body,
      }));
      expect(await inquire()).toMatchObject({ kind: "unknown", cause: "answer_unsigned" });
      proxy.tamperAnswers((answer) => ({ ...answer, body: "{not json" }));
      expect(await inquire()).toMatchObject({ kind: "unknown" });
      proxy.tamperAnswers(() => ({ status: 502, headers: {}, body: "bad gateway" }));
      expect(await inquire()).toMatchObject({ kind: "unknown", cause: "server_error" });
    });
  });
});
