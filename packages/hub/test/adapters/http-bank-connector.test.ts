/**
 * The HTTP bank connector against the bank simulator over real HTTP, with a real hub publishing
 * its key set and holding the bank's key: every kind of result (answered, refused, not sent,
 * unknown), and signatures verified both ways, through a man in the middle too.
 */
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import {
  exportPublicKeyRaw,
  generateSigningKeyPair,
  type SigningKeyPair,
} from "@clearhub/http-signatures";
import { type BankSimulator, startBankSimulator } from "@clearhub/simulators";
import type { InjectOptions } from "fastify";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HttpBankConnector } from "../../src/adapters/bank/http-bank-connector.ts";
import { ParticipantSystemKeys } from "../../src/adapters/participant-call/participant-system-keys.ts";
import { SignedHttpCaller } from "../../src/adapters/participant-call/signed-http-caller.ts";
import {
  generateHubSigningKeyPem,
  type HubSigningKey,
  hubSigningKeyFromPem,
} from "../../src/adapters/signing/hub-signing-key.ts";
import { issueOperatorToken } from "../../src/api/operator-auth.ts";
import { type ApiServer, buildServer } from "../../src/api/server.ts";
import type {
  BankCallOptions,
  BankEndpointAddress,
  SigningRequest,
} from "../../src/app/ports/bank-connector.ts";
import { findCurrency } from "../../src/domain/money/currency.ts";
import { startTamperingProxy, type TamperingProxy } from "../support/tampering-proxy.ts";
import { testActor } from "../support/test-actor.ts";
import { openTestHub, type TestHub } from "../support/test-hub.ts";

const pi = "wallet-alpha";
const cny = findCurrency("CNY") ?? { code: "CNY", minorUnits: 2 };
const call: BankCallOptions = { timeoutMs: 2_000 };
const customer = {
  name: "Li Wei",
  accountNumber: "6222020000000001",
  idNumber: "11010119900307001X",
  mobile: "+8613800000001",
};
const payee = { accountNumber: "6222020000000002", name: "Wang Fang" };

let test: TestHub;
let server: ApiServer;
let hubUrl: string;
let token: string;
let bankKeys: SigningKeyPair;
let bankKeyId: string;

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

async function registerKey(bankId: string, keys: SigningKeyPair): Promise<string> {
  const added = await operator("POST", `/operator/v1/participants/${bankId}/keys`, {
    publicKey: exportPublicKeyRaw(keys.publicKey),
  });
  return added.keyId as string;
}

beforeAll(async () => {
  test = await openTestHub("sqlite");
  server = await buildServer(test.hub);
  hubUrl = await server.listen({ host: "127.0.0.1", port: 0 });
  token = (await issueOperatorToken(test.hub, "bank connector test", testActor)).token;
  for (const id of ["bank-beta", "bank-east"]) {
    await operator("POST", "/operator/v1/participants", {
      id,
      name: id,
      kind: "bank",
      currencies: [{ currency: "CNY", netDebitCap: "1000.00" }],
    });
  }
  bankKeys = generateSigningKeyPair();
  bankKeyId = await registerKey("bank-beta", bankKeys);
});

afterAll(async () => {
  await server.close();
  await test.dispose();
});

/** The bank connector over a caller of its own, closed with it. */
function connectorOf(
  key: HubSigningKey,
  keys = new ParticipantSystemKeys(test.hub.participantKeyStore),
): ClosableConnector {
  const caller = new SignedHttpCaller(key, { findKey: keys.find });
  return Object.assign(new HttpBankConnector(caller), { close: () => caller.close() });
}

type ClosableConnector = HttpBankConnector & { close(): Promise<void> };

function startBank(keys = bankKeys, keyId = bankKeyId): Promise<BankSimulator> {
  return startBankSimulator({
    bankId: "bank-beta",
    hubUrl,
    signingKey: { keyId, privateKey: keys.privateKey },
    accounts: [
      { ...customer, holderName: customer.name, currency: "CNY", balance: "100.00" },
      {
        ...payee,
        holderName: payee.name,
        idNumber: "310101198501010022",
        mobile: "+8613800000002",
        currency: "CNY",
        balance: "0.00",
      },
    ],
  });
}

