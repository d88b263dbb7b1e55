/**
 * The bank endpoint and endpoint migration stores on both backends: limits and refusals checked
 * in the write's transaction, exactly one primary, migrations' rules, and each write's audit
 * entry appended with it (and none for a refused write).
 */
import { afterEach, expect, it } from "vitest";
import { KyselyAuditLogStore } from "../../src/adapters/store/kysely-audit-log-store.ts";
import { KyselyBankEndpointStore } from "../../src/adapters/store/kysely-bank-endpoint-store.ts";
import { KyselyEndpointMigrationStore } from "../../src/adapters/store/kysely-endpoint-migration-store.ts";
import { KyselyParticipantStore } from "../../src/adapters/store/kysely-participant-store.ts";
import { verifyAuditLog } from "../../src/app/audit/verify-audit-log.ts";
import type { EndpointLimits } from "../../src/app/ports/bank-endpoint-store.ts";
import type { AuditRecord } from "../../src/domain/audit/audit-entry.ts";
import { type BankEndpoint, newEndpointSettings } from "../../src/domain/banks/bank-endpoint.ts";
import type { EndpointMigration } from "../../src/domain/banks/endpoint-migration.ts";
import { type Backend, describeEachBackend, openTestDatabase } from "../support/backends.ts";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openStores(backend: Backend) {
  const test = await openTestDatabase(backend);
  cleanups.push(() => test.dispose());
  const { kysely, dialect } = test.database;
  const participants = new KyselyParticipantStore(kysely);
  for (const [id, kind] of [
    ["bank-a", "bank"],
    ["bank-b", "bank"],
    ["hub-operator", "operator"],
  ] as const) {
    await participants.createParticipant(
      { id, name: id, kind, status: "active", createdAt: 1 },
      [],
    );
  }
  return {
    test,
    participants,
    endpoints: new KyselyBankEndpointStore(kysely, dialect),
    migrations: new KyselyEndpointMigrationStore(kysely, dialect),
    audit: new KyselyAuditLogStore(kysely),
  };
}

function endpoint(id: string, bankId = "bank-a", enabled = true): BankEndpoint {
  return {
    bankId,
    id,
    ...newEndpointSettings(`https://${bankId}.example/${id}`, { enabled }),
    createdAt: 10,
    updatedAt: 10,
    retiredAt: null,
  };
}

/** Endpoints in service; kept ones are bounded far above what a test adds. */
function limit(inServiceMax: number, keptMax = 256): EndpointLimits {
  return { inServiceMax, keptMax };
}

function audit(subject: string): AuditRecord {
  return {
    at: 10,
    actor: { kind: "operator_token", id: "tok", name: "ops" },
    action: "bank_endpoint.add",
    subject,
    details: {},
  };
}

function migration(id: string, from: string, to: string, weightPercent = 10): EndpointMigration {
  return {
    bankId: "bank-a",
    id,
    fromEndpointId: from,
    toEndpointId: to,
    weightPercent,
    state: "active",
    history: [{ at: 10, actorId: "tok", weightPercent, state: "active" }],
    createdAt: 10,
    updatedAt: 10,
  };
}

async function subjects(store: KyselyAuditLogStore): Promise<string[]> {
  return (await store.list({ limit: 100 })).map((entry) => entry.subject).reverse();
}

