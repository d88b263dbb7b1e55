import type { LightMyRequestResponse } from "fastify";
import { expect, it } from "vitest";
import { ScryptPasswordHasher } from "../../src/adapters/crypto/scrypt-password-hasher.ts";
import { MemoryLoginThrottle } from "../../src/adapters/limits/memory-login-throttle.ts";
import {
  csrfTokenFor,
  hashSessionSecret,
  OperatorSessionService,
} from "../../src/app/operators/operator-session-service.ts";
import { describeEachBackend } from "../support/backends.ts";
import { testActor } from "../support/test-actor.ts";
import { expectProblem, openApiHarness, useApiHarness } from "./api-harness.ts";
import { snapshotStore } from "./store-snapshot.ts";

const password = "correct horse battery staple";
const minute = 60_000;

/** The session cookie's value and attributes, as the login answered them. */
function sessionCookie(response: LightMyRequestResponse): { value: string; attributes: string[] } {
  const header = response.headers["set-cookie"];
  const line = Array.isArray(header) ? header[0] : header;
  const [pair = "", ...attributes] = (line ?? "").split("; ");
  expect(pair.startsWith("clearhub_session=")).toBe(true);
  return { value: pair.slice("clearhub_session=".length), attributes };
}

describeEachBackend("operator console sessions", (backend) => {
  let now = Date.UTC(2026, 0, 5, 9, 0, 0);
  const api = useApiHarness(backend, { operatorClock: () => now });

  async function createOperator(name: string, role: "viewer" | "operator" | "admin") {
    const created = await api.hub.operatorAccounts.create({ name, role, password }, testActor);
    if (!created.ok) throw new Error(created.code);
    return created.value.account;
  }

  const login = (name: string, given = password) =>
    api.app.inject({
      method: "POST",
      url: "/operator/v1/session",
      payload: { name, password: given },
    });

  const withCookie = (
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    cookie: string,
    extra: { csrf?: string; payload?: unknown } = {},
  ) =>
    api.app.inject({
      method,
      url,
      headers: {
        cookie: `theme=dark; clearhub_session=${cookie}`,
        ...(extra.csrf === undefined ? {} : { "x-csrf-token": extra.csrf }),
      },
      ...(extra.payload === undefined ? {} : { payload: extra.payload as object }),
    });

  it("logs in: the operator, a CSRF token, the expiry, and an HttpOnly SameSite=Strict cookie", async () => {
    now = Date.UTC(2026, 0, 5, 9, 0, 0);
    const account = await createOperator("alice", "operator");
    const response = await login("alice");
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toEqual({
      operator: { id: account.id, name: "alice", role: "operator" },
      csrfToken: expect.any(String),
      expiresAt: new Date(now + 30 * minute).toISOString(),
    });
    const cookie = sessionCookie(response);
    expect(cookie.attributes).toEqual(["HttpOnly", "SameSite=Strict", "Path=/"]);
    expect(body.csrfToken).toBe(csrfTokenFor(cookie.value));
    // Stored hashed: the database holds neither the secret nor the CSRF token.
    const rows = await api.hub.database.kysely
      .selectFrom("operator_sessions")
      .selectAll()
      .execute();
    expect(rows.map((row) => row.secret_hash)).toEqual([hashSessionSecret(cookie.value)]);
    expect(JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(
      cookie.value,
    );

    const current = await withCookie("GET", "/operator/v1/session", cookie.value);
    expect(current.statusCode).toBe(200);
    expect(current.json()).toEqual(body);
    expect((await withCookie("GET", "/operator/v1/participants", cookie.value)).statusCode).toBe(
      200,
    );
  });

  it("marks the cookie Secure when the request came over HTTPS", async () => {
    // Behind a TLS-terminating proxy the hub is told to trust it, and learns the scheme from it.
    const proxied = await openApiHarness(backend, { trustProxy: true });
    try {
      await proxied.hub.operatorAccounts.create(
        { name: "alice", role: "viewer", password },
        testActor,
      );
      const response = await proxied.app.inject({
        method: "POST",
        url: "/operator/v1/session",
        headers: { "x-forwarded-proto": "https" },
        payload: { name: "alice", password },
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(sessionCookie(response).attributes).toContain("Secure");
    } finally {
      await proxied.dispose();
    }
  });

  it("answers one 401 login_failed for an unknown name and a wrong password", async () => {
    await createOperator("alice", "viewer");
    const wrongPassword = expectProblem(
      await login("alice", "not the password"),
      401,
      "login_failed",
    );
    const unknownName = expectProblem(await login("mallory"), 401, "login_failed");
    expect(unknownName).toEqual(wrongPassword);
    expect(
      await api.hub.database.kysely.selectFrom("operator_sessions").selectAll().execute(),
    ).toEqual([]);
  });

  it("stops guessing after ten attempts per name, whether or not the name exists", async () => {
    await createOperator("alice", "viewer");
    for (let attempt = 0; attempt < 10; attempt++) {
      expectProblem(await login("alice", `guess ${attempt}`), 401, "login_failed");
      expectProblem(await login("nobody", `guess ${attempt}`), 401, "login_failed");
    }
    const limited = expectProblem(await login("alice"), 429, "login_rate_limited");
    expect(limited.status).toBe(429);
    expectProblem(await login("nobody"), 429, "login_rate_limited");
    expect(Number((await login("alice")).headers["retry-after"])).toBeGreaterThan(0);
    // Another name is not held back by the guesses at this one.
    await createOperator("bob", "viewer");
    expect((await login("bob")).statusCode).toBe(200);
  });

  it("answers 401 for no cookie and for an unknown one", async () => {
    expectProblem(
      await api.app.inject({ method: "GET", url: "/operator/v1/session" }),
      401,
      "credentials_missing",
    );
    expectProblem(
      await withCookie("GET", "/operator/v1/session", "chs_forged"),
      401,
      "credentials_invalid",
    );
  });

  it("refuses an unsafe request with the cookie but without its CSRF token, writing nothing", async () => {
    await createOperator("alice", "operator");
    const response = await login("alice");
    const cookie = sessionCookie(response).value;
    const { csrfToken } = response.json();
    const payload = { id: "acme-bank", name: "Acme", kind: "bank", currencies: [] };
    const before = await snapshotStore(api.hub.database);
    for (const csrf of [undefined, "", "wrong", `${csrfToken}x`, csrfTokenFor("chs_other")]) {
      const refused = await withCookie("POST", "/operator/v1/participants", cookie, {
        csrf,
        payload,
      });
      expectProblem(refused, 403, "csrf_token_invalid");
    }
    expect(await snapshotStore(api.hub.database)).toEqual(before);
    const created = await withCookie("POST", "/operator/v1/participants", cookie, {
      csrf: csrfToken,
      payload,
    });
    expect(created.statusCode, created.body).toBe(201);
    // A bearer token needs no CSRF token: no browser sends it by itself.
    expect((await api.call("GET", "/operator/v1/participants/acme-bank")).statusCode).toBe(200);
  });

  it("ends a session after 30 idle minutes, and keeps a used one alive", async () => {
    now = Date.UTC(2026, 0, 5, 9, 0, 0);
    await createOperator("alice", "viewer");
    const cookie = sessionCookie(await login("alice")).value;
    for (let step = 0; step < 4; step++) {
      now += 29 * minute;
      expect((await withCookie("GET", "/operator/v1/session", cookie)).statusCode).toBe(200);
    }
    now += 30 * minute;
    expectProblem(
      await withCookie("GET", "/operator/v1/session", cookie),
      401,
      "credentials_invalid",
    );
    // Expired sessions are deleted when met.
    expect(
      await api.hub.database.kysely.selectFrom("operator_sessions").selectAll().execute(),
    ).toEqual([]);
  });

  it("ends a session 12 hours after login however busy", async () => {
    now = Date.UTC(2026, 0, 5, 9, 0, 0);
    await createOperator("alice", "viewer");
    const cookie = sessionCookie(await login("alice")).value;
    const loginAt = now;
    while (now + 20 * minute < loginAt + 12 * 60 * minute) {
      now += 20 * minute;
      const current = await withCookie("GET", "/operator/v1/session", cookie);
      expect(current.statusCode).toBe(200);
      const expiresAt = Date.parse(current.json().expiresAt);
      expect(expiresAt).toBe(Math.min(now + 30 * minute, loginAt + 12 * 60 * minute));
    }
    now = loginAt + 12 * 60 * minute;
    expectProblem(
      await withCookie("GET", "/operator/v1/session", cookie),
      401,
      "credentials_invalid",
    );
  });

  it("logs out: the session row is deleted and the cookie cleared", async () => {
    await createOperator("alice", "viewer");
    const response = await login("alice");
    const cookie = sessionCookie(response).value;
    const { csrfToken } = response.json();
    expectProblem(
      await withCookie("DELETE", "/operator/v1/session", cookie),
      403,
      "csrf_token_invalid",
    );
    const out = await withCookie("DELETE", "/operator/v1/session", cookie, { csrf: csrfToken });
    expect(out.statusCode).toBe(204);
    expect(sessionCookie(out).attributes).toContain("Max-Age=0");
    expect(
      await api.hub.database.kysely.selectFrom("operator_sessions").selectAll().execute(),
    ).toEqual([]);
    expectProblem(
      await withCookie("GET", "/operator/v1/session", cookie),
      401,
      "credentials_invalid",
    );
  });

  it("shares sessions between hub nodes through the store", async () => {
    await createOperator("alice", "viewer");
    const cookie = sessionCookie(await login("alice")).value;
    // A second node is a second service over the same store.
    const otherNode = new OperatorSessionService(
      api.hub.operatorStore,
      new ScryptPasswordHasher(),
      new MemoryLoginThrottle(),
      () => now,
    );
    expect((await otherNode.resume(cookie))?.account.name).toBe("alice");
  });

  it("answers session_required when a token asks about the session", async () => {
    expectProblem(await api.call("GET", "/operator/v1/session"), 401, "session_required");
  });

  it("ends the sessions of a disabled account", async () => {
    const account = await createOperator("alice", "viewer");
    const cookie = sessionCookie(await login("alice")).value;
    const disabled = await api.hub.operatorAccounts.disable(account.id, testActor);
    expect(disabled.ok).toBe(true);
    expectProblem(
      await withCookie("GET", "/operator/v1/session", cookie),
      401,
      "credentials_invalid",
    );
    expectProblem(await login("alice"), 401, "login_failed");
  });
});
