import { exportPublicKeyRaw, generateSigningKeyPair } from "@clearhub/http-signatures";
import { expect, it } from "vitest";
import { describeEachBackend } from "../support/backends.ts";
import { expectProblem, useApiHarness } from "./api-harness.ts";
import { injectedOrigin, onboardParticipant, signedInject } from "./participant-client.ts";

describeEachBackend("participant authentication", (backend) => {
  const api = useApiHarness(backend);

  it("answers a correctly signed request", async () => {
    const bank = await onboardParticipant(api, "bank-alpha");
    const response = await bank.call("POST", "/v1/ping", { hello: "hub" });
    expect(response.statusCode, response.body).toBe(204);
  });

  it("refuses an unsigned request, and an operator token, with signature_missing", async () => {
    await onboardParticipant(api, "bank-alpha");
    const unsigned = await api.app.inject({ method: "POST", url: "/v1/ping", payload: {} });
    expectProblem(unsigned, 401, "signature_missing");
    // The operator's bearer token opens the operator API only.
    expectProblem(await api.call("GET", "/v1/transfers"), 401, "signature_missing");
  });

  it("does not let a participant's signature into the operator API", async () => {
    const bank = await onboardParticipant(api, "bank-alpha");
    expectProblem(await bank.call("GET", "/operator/v1/participants"), 401, "credentials_missing");
  });

  it("refuses each way a signature can be wrong with its own code", async () => {
    const bank = await onboardParticipant(api, "bank-alpha");
    const stranger = generateSigningKeyPair();
    const nowSeconds = Math.floor(Date.now() / 1000);
    const cases: [Promise<Awaited<ReturnType<typeof bank.call>>>, string][] = [
      [bank.call("POST", "/v1/ping", {}, { privateKey: stranger.privateKey }), "signature_invalid"],
      [bank.call("POST", "/v1/ping", {}, { keyId: "bank-alpha.nosuchkey00000" }), "key_unknown"],
      [
        bank.call("POST", "/v1/ping", {}, { createdSeconds: nowSeconds - 600 }),
        "signature_created_out_of_window",
      ],
      [
        bank.call("POST", "/v1/ping", {}, { components: ["@method", "@target-uri"] }),
        "signature_components_insufficient",
      ],
    ];
    for (const [response, code] of cases) expectProblem(await response, 401, code);
  });

  it("refuses a body that is not the one signed", async () => {
    const bank = await onboardParticipant(api, "bank-alpha");
    const { signRequest } = await import("@clearhub/http-signatures");
    const headers = signRequest(
      { method: "POST", url: `${injectedOrigin}/v1/ping`, headers: {}, body: '{"a":1}' },
      { keyId: bank.keyId, privateKey: bank.privateKey },
    );
    const tampered = await api.app.inject({
      method: "POST",
      url: "/v1/ping",
      headers: { ...headers, "content-type": "application/json" },
      payload: '{"a":2}',
    });
    expectProblem(tampered, 401, "digest_mismatch");
  });

  it("reads JSON bodies only, so no body reaches a route without the signature covering it", async () => {
    const bank = await onboardParticipant(api, "bank-alpha");
    const { signRequest } = await import("@clearhub/http-signatures");
    // Signed as a request without a body: the digest vouches for the empty body only.
    const headers = signRequest(
      { method: "POST", url: `${injectedOrigin}/v1/ping`, headers: {} },
      { keyId: bank.keyId, privateKey: bank.privateKey },
    );
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded"]) {
      const unsigned = await api.app.inject({
        method: "POST",
        url: "/v1/ping",
        headers: { ...headers, "content-type": contentType },
        payload: "not covered by the signature",
      });
      expectProblem(unsigned, 415, "media_type_unsupported");
    }
  });

  it("refuses a body that is not UTF-8 as invalid JSON, however it was signed", async () => {
    const bank = await onboardParticipant(api, "bank-alpha");
    const { signRequest } = await import("@clearhub/http-signatures");
    // "Müller" in Latin-1: a lenient decoder would read U+FFFD where the signer meant ü.
    const body = Buffer.concat([
      Buffer.from('{"name":"M'),
      Buffer.from([0xfc]),
      Buffer.from('ller"}'),
    ]);
    const headers = signRequest(
      { method: "POST", url: `${injectedOrigin}/v1/ping`, headers: {}, body },
      { keyId: bank.keyId, privateKey: bank.privateKey },
    );
    const refused = await api.app.inject({
      method: "POST",
      url: "/v1/ping",
      headers: { ...headers, "content-type": "application/json" },
      payload: body,
    });
    expectProblem(refused, 400, "body_invalid_json");
  });

  it("refuses a replayed nonce, and a signature for another URL", async () => {
    const bank = await onboardParticipant(api, "bank-alpha");
    const nonce = "replayed-nonce-0001";
    const sign = { keyId: bank.keyId, privateKey: bank.privateKey, nonce };
    const first = await signedInject(api, { method: "POST", path: "/v1/ping", payload: {} }, sign);
    expect(first.statusCode).toBe(204);
    const again = await signedInject(api, { method: "POST", path: "/v1/ping", payload: {} }, sign);
    expectProblem(again, 401, "nonce_replayed");
    const { signRequest } = await import("@clearhub/http-signatures");
    const headers = signRequest(
      { method: "GET", url: `${injectedOrigin}/v1/accounts`, headers: {} },
      { keyId: bank.keyId, privateKey: bank.privateKey },
    );
    const moved = await api.app.inject({
      method: "GET",
      url: "/v1/transfers",
      headers: { ...headers },
    });
    expectProblem(moved, 401, "signature_invalid");
  });

  it("refuses a key as soon as it is revoked, rotated away, or its participant terminated", async () => {
    const bank = await onboardParticipant(api, "bank-alpha");
    // Each key signs a request first, so the hub holds its signer when the change comes.
    expect((await bank.call("POST", "/v1/ping", {})).statusCode).toBe(204);
    const revoked = await api.call(
      "POST",
      `/operator/v1/participants/bank-alpha/keys/${bank.keyId}/revoke`,
    );
    expect(revoked.statusCode, revoked.body).toBe(200);
    expectProblem(await bank.call("POST", "/v1/ping", {}), 401, "key_revoked");
    const other = await onboardParticipant(api, "bank-beta");
    expect((await other.call("POST", "/v1/ping", {})).statusCode).toBe(204);
    const ended = await api.callApproved("POST", "/operator/v1/participants/bank-beta/status", {
      status: "terminated",
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expectProblem(await other.call("POST", "/v1/ping", {}), 401, "key_owner_terminated");
    const third = await onboardParticipant(api, "bank-gamma");
    expect((await third.call("POST", "/v1/ping", {})).statusCode).toBe(204);
    const { publicKey } = generateSigningKeyPair();
    const rotated = await api.call(
      "POST",
      `/operator/v1/participants/bank-gamma/keys/${third.keyId}/rotate`,
      { publicKey: exportPublicKeyRaw(publicKey) },
    );
    expect(rotated.statusCode, rotated.body).toBe(201);
    expectProblem(await third.call("POST", "/v1/ping", {}), 401, "key_revoked");
  });

  it("writes nothing for a refused signature", async () => {
    const bank = await onboardParticipant(api, "bank-alpha");
    await onboardParticipant(api, "bank-beta");
    const stranger = generateSigningKeyPair();
    const body = { id: "t-1", payee: "bank-beta", amount: "1.00", currency: "EUR" };
    const refused = await bank.call("POST", "/v1/transfers", body, {
      privateKey: stranger.privateKey,
    });
    expectProblem(refused, 401, "signature_invalid");
    expectProblem(await bank.call("GET", "/v1/transfers/t-1"), 404, "transfer_not_found");
  });
});
