import { expect, it } from "vitest";
import { hashOperatorToken, issueOperatorToken } from "../../src/api/operator-auth.ts";
import { describeEachBackend } from "../support/backends.ts";
import { testActor } from "../support/test-actor.ts";
import { expectProblem, useApiHarness } from "./api-harness.ts";

describeEachBackend("operator API authentication", (backend) => {
  const api = useApiHarness(backend);

  const get = (authorization?: string) =>
    api.app.inject({
      method: "GET",
      url: "/operator/v1/participants",
      headers: authorization === undefined ? {} : { authorization },
    });

  it("answers 401 credentials_missing without a bearer token", async () => {
    const response = await get();
    expectProblem(response, 401, "credentials_missing");
    expect(response.headers["www-authenticate"]).toMatch(/^Bearer/);
    expectProblem(
      await get(`Basic ${Buffer.from("a:b").toString("base64")}`),
      401,
      "credentials_missing",
    );
    expectProblem(await get("Bearer"), 401, "credentials_missing");
  });

  it("answers 401 credentials_invalid for an unknown token", async () => {
    const response = await get("Bearer chop_not-a-real-token");
    expectProblem(response, 401, "credentials_invalid");
    expect(response.headers["www-authenticate"]).toContain('error="invalid_token"');
    expectProblem(await get(`Bearer ${"x".repeat(5000)}`), 401, "credentials_invalid");
  });

  it("accepts a valid token, and refuses it once revoked", async () => {
    const issued = await issueOperatorToken(api.hub, "to revoke", testActor);
    expect((await get(`Bearer ${issued.token}`)).statusCode).toBe(200);
    expect(await api.hub.operatorStore.revokeToken(issued.id, Date.now())).toBe(true);
    expectProblem(await get(`Bearer ${issued.token}`), 401, "credentials_invalid");
    // Other tokens are unaffected.
    expect((await get(`Bearer ${api.token}`)).statusCode).toBe(200);
  });

  it("checks the token before reading the body", async () => {
    const response = await api.app.inject({
      method: "POST",
      url: "/operator/v1/transfers",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expectProblem(response, 401, "credentials_missing");
  });

  it("issues chop_ tokens and stores only their SHA-256 hash", async () => {
    const issued = await issueOperatorToken(api.hub, "ci", testActor);
    expect(issued.token).toMatch(/^chop_[A-Za-z0-9_-]{43}$/);
    const rows = await api.hub.database.kysely.selectFrom("operator_tokens").selectAll().execute();
    const row = rows.find((candidate) => candidate.id === issued.id);
    expect(row?.token_hash).toBe(hashOperatorToken(issued.token));
    expect(
      JSON.stringify(rows, (_key, value) => (typeof value === "bigint" ? String(value) : value)),
    ).not.toContain(issued.token);
    await expect(issueOperatorToken(api.hub, "", testActor)).rejects.toThrow(/name/);
  });

  it("leaves the probes and the API description open", async () => {
    for (const url of ["/health", "/ready", "/openapi.json"]) {
      const response = await api.app.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(200);
    }
  });
});
