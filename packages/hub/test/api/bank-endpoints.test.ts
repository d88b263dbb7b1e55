import { expect, it } from "vitest";
import type { AgreementPinning } from "../../src/app/ports/agreement-pinning.ts";
import type { Agreement } from "../../src/domain/agreements/agreement.ts";
import { pinnedAgreement } from "../support/agreements.ts";
import { describeEachBackend } from "../support/backends.ts";
import { type ApiHarness, createParticipant, expectProblem, useApiHarness } from "./api-harness.ts";

interface EndpointBody {
  id: string;
  url: string;
  timeoutMs: number;
  concurrencyMax: number;
  breaker: Record<string, number>;
  enabled: boolean;
  primary: boolean;
}

interface MigrationBody {
  id: string;
  fromEndpointId: string;
  toEndpointId: string;
  weightPercent: number;
  state: string;
  history: { actorId: string; weightPercent: number; state: string }[];
}

const bankUrl = "/operator/v1/banks/icbc";

/** A request that needs four eyes, proposed and approved: what the direct route would answer. */
async function approved<T>(api: ApiHarness, method: "PUT" | "POST", url: string, body?: unknown) {
  const response = await api.callApproved(method, url, body);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { result: T }).result;
}

async function ok<T>(
  api: ApiHarness,
  method: "GET" | "POST" | "PUT" | "PATCH",
  url: string,
  body?: unknown,
) {
  const response = await api.call(method, url, body);
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json() as T;
}

/** The seed's bank: quick-pay interfaces at five branches, about to be consolidated. */
async function branches(api: ApiHarness, count = 5): Promise<void> {
  await createParticipant(api, "icbc");
  for (let index = 1; index <= count; index++) {
    await ok(api, "POST", `${bankUrl}/endpoints`, {
      id: `branch-${index}`,
      url: `https://quickpay.icbc.example/branch-${index}`,
    });
  }
}

async function auditOf(api: ApiHarness, subject: string) {
  const page = await ok<{ items: { action: string; details: Record<string, unknown> }[] }>(
    api,
    "GET",
    `/operator/v1/audit-log?subject=${encodeURIComponent(subject)}`,
  );
  return page.items.map((entry) => [entry.action, entry.details]).reverse();
}

