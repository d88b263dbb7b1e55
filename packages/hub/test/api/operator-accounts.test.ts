import { expect, it } from "vitest";
import { seedDemoOperators } from "../../src/cli/demo-network.ts";
import { describeEachBackend } from "../support/backends.ts";
import { expectProblem, tokenWithRole, useApiHarness } from "./api-harness.ts";
import { snapshotStore } from "./store-snapshot.ts";

interface OperatorBody {
  id: string;
  name: string;
  role: string;
  canLogIn: boolean;
  disabledAt: string | null;
}

describeEachBackend("operator accounts", (backend) => {
  const api = useApiHarness(backend);
  const login = (name: string, password: string) =>
    api.app.inject({ method: "POST", url: "/operator/v1/session", payload: { name, password } });

  it("creates an account with a generated password shown once, which logs in", async () => {
    const response = await api.call("POST", "/operator/v1/operators", {
      name: "dana",
      role: "operator",
    });
    expect(response.statusCode, response.body).toBe(201);
    const { operator, password } = response.json() as { operator: OperatorBody; password: string };
    expect(operator).toMatchObject({
      name: "dana",
      role: "operator",
      canLogIn: true,
      disabledAt: null,
    });
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const stored = await api.hub.database.kysely
      .selectFrom("operator_accounts")
      .selectAll()
      .execute();
    const row = stored.find((candidate) => candidate.name === "dana");
    // scrypt, with its parameters kept beside the salt and the key.
    expect(row?.password_hash).toMatch(
      /^scrypt\$\d+\$8\$\d+\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/,
    );
    expect(row?.password_hash).not.toContain(password);
    expect((await login("dana", password)).json()).toMatchObject({
      operator: { id: operator.id, name: "dana", role: "operator" },
    });
    const read = await api.call("GET", `/operator/v1/operators/${operator.id}`);
    expect(read.json()).toEqual(operator);
  });

  it("takes a chosen password, and refuses bad names, short passwords and taken names, writing nothing", async () => {
    const chosen = "a long enough passphrase";
    const created = await api.call("POST", "/operator/v1/operators", {
      name: "erin.ops@example",
      role: "viewer",
      password: chosen,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ password: chosen });
    const before = await snapshotStore(api.hub.database);
    const create = (body: unknown) => api.call("POST", "/operator/v1/operators", body);
    expectProblem(await create({ name: " erin", role: "viewer" }), 422, "operator_name_invalid");
    expectProblem(
      await create({ name: "x".repeat(101), role: "viewer" }),
      422,
      "operator_name_invalid",
    );
    expectProblem(await create({ name: "a\u0000b", role: "viewer" }), 422, "operator_name_invalid");
    expectProblem(
      await create({ name: "frank", role: "viewer", password: "short" }),
      422,
      "password_invalid",
    );
    expectProblem(
      await create({ name: "erin.ops@example", role: "admin" }),
      409,
      "operator_account_exists",
    );
    expectProblem(await create({ name: "frank", role: "root" }), 400, "request_invalid");
    expectProblem(
      await create({ name: "frank", role: "viewer", extra: 1 }),
      400,
      "request_invalid",
    );
    expect(await snapshotStore(api.hub.database)).toEqual(before);
  });

  it("lists accounts in name order, page by page", async () => {
    for (const name of ["zoe", "amy", "mia"]) {
      await api.call("POST", "/operator/v1/operators", { name, role: "viewer" });
    }
    const first = (await api.call("GET", "/operator/v1/operators?limit=2")).json() as {
      items: OperatorBody[];
      nextCursor: string;
    };
    expect(first.items.map((item) => item.name)).toEqual(["amy", "mia"]);
    const rest = (
      await api.call("GET", `/operator/v1/operators?after=${first.nextCursor}`)
    ).json() as {
      items: OperatorBody[];
    };
    expect(rest.items.map((item) => item.name)).toEqual(["test approver", "test operator", "zoe"]);
    expectProblem(
      await api.call("GET", "/operator/v1/operators?role=admin"),
      400,
      "request_invalid",
    );
  });

  it("changes a role, effective on the account's next request", async () => {
    const created = await api.call("POST", "/operator/v1/operators", {
      name: "gus",
      role: "viewer",
    });
    const { operator, password } = created.json() as { operator: OperatorBody; password: string };
    const session = await login("gus", password);
    const cookie = `clearhub_session=${/clearhub_session=([^;]+)/.exec(String(session.headers["set-cookie"]))?.[1]}`;
    const { csrfToken } = session.json() as { csrfToken: string };
    const asGus = () =>
      api.app.inject({
        method: "POST",
        url: "/operator/v1/participants",
        headers: { cookie, "x-csrf-token": csrfToken },
        payload: { id: "bank-g", name: "G", kind: "bank", currencies: [] },
      });
    expectProblem(await asGus(), 403, "role_insufficient");
    const promoted = await api.call("PUT", `/operator/v1/operators/${operator.id}/role`, {
      role: "operator",
    });
    expect(promoted.json()).toMatchObject({ role: "operator" });
    expect((await asGus()).statusCode).toBe(201);
  });

  it("disables an account: its tokens stop, the name stays taken, and that is final", async () => {
    const token = await tokenWithRole(api, "operator", "henry");
    const account = (await api.hub.operatorStore.findAccountByName("henry"))?.id ?? "";
    expect((await api.callAs(token, "GET", "/operator/v1/participants")).statusCode).toBe(200);
    const disabled = await api.call("POST", `/operator/v1/operators/${account}/disable`);
    expect(disabled.json()).toMatchObject({ name: "henry", disabledAt: expect.any(String) });
    expectProblem(
      await api.callAs(token, "GET", "/operator/v1/participants"),
      401,
      "credentials_invalid",
    );
    expectProblem(
      await api.call("POST", `/operator/v1/operators/${account}/disable`),
      409,
      "operator_account_disabled",
    );
    expectProblem(
      await api.call("PUT", `/operator/v1/operators/${account}/role`, { role: "admin" }),
      409,
      "operator_account_disabled",
    );
    expectProblem(
      await api.call("POST", "/operator/v1/operators", { name: "henry", role: "viewer" }),
      409,
      "operator_account_exists",
    );
    expectProblem(
      await api.call("POST", "/operator/v1/operators/nobody/disable"),
      404,
      "operator_account_not_found",
    );
  });

  it("keeps one enabled admin: the last cannot be demoted or disabled", async () => {
    const accounts = (await api.call("GET", "/operator/v1/operators")).json() as {
      items: OperatorBody[];
    };
    const [approver, operator] = accounts.items;
    if (approver === undefined || operator === undefined)
      throw new Error("the harness has two admins");
    const demoted = await api.call("PUT", `/operator/v1/operators/${approver.id}/role`, {
      role: "operator",
    });
    expect(demoted.statusCode, demoted.body).toBe(200);
    expectProblem(
      await api.call("PUT", `/operator/v1/operators/${operator.id}/role`, { role: "viewer" }),
      409,
      "operator_account_last_admin",
    );
    expectProblem(
      await api.call("POST", `/operator/v1/operators/${operator.id}/disable`),
      409,
      "operator_account_last_admin",
    );
    // Staying admin is no change to the count.
    expect(
      (await api.call("PUT", `/operator/v1/operators/${operator.id}/role`, { role: "admin" }))
        .statusCode,
    ).toBe(200);
  });

  it("seeds the demo's two admins once, with passwords that log in", async () => {
    const first = await seedDemoOperators(api.hub);
    expect(first.map((created) => created.name)).toEqual(["admin", "approver"]);
    expect(await seedDemoOperators(api.hub)).toEqual([]);
    for (const { name, password } of first) {
      expect((await login(name, password)).json()).toMatchObject({
        operator: { name, role: "admin" },
      });
    }
  });
});
