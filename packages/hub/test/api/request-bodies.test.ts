/**
 * Bodies are read alike on every route, operator and participant: JSON only, no repeated
 * names, and an empty body is no body (so a POST that takes none may carry the JSON type).
 */
import { signRequest } from "@clearhub/http-signatures";
import { expect, it } from "vitest";
import { describeEachBackend } from "../support/backends.ts";
import { type ApiHarness, createParticipant, expectProblem, useApiHarness } from "./api-harness.ts";
import {
  injectedOrigin,
  onboardParticipant,
  type ParticipantClient,
} from "./participant-client.ts";

/** A signed request whose body is sent exactly as given. */
function signedRaw(
  api: ApiHarness,
  client: ParticipantClient,
  path: string,
  body: string,
  contentType = "application/json",
) {
  const headers = signRequest(
    { method: "POST", url: `${injectedOrigin}${path}`, headers: {}, body },
    { keyId: client.keyId, privateKey: client.privateKey },
  );
  return api.app.inject({
    method: "POST",
    url: path,
    headers: { ...headers, "content-type": contentType },
    payload: body,
  });
}

function operatorRaw(api: ApiHarness, path: string, body: string, contentType: string) {
  return api.app.inject({
    method: "POST",
    url: path,
    headers: { authorization: `Bearer ${api.token}`, "content-type": contentType },
    payload: body,
  });
}

const bankUrl = "/operator/v1/banks/bank-a";

describeEachBackend("request bodies", (backend) => {
  const api = useApiHarness(backend);

  it("accepts a body-less POST that carries the JSON content type, on both APIs", async () => {
    await createParticipant(api, "bank-a");
    for (const id of ["old", "new"]) {
      const added = await api.call("POST", `${bankUrl}/endpoints`, {
        id,
        url: `https://quickpay.bank-a.example/${id}`,
      });
      expect(added.statusCode, added.body).toBe(201);
    }
    const switched = await api.callApproved("PUT", `${bankUrl}/primary-endpoint`, {
      endpointId: "new",
    });
    expect(switched.statusCode, switched.body).toBe(200);
    const migrations = `${bankUrl}/endpoint-migrations`;
    for (const id of ["first", "second"]) {
      const created = await api.call("POST", migrations, {
        id,
        fromEndpointId: "old",
        toEndpointId: "new",
        weightPercent: 100,
      });
      expect(created.statusCode, created.body).toBe(201);
      const action = id === "first" ? "rollback" : "complete";
      const done = await operatorRaw(api, `${migrations}/${id}/${action}`, "", "application/json");
      expect(done.statusCode, done.body).toBe(200);
    }
    const wallet = await onboardParticipant(api, "wallet-a", "payment_institution");
    const ping = await signedRaw(api, wallet, "/v1/ping", "");
    expect(ping.statusCode, ping.body).toBe(204);
  });

  it("refuses text and form bodies as media_type_unsupported on both APIs", async () => {
    const wallet = await onboardParticipant(api, "wallet-a", "payment_institution");
    const participant = JSON.stringify({ id: "p", name: "P", kind: "bank", currencies: [] });
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded"]) {
      expectProblem(
        await operatorRaw(api, "/operator/v1/participants", participant, contentType),
        415,
        "media_type_unsupported",
      );
      expectProblem(
        await signedRaw(api, wallet, "/v1/transfers", '{"payee":"x"}', contentType),
        415,
        "media_type_unsupported",
      );
    }
    const listed = await api.call("GET", "/operator/v1/participants");
    expect(listed.json().items.map((item: { id: string }) => item.id)).not.toContain("p");
  });

  it("refuses a repeated name on an operator route, writing nothing", async () => {
    const body =
      '{"id":"bank-a","id":"bank-b","name":"A","kind":"bank","currencies":[{"currency":"EUR","netDebitCap":"1.00"}]}';
    const refused = expectProblem(
      await operatorRaw(api, "/operator/v1/participants", body, "application/json"),
      400,
      "body_duplicate_key",
    );
    expect(refused.detail).toContain('"id"');
    const listed = await api.call("GET", "/operator/v1/participants");
    const ids = listed.json().items.map((item: { id: string }) => item.id);
    expect(ids).not.toContain("bank-a");
    expect(ids).not.toContain("bank-b");
  });

  it("refuses a repeated name in a signed participant body, nested too, writing nothing", async () => {
    const wallet = await onboardParticipant(api, "wallet-a", "payment_institution", "100.00");
    await onboardParticipant(api, "bank-b");
    const single = '{"id":"t-1","payee":"bank-b","amount":"1.00","currency":"EUR","amount":"9.00"}';
    expectProblem(await signedRaw(api, wallet, "/v1/transfers", single), 400, "body_duplicate_key");
    const bulk =
      '{"transfers":[{"id":"t-2","payee":"bank-b","amount":"1.00","currency":"EUR"},{"id":"t-3","id":"t-4","payee":"bank-b","amount":"1.00","currency":"EUR"}]}';
    expectProblem(
      await signedRaw(api, wallet, "/v1/transfers/bulk", bulk),
      400,
      "body_duplicate_key",
    );
    for (const id of ["t-1", "t-2", "t-3", "t-4"]) {
      const found = await api.call("GET", `/operator/v1/transfers/${id}`);
      expect(found.statusCode).toBe(404);
    }
  });
});