describeEachBackend("bank endpoints API", (backend) => {
  const api = useApiHarness(backend);

  it("registers endpoints with defaults; the first is primary", async () => {
    await branches(api, 2);
    const listed = await ok<{ items: EndpointBody[]; primaryEndpointId: string }>(
      api,
      "GET",
      `${bankUrl}/endpoints`,
    );
    expect(listed.primaryEndpointId).toBe("branch-1");
    expect(listed.items.map((e) => [e.id, e.primary])).toEqual([
      ["branch-1", true],
      ["branch-2", false],
    ]);
    expect(listed.items[0]).toMatchObject({
      url: "https://quickpay.icbc.example/branch-1",
      timeoutMs: 10_000,
      concurrencyMax: 64,
      breaker: { failurePercent: 50, windowMs: 30_000, minimumCalls: 20, halfOpenAfterMs: 15_000 },
      enabled: true,
    });
    expect(await auditOf(api, "bank_endpoint:icbc/branch-2")).toEqual([
      [
        "bank_endpoint.add",
        {
          url: "https://quickpay.icbc.example/branch-2",
          timeoutMs: 10_000,
          concurrencyMax: 64,
          breaker: {
            failurePercent: 50,
            windowMs: 30_000,
            minimumCalls: 20,
            halfOpenAfterMs: 15_000,
          },
          enabled: true,
        },
      ],
    ]);
  });

  it("updates settings, switches the primary in one step, and refuses what would strand signings", async () => {
    await branches(api, 3);
    const patched = await ok<EndpointBody>(api, "PATCH", `${bankUrl}/endpoints/branch-3`, {
      timeoutMs: 3_000,
      breaker: { halfOpenAfterMs: 5_000 },
    });
    expect(patched).toMatchObject({ timeoutMs: 3_000, concurrencyMax: 64, primary: false });
    expect(patched.breaker.halfOpenAfterMs).toBe(5_000);
    expect(
      await approved(api, "PUT", `${bankUrl}/primary-endpoint`, { endpointId: "branch-3" }),
    ).toEqual({ primaryEndpointId: "branch-3", previousPrimaryEndpointId: "branch-1" });
    expectProblem(
      await api.call("PATCH", `${bankUrl}/endpoints/branch-3`, { enabled: false }),
      409,
      "bank_endpoint_is_primary",
    );
    await ok(api, "PATCH", `${bankUrl}/endpoints/branch-2`, { enabled: false });
    expectProblem(
      await api.call("PUT", `${bankUrl}/primary-endpoint`, { endpointId: "branch-2" }),
      409,
      "bank_endpoint_disabled",
    );
    expect(await auditOf(api, "bank_endpoint:icbc/branch-3")).toEqual([
      ["bank_endpoint.add", expect.any(Object)],
      ["bank_endpoint.update", { timeoutMs: 3_000, breaker: { halfOpenAfterMs: 5_000 } }],
      ["bank_endpoint.primary_set", { previous: "branch-1" }],
    ]);
    const route = await api.hub.bankEndpointRouter.forNewSigning("icbc");
    expect(route.ok && route.endpoint.id).toBe("branch-3");
  });

  it("answers the registry's problems", async () => {
    await branches(api, 1);
    await createParticipant(api, "wallet-a");
    await api.call("POST", "/operator/v1/participants", {
      id: "water-co",
      name: "Water",
      kind: "biller",
      currencies: [],
    });
    const add = (bank: string, body: Record<string, unknown>) =>
      api.call("POST", `/operator/v1/banks/${bank}/endpoints`, {
        id: "e-1",
        url: "https://bank.example/pay",
        ...body,
      });
    expectProblem(await add("nobody", {}), 404, "participant_not_found");
    expectProblem(await add("water-co", {}), 422, "participant_not_bank");
    expectProblem(await add("icbc", { id: "-bad" }), 422, "bank_endpoint_id_invalid");
    expectProblem(
      await add("icbc", { url: "ftp://bank.example/" }),
      422,
      "bank_endpoint_url_invalid",
    );
    expectProblem(
      await add("icbc", { url: "https://user:pw@bank.example/" }),
      422,
      "bank_endpoint_url_invalid",
    );
    expectProblem(await add("icbc", { timeoutMs: 50 }), 422, "bank_endpoint_settings_invalid");
    expectProblem(
      await add("icbc", { breaker: { failurePercent: 100 } }),
      422,
      "bank_endpoint_settings_invalid",
    );
    expectProblem(await add("icbc", { id: "branch-1" }), 409, "bank_endpoint_exists");
    expectProblem(await add("icbc", { color: "red" }), 400, "request_invalid");
    expectProblem(
      await api.call("PATCH", `${bankUrl}/endpoints/nowhere`, { timeoutMs: 1_000 }),
      404,
      "bank_endpoint_not_found",
    );
    expectProblem(
      await api.call("PATCH", `${bankUrl}/endpoints/branch-1`, { concurrencyMax: 0 }),
      422,
      "bank_endpoint_settings_invalid",
    );
    expectProblem(
      await api.call("PATCH", `${bankUrl}/endpoints/branch-1`, {}),
      400,
      "request_invalid",
    );
    expectProblem(
      await api.call("PUT", `${bankUrl}/primary-endpoint`, { endpointId: "nowhere" }),
      404,
      "bank_endpoint_not_found",
    );
    expectProblem(
      await api.call("GET", "/operator/v1/banks/water-co/endpoints"),
      422,
      "participant_not_bank",
    );
    expectProblem(
      await api.call("GET", "/operator/v1/banks/nobody/endpoint-health"),
      404,
      "participant_not_found",
    );
    for (let index = 2; index <= 16; index++) {
      await ok(api, "POST", `${bankUrl}/endpoints`, {
        id: `b-${index}`,
        url: "https://b.example/",
      });
    }
    expectProblem(await add("icbc", { id: "one-too-many" }), 409, "bank_endpoints_exhausted");
  });

  it("shows each endpoint's breaker, load and recent calls, and exports them as metrics", async () => {
    await branches(api, 2);
    await ok(api, "PATCH", `${bankUrl}/endpoints/branch-2`, {
      breaker: { minimumCalls: 2, failurePercent: 50, windowMs: 10_000 },
    });
    const branch2 = await api.hub.bankEndpoints.list("icbc");
    const endpoint = branch2.ok ? branch2.value.endpoints[1] : undefined;
    if (endpoint === undefined) throw new Error("branch-2 is missing");
    const guard = api.hub.endpointGuard;
    await guard.call(endpoint, async () => ({ value: 503, failed: true, error: "HTTP 503" }));
    await guard.call(endpoint, async () => ({ value: 503, failed: true, error: "HTTP 503" }));
    expect(await guard.call(endpoint, async () => ({ value: 200, failed: false }))).toMatchObject({
      code: "endpoint_circuit_open",
    });
    const health = await ok<{ items: Record<string, unknown>[] }>(
      api,
      "GET",
      `${bankUrl}/endpoint-health`,
    );
    expect(health.items).toEqual([
      {
        endpointId: "branch-1",
        enabled: true,
        primary: true,
        breaker: "closed",
        inFlight: 0,
        concurrencyMax: 64,
        window: { seconds: 60, calls: 0, failures: 0, timeouts: 0, refused: 0 },
        lastError: null,
        latencyMs: null,
      },
      {
        endpointId: "branch-2",
        enabled: true,
        primary: false,
        breaker: "open",
        inFlight: 0,
        concurrencyMax: 64,
        window: { seconds: 60, calls: 2, failures: 2, timeouts: 0, refused: 1 },
        lastError: { at: expect.any(String), message: "HTTP 503" },
        latencyMs: { p50: expect.any(Number), p99: expect.any(Number) },
      },
    ]);
    const metrics = (await api.app.inject({ method: "GET", url: "/metrics" })).body;
    expect(metrics).toContain(
      'clearhub_bank_endpoint_calls_total{bank="icbc",endpoint="branch-2",outcome="failed"} 2',
    );
    expect(metrics).toContain(
      'clearhub_bank_endpoint_calls_total{bank="icbc",endpoint="branch-2",outcome="circuit_open"} 1',
    );
    expect(metrics).toContain(
      'clearhub_bank_endpoint_breaker_state{bank="icbc",endpoint="branch-2",state="open"} 1',
    );
    expect(metrics).toContain(
      'clearhub_bank_endpoint_in_flight{bank="icbc",endpoint="branch-2"} 0',
    );
    expect(metrics).toContain(
      'clearhub_bank_endpoint_call_duration_seconds_count{bank="icbc",endpoint="branch-2"} 2',
    );
  });

  it("refuses to disable an endpoint live agreements are pinned to, unless forced", async () => {
    await branches(api, 2);
    const wallet = await api.call("POST", "/operator/v1/participants", {
      id: "wallet-a",
      name: "Wallet A",
      kind: "payment_institution",
      currencies: [{ currency: "CNY", netDebitCap: "0.00" }],
    });
    expect(wallet.statusCode, wallet.body).toBe(201);
    const pinned = (id: string, state: Agreement["state"]) =>
      pinnedAgreement(id, "icbc", "branch-2", state);
    await api.hub.agreementStore.insert(pinned("ag-failed", "failed"));
    const disable = (body: Record<string, unknown>) =>
      api.call("PATCH", `${bankUrl}/endpoints/branch-2`, { enabled: false, ...body });
    // Only ended agreements are pinned: nothing to strand.
    expect((await disable({})).statusCode).toBe(200);
    await ok(api, "PATCH", `${bankUrl}/endpoints/branch-2`, { enabled: true });
    await api.hub.agreementStore.insert(pinned("ag-active", "active"));
    expectProblem(await disable({}), 409, "bank_endpoint_in_use");
    const [endpoint] = (
      await ok<{ items: EndpointBody[] }>(api, "GET", `${bankUrl}/endpoints`)
    ).items.filter((listed) => listed.id === "branch-2");
    expect(endpoint?.enabled).toBe(true);
    const forced = await ok<EndpointBody>(api, "PATCH", `${bankUrl}/endpoints/branch-2`, {
      enabled: false,
      force: true,
    });
    expect(forced.enabled).toBe(false);
    expect((await auditOf(api, "bank_endpoint:icbc/branch-2")).at(-1)).toEqual([
      "bank_endpoint.update",
      { enabled: false, force: true },
    ]);
  });

  it("completes a migration through the hub's own agreement store when none is given", async () => {
    await branches(api, 2);
    await ok(api, "POST", `${bankUrl}/endpoint-migrations`, {
      id: "m-1",
      fromEndpointId: "branch-1",
      toEndpointId: "branch-2",
      weightPercent: 100,
    });
    await approved(api, "PUT", `${bankUrl}/primary-endpoint`, { endpointId: "branch-2" });
    await ok(api, "POST", `${bankUrl}/endpoint-migrations/m-1/complete`);
    const migration = await ok<MigrationBody>(api, "GET", `${bankUrl}/endpoint-migrations/m-1`);
    expect(migration.state).toBe("completed");
  });
});

