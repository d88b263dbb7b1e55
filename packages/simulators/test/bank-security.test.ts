/**
 * The simulator acts only on requests the hub signed, once each, and signs every answer, so
 * the hub can tell the bank's answers from anyone else's.
 */
import { randomUUID } from "node:crypto";
import { generateSigningKeyPair } from "@clearhub/http-signatures";
import { request } from "undici";
import { describe, expect, it } from "vitest";
import { alice, pi, useBank } from "./support/bank-fixture.ts";

describe("the hub's signatures", () => {
  const fixture = useBank();

  it("refuses a request changed after signing, applying nothing", async () => {
    const agreementNumber = await fixture.signAgreement();
    const tampered = await fixture.call(
      "/debits",
      {
        transactionId: randomUUID(),
        paymentInstitutionId: pi,
        agreementNumber,
        amount: "1.00",
        currency: "CNY",
      },
      { tamper: (payload) => payload.replace('"1.00"', '"900.00"') },
    );
    expect(tampered).toMatchObject({
      status: 401,
      signed: true,
      body: { code: "digest_mismatch" },
    });
    expect(fixture.bank.balance(alice.accountNumber)).toBe("1000.00");
    expect(fixture.bank.transactions()).toEqual([]);
  });

  it("refuses a replayed nonce, a key not in the hub's set, and a stale signature", async () => {
    const body = { transactionId: randomUUID() };
    const nonce = "replayed-nonce-0000001";
    expect((await fixture.call("/inquiries", body, { sign: { nonce } })).status).toBe(200);
    expect((await fixture.call("/inquiries", body, { sign: { nonce } })).body.code).toBe(
      "nonce_replayed",
    );
    const stranger = generateSigningKeyPair().privateKey;
    const unknownKey = await fixture.call("/inquiries", body, {
      sign: { keyId: "not-the-hub", privateKey: stranger },
    });
    expect(unknownKey).toMatchObject({ status: 401, signed: true, body: { code: "key_unknown" } });
    const forged = await fixture.call("/inquiries", body, { sign: { privateKey: stranger } });
    expect(forged.body.code).toBe("signature_invalid");
    const stale = await fixture.call("/inquiries", body, {
      sign: { createdSeconds: Math.floor(Date.now() / 1000) - 600 },
    });
    expect(stale.body.code).toBe("signature_created_out_of_window");
  });

  it("refuses an unsigned request, with a signed answer", async () => {
    const response = await request(`${fixture.bank.url}/inquiries`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ transactionId: "t-1" }),
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers.signature).toBeDefined();
    expect(await response.body.json()).toMatchObject({ code: "signature_missing" });
  });

  it("fetches the hub's key set once and keeps it", async () => {
    for (let i = 0; i < 3; i++) await fixture.call("/inquiries", { transactionId: randomUUID() });
    expect(fixture.hub.keySetFetches()).toBe(1);
  });

  it("answers a path it does not implement with a signed route_unknown", async () => {
    const answer = await fixture.call("/payments", {});
    expect(answer).toMatchObject({ status: 404, signed: true, body: { code: "route_unknown" } });
  });

  it("verifies the signature before reading the body, then refuses one that is not JSON", async () => {
    const answer = await fixture.call("/debits", {}, { tamper: () => "{not json" });
    expect(answer).toMatchObject({ status: 401, signed: true, body: { code: "digest_mismatch" } });
    const signedGarbage = await fixture.call("/debits", "{not json");
    expect(signedGarbage).toMatchObject({
      status: 400,
      signed: true,
      body: { code: "request_invalid" },
    });
  });
});

describe("a hub that replaced its key", () => {
  const fixture = useBank({ hubKeySet: { refetchIntervalMsMin: 0 } });

  it("is trusted once the key set fetched again for the unknown keyid names the new key", async () => {
    await fixture.call("/inquiries", { transactionId: randomUUID() });
    fixture.hub.rotateKey();
    const answer = await fixture.call("/inquiries", { transactionId: randomUUID() });
    expect(answer).toMatchObject({ status: 200, signed: true });
    expect(fixture.hub.keySetFetches()).toBe(2);
  });
});

describe("a simulator told to trust the hub", () => {
  const fixture = useBank({ verifyHubSignatures: false });

  it("acts on requests without verifying them, for benchmarks of the hub alone", async () => {
    const answer = await fixture.call(
      "/inquiries",
      { transactionId: "t-1" },
      { tamper: (payload) => payload.replace("t-1", "t-2") },
    );
    expect(answer).toMatchObject({ status: 200, signed: true, body: { transactionId: "t-2" } });
    expect(fixture.hub.keySetFetches()).toBe(0);
  });
});