describeEachBackend("bank endpoint store", (backend) => {
  it("makes the first endpoint primary and refuses duplicates, strangers and excess", async () => {
    const { endpoints, audit: log } = await openStores(backend);
    expect(await endpoints.addEndpoint(endpoint("branch-1"), limit(2), audit("e1"))).toEqual({
      ok: true,
      value: { primary: true },
    });
    expect(await endpoints.addEndpoint(endpoint("branch-2"), limit(2), audit("e2"))).toEqual({
      ok: true,
      value: { primary: false },
    });
    const refused = async (candidate: BankEndpoint) =>
      endpoints.addEndpoint(candidate, limit(2), audit("refused"));
    expect(await refused(endpoint("branch-1"))).toEqual({
      ok: false,
      code: "bank_endpoint_exists",
    });
    expect(await refused(endpoint("branch-3"))).toEqual({
      ok: false,
      code: "bank_endpoints_exhausted",
    });
    expect(await refused(endpoint("x", "nobody"))).toEqual({
      ok: false,
      code: "participant_not_found",
    });
    expect(await refused(endpoint("x", "hub-operator"))).toEqual({
      ok: false,
      code: "participant_not_bank",
    });
    const listed = await endpoints.listEndpoints("bank-a");
    expect(listed.primaryEndpointId).toBe("branch-1");
    expect(listed.endpoints).toEqual([endpoint("branch-1"), endpoint("branch-2")]);
    expect(await endpoints.findPrimary("bank-a")).toEqual(endpoint("branch-1"));
    expect(await endpoints.listEndpoints("bank-b")).toEqual({
      endpoints: [],
      primaryEndpointId: null,
    });
    expect(await subjects(log)).toEqual(["e1", "e2"]);
  });

  it("switches the primary atomically, never to a disabled endpoint, and never disables it", async () => {
    const { endpoints, audit: log } = await openStores(backend);
    await endpoints.addEndpoint(endpoint("branch-1"), limit(16), audit("add"));
    await endpoints.addEndpoint(endpoint("off", "bank-a", false), limit(16), audit("add"));
    await endpoints.addEndpoint(endpoint("head-office"), limit(16), audit("add"));
    const switched = (to: string) =>
      endpoints.setPrimary("bank-a", to, (previous) => audit(`primary ${previous} -> ${to}`));
    expect(await switched("off")).toEqual({ ok: false, code: "bank_endpoint_disabled" });
    expect(await switched("gone")).toEqual({ ok: false, code: "bank_endpoint_not_found" });
    expect(await switched("head-office")).toEqual({ ok: true, value: { previous: "branch-1" } });
    expect(await switched("head-office")).toEqual({ ok: true, value: { previous: "head-office" } });
    expect((await endpoints.findPrimary("bank-a"))?.id).toBe("head-office");
    const update = (id: string, enabled: boolean) =>
      endpoints.updateEndpoint("bank-a", id, { enabled }, 20, audit(`update ${id}`));
    expect(await update("head-office", false)).toEqual({
      ok: false,
      code: "bank_endpoint_is_primary",
    });
    expect(await update("branch-1", false)).toMatchObject({
      ok: true,
      value: { id: "branch-1", enabled: false, updatedAt: 20, createdAt: 10 },
    });
    expect((await subjects(log)).slice(3)).toEqual([
      "primary branch-1 -> head-office",
      "update branch-1",
    ]);
  });

  it("patches only the fields given", async () => {
    const { endpoints } = await openStores(backend);
    await endpoints.addEndpoint(endpoint("branch-1"), limit(16), audit("add"));
    const updated = await endpoints.updateEndpoint(
      "bank-a",
      "branch-1",
      { timeoutMs: 2_500, breaker: { minimumCalls: 5 } },
      30,
      audit("update"),
    );
    const expected = {
      ...endpoint("branch-1"),
      timeoutMs: 2_500,
      breaker: { ...endpoint("branch-1").breaker, minimumCalls: 5 },
      updatedAt: 30,
    };
    expect(updated).toEqual({ ok: true, value: expected });
    expect(await endpoints.findEndpoint("bank-a", "branch-1")).toEqual(expected);
    expect(
      await endpoints.updateEndpoint("bank-a", "gone", { timeoutMs: 1_000 }, 30, audit("x")),
    ).toEqual({ ok: false, code: "bank_endpoint_not_found" });
  });
  it("retires in the write's transaction: audited once, nothing written when refused or repeated", async () => {
    const { endpoints, audit: log } = await openStores(backend);
    await endpoints.addEndpoint(endpoint("branch-1"), limit(16), audit("add"));
    await endpoints.addEndpoint(endpoint("branch-2"), limit(16), audit("add"));
    const retire = (id: string, at: number) =>
      endpoints.retireEndpoint("bank-a", id, at, audit(`retire ${id} at ${at}`));
    expect(await retire("branch-1", 20)).toEqual({ ok: false, code: "bank_endpoint_is_primary" });
    expect(await retire("gone", 20)).toEqual({ ok: false, code: "bank_endpoint_not_found" });
    const retired = { ...endpoint("branch-2"), enabled: false, updatedAt: 20, retiredAt: 20 };
    expect(await retire("branch-2", 20)).toEqual({
      ok: true,
      value: { endpoint: retired, changed: true },
    });
    expect(await retire("branch-2", 30)).toEqual({
      ok: true,
      value: { endpoint: retired, changed: false },
    });
    expect(await endpoints.findEndpoint("bank-a", "branch-2")).toEqual(retired);
    expect((await endpoints.listEndpoints("bank-a")).primaryEndpointId).toBe("branch-1");
    expect((await subjects(log)).slice(2)).toEqual(["retire branch-2 at 20"]);
    expect(
      await endpoints.updateEndpoint("bank-a", "branch-2", { enabled: true }, 40, audit("x")),
    ).toEqual({ ok: false, code: "bank_endpoint_retired" });
    expect(await endpoints.setPrimary("bank-a", "branch-2", () => audit("x"))).toEqual({
      ok: false,
      code: "bank_endpoint_retired",
    });
  });

  it("bounds the endpoints kept, retired ones included", async () => {
    const { endpoints } = await openStores(backend);
    await endpoints.addEndpoint(endpoint("branch-1"), limit(2, 2), audit("add"));
    await endpoints.addEndpoint(endpoint("branch-2"), limit(2, 2), audit("add"));
    await endpoints.retireEndpoint("bank-a", "branch-2", 20, audit("retire"));
    expect(await endpoints.addEndpoint(endpoint("branch-3"), limit(2, 2), audit("add"))).toEqual({
      ok: false,
      code: "bank_endpoints_exhausted",
    });
    expect(await endpoints.addEndpoint(endpoint("branch-3"), limit(2, 3), audit("add"))).toEqual({
      ok: true,
      value: { primary: false },
    });
  });
});