/** The agreements store's part, as a completion sees it. */
class RecordingPinning implements AgreementPinning {
  readonly calls: string[] = [];
  async repinAgreements(bankId: string, from: string, to: string): Promise<number> {
    this.calls.push(`${bankId}: ${from} -> ${to}`);
    return 7;
  }
}

describeEachBackend("endpoint migrations API", (backend) => {
  const pinning = new RecordingPinning();
  const api = useApiHarness(backend, { agreementPinning: pinning });
  const migrationsUrl = `${bankUrl}/endpoint-migrations`;

  const served = async (ids: readonly string[], pinned: string) => {
    const counts = new Map<string, number>();
    for (const id of ids) {
      const route = await api.hub.bankEndpointRouter.forAgreement("icbc", {
        id,
        pinnedEndpointId: pinned,
      });
      const endpoint = route.ok ? route.endpoint.id : route.code;
      counts.set(endpoint, (counts.get(endpoint) ?? 0) + 1);
    }
    return Object.fromEntries(counts);
  };

  it("cuts agreements over by weight, rolls back at once, and completes by re-pinning", async () => {
    await branches(api, 5);
    await ok(api, "POST", `${bankUrl}/endpoints`, {
      id: "zhejiang",
      url: "https://quickpay.icbc.example/zhejiang",
    });
    await approved(api, "PUT", `${bankUrl}/primary-endpoint`, { endpointId: "zhejiang" });
    const created = await ok<MigrationBody>(api, "POST", migrationsUrl, {
      id: "consolidate-1",
      fromEndpointId: "branch-1",
      toEndpointId: "zhejiang",
      weightPercent: 10,
    });
    expect(created).toMatchObject({ state: "active", weightPercent: 10 });
    const ids = Array.from({ length: 400 }, (_, index) => `agreement-${index}`);
    const atTen = await served(ids, "branch-1");
    expect(atTen.zhejiang).toBeGreaterThan(20);
    expect(atTen.zhejiang).toBeLessThan(60);
    expect(await served(ids, "branch-2")).toEqual({ "branch-2": 400 });
    const url = `${migrationsUrl}/consolidate-1`;
    await ok(api, "PUT", `${url}/weight`, { weightPercent: 50 });
    const atFifty = await served(ids, "branch-1");
    expect(atFifty.zhejiang).toBeGreaterThan(160);
    await ok(api, "POST", `${url}/rollback`);
    expect(await served(ids, "branch-1")).toEqual({ "branch-1": 400 });
    expectProblem(
      await api.call("PUT", `${url}/weight`, { weightPercent: 60 }),
      409,
      "endpoint_migration_not_active",
    );

    await ok(api, "POST", migrationsUrl, {
      id: "consolidate-2",
      fromEndpointId: "branch-1",
      toEndpointId: "zhejiang",
      weightPercent: 100,
    });
    expect(await served(ids, "branch-1")).toEqual({ zhejiang: 400 });
    const completed = await ok<MigrationBody>(
      api,
      "POST",
      `${migrationsUrl}/consolidate-2/complete`,
    );
    expect(completed).toMatchObject({ state: "completed", weightPercent: 100 });
    expect(completed.history.map((step) => step.state)).toEqual([
      "active",
      "completing",
      "completed",
    ]);
    expect(pinning.calls).toEqual(["icbc: branch-1 -> zhejiang"]);
    expectProblem(
      await api.call("POST", `${migrationsUrl}/consolidate-2/complete`),
      409,
      "endpoint_migration_not_active",
    );
    const listed = await ok<{ items: MigrationBody[] }>(
      api,
      "GET",
      `${migrationsUrl}?state=rolled_back`,
    );
    expect(listed.items.map((m) => m.id)).toEqual(["consolidate-1"]);
    expect(await auditOf(api, "endpoint_migration:icbc/consolidate-1")).toEqual([
      [
        "endpoint_migration.create",
        { fromEndpointId: "branch-1", toEndpointId: "zhejiang", weightPercent: 10 },
      ],
      ["endpoint_migration.weight_change", { fromWeight: 10, toWeight: 50, state: "active" }],
      ["endpoint_migration.rollback", { fromWeight: 50, toWeight: 0, state: "rolled_back" }],
    ]);
    expect(await auditOf(api, "endpoint_migration:icbc/consolidate-2")).toEqual([
      ["endpoint_migration.create", expect.any(Object)],
      ["endpoint_migration.complete", { fromWeight: 100, toWeight: 100, state: "completing" }],
      [
        "endpoint_migration.complete",
        { fromWeight: 100, toWeight: 100, state: "completed", repinned: 7 },
      ],
    ]);
  });

  it("answers the migrations' problems", async () => {
    await branches(api, 3);
    await ok(api, "PATCH", `${bankUrl}/endpoints/branch-3`, { enabled: false });
    const create = (body: Record<string, unknown>, bank = "icbc") =>
      api.call("POST", `/operator/v1/banks/${bank}/endpoint-migrations`, {
        id: "m-1",
        fromEndpointId: "branch-1",
        toEndpointId: "branch-2",
        weightPercent: 0,
        ...body,
      });
    await createParticipant(api, "wallet-x");
    await api.call("POST", "/operator/v1/participants", {
      id: "water-co",
      name: "Water",
      kind: "biller",
      currencies: [],
    });
    expectProblem(await create({}, "nobody"), 404, "participant_not_found");
    expectProblem(await create({}, "water-co"), 422, "participant_not_bank");
    expectProblem(await create({ id: "_x" }), 422, "endpoint_migration_id_invalid");
    expectProblem(
      await create({ toEndpointId: "branch-1" }),
      422,
      "endpoint_migration_same_endpoint",
    );
    expectProblem(await create({ weightPercent: 101 }), 422, "endpoint_migration_weight_invalid");
    expectProblem(await create({ toEndpointId: "nowhere" }), 404, "bank_endpoint_not_found");
    expectProblem(await create({ toEndpointId: "branch-3" }), 409, "bank_endpoint_disabled");
    expect((await create({})).statusCode).toBe(201);
    expectProblem(await create({}), 409, "endpoint_migration_exists");
    expectProblem(await create({ id: "m-2" }), 409, "endpoint_migration_conflict");
    const url = `${migrationsUrl}/m-1`;
    expectProblem(
      await api.call("PUT", `${url}/weight`, { weightPercent: -1 }),
      422,
      "endpoint_migration_weight_invalid",
    );
    expectProblem(
      await api.call("POST", `${url}/complete`),
      409,
      "endpoint_migration_weight_not_full",
    );
    await ok(api, "PUT", `${url}/weight`, { weightPercent: 100 });
    expectProblem(
      await api.call("POST", `${url}/complete`),
      409,
      "endpoint_migration_source_is_primary",
    );
    expectProblem(
      await api.call("GET", `${migrationsUrl}/nowhere`),
      404,
      "endpoint_migration_not_found",
    );
    expectProblem(
      await api.call("POST", `${migrationsUrl}/nowhere/rollback`),
      404,
      "endpoint_migration_not_found",
    );
    expectProblem(
      await api.call("GET", "/operator/v1/banks/water-co/endpoint-migrations/m-1"),
      422,
      "participant_not_bank",
    );
    expectProblem(
      await api.call("GET", "/operator/v1/banks/nobody/endpoint-migrations"),
      404,
      "participant_not_found",
    );
  });
});