describe("the HTTP bank connector against the simulator", () => {
  let bank: BankSimulator;
  let connector: ClosableConnector;
  let endpoint: BankEndpointAddress;

  beforeEach(async () => {
    bank = await startBank();
    connector = connectorOf(test.hub.hubSigningKey.key);
    endpoint = { bankId: "bank-beta", endpointId: "main", url: bank.url };
  });
  afterEach(async () => {
    await connector.close();
    await bank.close();
  });

  const signingRequest = (): SigningRequest => ({
    requestId: randomUUID(),
    paymentInstitutionId: pi,
    customer,
  });

  async function signAgreement(): Promise<string> {
    const requested = await connector.requestSigning(endpoint, signingRequest(), call);
    if (requested.kind !== "answered") throw new Error(JSON.stringify(requested));
    const confirmed = await connector.confirmSigning(
      endpoint,
      {
        signRequestId: requested.answer.signRequestId,
        paymentInstitutionId: pi,
        otp: bank.latestOtp(customer.mobile) ?? "",
      },
      call,
    );
    if (confirmed.kind !== "answered") throw new Error(JSON.stringify(confirmed));
    return confirmed.answer.agreementNumber;
  }

  const debit = (
    agreementNumber: string,
    amountMinor: bigint,
    transactionId = randomUUID(),
    options = call,
  ) =>
    connector.debit(
      endpoint,
      { transactionId, paymentInstitutionId: pi, agreementNumber, amountMinor, currency: cny },
      options,
    );

  it("signs an agreement with the password the bank sent, and refuses a wrong one", async () => {
    const requested = await connector.requestSigning(endpoint, signingRequest(), call);
    expect(requested).toMatchObject({ kind: "answered", answer: { mobileMasked: "****0001" } });
    if (requested.kind !== "answered") return;
    expect(requested.answer.otpExpiresAtMs).toBeGreaterThan(Date.now());
    const confirmation = {
      signRequestId: requested.answer.signRequestId,
      paymentInstitutionId: pi,
    };
    const otp = bank.latestOtp(customer.mobile) ?? "";
    const wrong = await connector.confirmSigning(
      endpoint,
      { ...confirmation, otp: otp === "000000" ? "111111" : "000000" },
      call,
    );
    expect(wrong).toEqual({
      kind: "refused",
      code: "otp_invalid",
      reason: expect.any(String),
      statusCode: 422,
    });
    const confirmed = await connector.confirmSigning(endpoint, { ...confirmation, otp }, call);
    expect(confirmed).toMatchObject({
      kind: "answered",
      answer: { accountNumberMasked: "****0001" },
    });
    const mismatch = await connector.requestSigning(
      endpoint,
      { ...signingRequest(), customer: { ...customer, name: "Someone Else" } },
      call,
    );
    expect(mismatch).toMatchObject({
      kind: "refused",
      code: "account_details_mismatch",
      statusCode: 422,
    });
  });

  it("unsigns an agreement", async () => {
    const agreementNumber = await signAgreement();
    const unsigned = await connector.unsign(
      endpoint,
      { agreementNumber, paymentInstitutionId: pi },
      call,
    );
    expect(unsigned).toMatchObject({ kind: "answered", answer: { agreementNumber } });
    expect(await debit(agreementNumber, 100n)).toMatchObject({
      kind: "answered",
      answer: { status: "failed", reason: "agreement_unsigned" },
    });
  });

  it("answers each outcome of a debit: succeeded, failed with the bank's reason, pending", async () => {
    const agreementNumber = await signAgreement();
    const succeeded = await debit(agreementNumber, 1230n);
    expect(succeeded).toMatchObject({
      kind: "answered",
      answer: { status: "succeeded", bankReference: expect.any(String) },
    });
    expect(bank.balance(customer.accountNumber)).toBe("87.70");
    const failed = await debit(agreementNumber, 100_00n);
    expect(failed).toEqual({
      kind: "answered",
      answer: { status: "failed", reason: "insufficient_funds", reasonText: expect.any(String) },
    });
    bank.setFaults({ pendingRate: 1, pendingDelayMs: 50 });
    const transactionId = randomUUID();
    expect(await debit(agreementNumber, 100n, transactionId)).toEqual({
      kind: "answered",
      answer: { status: "pending" },
    });
    await sleep(100);
    const inquired = await connector.inquire(endpoint, { transactionId }, call);
    expect(inquired).toMatchObject({ kind: "answered", answer: { status: "succeeded" } });
  });

  it("credits and refunds, never refunding more than the debit", async () => {
    const agreementNumber = await signAgreement();
    const debitId = randomUUID();
    await debit(agreementNumber, 50_00n, debitId);
    const refund = (amountMinor: bigint) =>
      connector.refund(
        endpoint,
        {
          transactionId: randomUUID(),
          paymentInstitutionId: pi,
          originalTransactionId: debitId,
          amountMinor,
          currency: cny,
        },
        call,
      );
    expect(await refund(30_00n)).toMatchObject({ answer: { status: "succeeded" } });
    expect(await refund(20_01n)).toMatchObject({
      answer: { status: "failed", reason: "refund_exceeds_debit" },
    });
    const credit = await connector.credit(
      endpoint,
      {
        transactionId: randomUUID(),
        paymentInstitutionId: pi,
        creditor: payee,
        amountMinor: 5_00n,
        currency: cny,
      },
      call,
    );
    expect(credit).toMatchObject({ kind: "answered", answer: { status: "succeeded" } });
    expect(bank.balance(payee.accountNumber)).toBe("5.00");
    expect(bank.balance(customer.accountNumber)).toBe("80.00");
  });

  it("answers a repeated debit with its one outcome, and refuses another debit under its id", async () => {
    const agreementNumber = await signAgreement();
    const transactionId = randomUUID();
    const first = await debit(agreementNumber, 10_00n, transactionId);
    expect(await debit(agreementNumber, 10_00n, transactionId)).toEqual(first);
    expect(await debit(agreementNumber, 11_00n, transactionId)).toMatchObject({
      kind: "refused",
      code: "idempotency_key_reused",
      statusCode: 409,
    });
    expect(bank.ledger()).toHaveLength(1);
  });

  it("is unknown when the answer comes too late, though the bank debited; an inquiry settles it", async () => {
    const agreementNumber = await signAgreement();
    bank.setFaults({ timeoutRate: 1, timeoutDelayMs: 5_000 });
    const transactionId = randomUUID();
    const late = await debit(agreementNumber, 10_00n, transactionId, { timeoutMs: 200 });
    expect(late).toEqual({ kind: "unknown", cause: "timeout", detail: "no answer within 200 ms" });
    expect(bank.balance(customer.accountNumber)).toBe("90.00");
    bank.setFaults({ timeoutRate: 0 });
    expect(await connector.inquire(endpoint, { transactionId }, call)).toMatchObject({
      answer: { status: "succeeded" },
    });
  });

  it("is unknown when the connection is dropped after the bank debited", async () => {
    const agreementNumber = await signAgreement();
    bank.setFaults({ dropRate: 1 });
    const dropped = await debit(agreementNumber, 10_00n);
    expect(dropped).toMatchObject({ kind: "unknown", cause: "connection_lost" });
    expect(bank.balance(customer.accountNumber)).toBe("90.00");
  });

  it("is unknown when the caller aborts mid-call, and not sent when it aborted before", async () => {
    const agreementNumber = await signAgreement();
    bank.setFaults({ latencyMs: 1_000 });
    const controller = new AbortController();
    const pending = debit(agreementNumber, 1_00n, randomUUID(), {
      timeoutMs: 5_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toMatchObject({ kind: "unknown", cause: "aborted" });
    const before = await debit(agreementNumber, 1_00n, randomUUID(), {
      timeoutMs: 5_000,
      signal: AbortSignal.abort(),
    });
    expect(before).toMatchObject({ kind: "not_sent", cause: "aborted_before_sending" });
  });

  it("is refused, signed, when the bank is at capacity, which applied nothing", async () => {
    const agreementNumber = await signAgreement();
    bank.setFaults({ capacityMax: 1, latencyMs: 300 });
    const results = await Promise.all([
      debit(agreementNumber, 1_00n),
      debit(agreementNumber, 2_00n),
    ]);
    expect(results.map((result) => result.kind).sort()).toEqual(["answered", "refused"]);
    expect(results.find((result) => result.kind === "refused")).toMatchObject({
      code: "bank_busy",
      statusCode: 503,
    });
    expect(bank.ledger()).toHaveLength(1);
  });

  it("is not sent when the endpoint refuses connections", async () => {
    const closed = await startBank();
    const url = closed.url;
    await closed.close();
    const result = await connector.inquire({ ...endpoint, url }, { transactionId: "t-1" }, call);
    expect(result).toMatchObject({ kind: "not_sent", cause: "connection_refused" });
  });

  it("is refused when the hub's signature is not one of its published keys: the bank verifies", async () => {
    const impostor = connectorOf(hubSigningKeyFromPem(generateHubSigningKeyPem()));
    try {
      const result = await impostor.inquire(endpoint, { transactionId: "t-1" }, call);
      expect(result).toMatchObject({ kind: "refused", code: "key_unknown", statusCode: 401 });
      expect(bank.stats().refusedUnverified).toBe(1);
    } finally {
      await impostor.close();
    }
  });

  it("trusts no answer signed by a key that is not the bank's own", async () => {
    const otherBank = { ...endpoint, bankId: "bank-east" };
    const result = await connector.inquire(otherBank, { transactionId: "t-1" }, call);
    expect(result).toEqual({
      kind: "unknown",
      cause: "answer_signature_invalid",
      detail: "the answer's signature: key_unknown",
    });
  });

  it("stops trusting the bank's answers once its key is revoked", async () => {
    const keys = generateSigningKeyPair();
    const keyId = await registerKey("bank-beta", keys);
    const signingWithNewKey = await startBank(keys, keyId);
    const uncached = connectorOf(
      test.hub.hubSigningKey.key,
      new ParticipantSystemKeys(test.hub.participantKeyStore, {
        cacheTtlMs: 0,
        cachedKeysMax: 10,
      }),
    );
    try {
      const at = { ...endpoint, url: signingWithNewKey.url };
      expect(await uncached.inquire(at, { transactionId: "t-1" }, call)).toMatchObject({
        kind: "answered",
      });
      await operator("POST", `/operator/v1/participants/bank-beta/keys/${keyId}/revoke`);
      expect(await uncached.inquire(at, { transactionId: "t-1" }, call)).toMatchObject({
        kind: "unknown",
        cause: "answer_signature_invalid",
        detail: "the answer's signature: key_revoked",
      });
    } finally {
      await uncached.close();
      await signingWithNewKey.close();
    }
  });

  describe("through a man in the middle", () => {
    let proxy: TamperingProxy;
    let proxied: BankEndpointAddress;
    beforeEach(async () => {
      proxy = await startTamperingProxy(bank.origin);
      proxied = { ...endpoint, url: proxy.url };
    });
    afterEach(async () => {
      await proxy.close();
    });

    it("reaches the bank untouched", async () => {
      expect(await connector.inquire(proxied, { transactionId: "t-1" }, call)).toMatchObject({
        kind: "answered",
      });
    });

    it("is refused by the bank when the request was changed, and nothing is applied", async () => {
      const agreementNumber = await signAgreement();
      proxy.tamperRequests((body) => body.replace('"1.00"', '"99.00"'));
      const result = await connector.debit(
        proxied,
        {
          transactionId: randomUUID(),
          paymentInstitutionId: pi,
          agreementNumber,
          amountMinor: 1_00n,
          currency: cny,
        },
        call,
      );
      expect(result).toMatchObject({ kind: "refused", code: "digest_mismatch", statusCode: 401 });
      expect(bank.ledger()).toEqual([]);
    });

    it("is unknown when the answer was changed, unsigned, or a proxy's 5xx", async () => {
      const agreementNumber = await signAgreement();
      const attempt = () =>
        connector.debit(
          proxied,
          {
            transactionId: randomUUID(),
            paymentInstitutionId: pi,
            agreementNumber,
            amountMinor: 1_00n,
            currency: cny,
          },
          call,
        );
      proxy.tamperAnswers((answer) => ({
        ...answer,
        body: answer.body.replace("succeeded", "failed"),
      }));
      expect(await attempt()).toMatchObject({
        kind: "unknown",
        cause: "answer_signature_invalid",
        detail: "the answer's signature: digest_mismatch",
      });
      proxy.tamperAnswers((answer) => ({ ...answer, status: 201 }));
      expect(await attempt()).toMatchObject({ kind: "unknown", cause: "answer_status_unexpected" });
      proxy.tamperAnswers((answer) => ({
        status: 200,
        headers: { "content-type": "application/json" },
        body: answer.body,
      }));
      expect(await attempt()).toMatchObject({ kind: "unknown", cause: "answer_unsigned" });
      proxy.tamperAnswers(() => ({ status: 502, headers: {}, body: "bad gateway" }));
      expect(await attempt()).toMatchObject({ kind: "unknown", cause: "server_error" });
      proxy.tamperAnswers((answer) => ({ ...answer, status: 503 }));
      expect(await attempt()).toMatchObject({ kind: "unknown", cause: "answer_signature_invalid" });
      // Every one of those debits reached the bank and was applied: none may count as failed.
      expect(bank.ledger()).toHaveLength(5);
    });
  });
});