describeEachBackend("endpoint migration store", (backend) => {
  async function withEndpoints(backend: Backend) {
    const stores = await openStores(backend);
    for (const id of ["branch-1", "branch-2", "head-office"]) {
      await stores.endpoints.addEndpoint(endpoint(id), limit(16), audit(`add ${id}`));
    }
    await stores.endpoints.addEndpoint(
      endpoint("off", "bank-a", false),
      limit(16),
      audit("add off"),
    );
    return stores;
  }

  const changeAudit = (before: EndpointMigration, after: EndpointMigration) =>
    audit(
      `${after.id}: ${before.state}/${before.weightPercent} -> ${after.state}/${after.weightPercent}`,
    );

  it("creates migrations between existing endpoints, one at a time off each source", async () => {
    const { migrations, audit: log } = await withEndpoints(backend);
    const created = await migrations.createMigration(
      migration("m-1", "branch-1", "head-office"),
      audit("create m-1"),
    );
    expect(created).toEqual({ ok: true, migration: migration("m-1", "branch-1", "head-office") });
    const refusal = (candidate: EndpointMigration) =>
      migrations.createMigration(candidate, audit("refused"));
    expect(await refusal(migration("m-1", "branch-2", "head-office"))).toEqual({
      ok: false,
      code: "endpoint_migration_exists",
    });
    expect(await refusal(migration("m-2", "branch-1", "branch-2"))).toEqual({
      ok: false,
      code: "endpoint_migration_conflict",
    });
    expect(await refusal(migration("m-3", "branch-2", "off"))).toEqual({
      ok: false,
      code: "bank_endpoint_disabled",
    });
    expect(await refusal(migration("m-4", "branch-2", "gone"))).toEqual({
      ok: false,
      code: "bank_endpoint_not_found",
    });
    const second = migration("m-5", "branch-2", "head-office");
    expect(await migrations.createMigration(second, audit("create m-5"))).toMatchObject({
      ok: true,
    });
    expect((await migrations.listRoutingMigrations("bank-a")).map((m) => m.id).sort()).toEqual([
      "m-1",
      "m-5",
    ]);
    expect((await subjects(log)).filter((subject) => subject.startsWith("create"))).toEqual([
      "create m-1",
      "create m-5",
    ]);
  });

  it("steps the weight, rolls back, and completes in two steps, each audited with it", async () => {
    const { migrations, endpoints, audit: log } = await withEndpoints(backend);
    await migrations.createMigration(migration("m-1", "branch-1", "head-office"), audit("create"));
    const change = (kind: "rollback" | "complete" | "finish", id = "m-1") =>
      migrations.changeMigration("bank-a", id, { kind }, 50, "tok", changeAudit);
    const weigh = (weightPercent: number) =>
      migrations.changeMigration(
        "bank-a",
        "m-1",
        { kind: "weight", weightPercent },
        40,
        "tok",
        changeAudit,
      );
    expect(await weigh(50)).toMatchObject({ ok: true, migration: { weightPercent: 50 } });
    expect(await change("complete")).toEqual({
      ok: false,
      code: "endpoint_migration_weight_not_full",
    });
    expect(await weigh(100)).toMatchObject({ ok: true });
    expect(await change("complete")).toEqual({
      ok: false,
      code: "endpoint_migration_source_is_primary",
    });
    await endpoints.setPrimary("bank-a", "head-office", () => audit("primary"));
    expect(await change("complete")).toMatchObject({
      ok: true,
      migration: { state: "completing" },
    });
    expect(await change("rollback")).toEqual({ ok: false, code: "endpoint_migration_not_active" });
    const finished = await change("finish");
    expect(finished).toMatchObject({ ok: true, migration: { state: "completed" } });
    expect(await migrations.findMigration("bank-a", "m-1")).toEqual(
      finished.ok ? finished.migration : undefined,
    );
    expect(finished.ok && finished.migration.history.map((step) => step.weightPercent)).toEqual([
      10, 50, 100, 100, 100,
    ]);
    expect(await change("finish", "m-9")).toEqual({
      ok: false,
      code: "endpoint_migration_not_found",
    });
    expect((await subjects(log)).filter((subject) => subject.startsWith("m-1"))).toEqual([
      "m-1: active/10 -> active/50",
      "m-1: active/50 -> active/100",
      "m-1: active/100 -> completing/100",
      "m-1: completing/100 -> completed/100",
    ]);
    expect(await migrations.listRoutingMigrations("bank-a")).toEqual([]);
    // Its source is free again for another migration.
    expect(
      await migrations.createMigration(migration("m-2", "branch-1", "branch-2"), audit("again")),
    ).toMatchObject({ ok: true });
    expect((await migrations.listMigrations("bank-a", "completed")).map((m) => m.id)).toEqual([
      "m-1",
    ]);
    expect((await verifyAuditLog(log)).ok).toBe(true);
  });

  it("rolls back to weight 0 and frees the source", async () => {
    const { migrations } = await withEndpoints(backend);
    await migrations.createMigration(migration("m-1", "branch-1", "head-office", 60), audit("c"));
    const rolledBack = await migrations.changeMigration(
      "bank-a",
      "m-1",
      { kind: "rollback" },
      60,
      "tok",
      changeAudit,
    );
    expect(rolledBack).toMatchObject({
      ok: true,
      migration: { state: "rolled_back", weightPercent: 0 },
    });
    expect(await migrations.listRoutingMigrations("bank-a")).toEqual([]);
    expect(
      await migrations.createMigration(migration("m-2", "branch-1", "head-office"), audit("c2")),
    ).toMatchObject({ ok: true });
  });
});
