import { expect, it } from "vitest";
import { pinnedAgreement } from "../support/agreements.ts";
import { describeEachBackend } from "../support/backends.ts";
import { type ApiHarness, createParticipant, expectProblem, useApiHarness } from "./api-harness.ts";

interface EndpointBody {
  id: string;
  enabled: boolean;
  primary: boolean;
  updatedAt: string;
  retiredAt: string | null;
}

const bankUrl = "/operator/v1/banks/icbc";
const retireUrl = (endpointId: string) => `${bankUrl}/endpoints/${endpointId}/retire`;

async function ok<T>(api: ApiHarness, method: "GET" | "POST" | "PUT", url: string, body?: unknown) {
  const response = await api.call(method, url, body);
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json() as T;
}

async function branches(api: ApiHarness, count: number): Promise<void> {
  await createParticipant(api, "icbc");
  for (let index = 1; index <= count; index++) {
    await ok(api, "POST", `${bankUrl}/endpoints`, {
      id: `branch-${index}`,
      url: `https://quickpay.icbc.example/branch-${index}`,
    });
  }
}

async function listed(api: ApiHarness, endpointId: string): Promise<EndpointBody | undefined> {
  const page = await ok<{ items: EndpointBody[] }>(api, "GET", `${bankUrl}/endpoints`);
  return page.items.find((endpoint) => endpoint.id === endpointId);
}

async function retirements(api: ApiHarness, endpointId: string) {
  const subject = encodeURIComponent(`bank_endpoint:icbc/${endpointId}`);
  const page = await ok<{ items: { action: string; details: unknown }[] }>(
    api,
    "GET",
    `/operator/v1/audit-log?subject=${subject}&action=bank_endpoint.retire`,
  );
  return page.items.map((entry) => [entry.action, entry.details]);
}

async function migrate(api: ApiHarness, id: string, from: string, to: string, weight = 100) {
  return api.call("POST", `${bankUrl}/endpoint-migrations`, {
    id,
    fromEndpointId: from,
    toEndpointId: to,
    weightPercent: weight,
  });
}

async function wallet(api: ApiHarness): Promise<void> {
  const created = await api.call("POST", "/operator/v1/participants", {
    id: "wallet-a",
    name: "Wallet A",
    kind: "payment_institution",
    currencies: [{ currency: "CNY", netDebitCap: "0.00" }],
  });
  expect(created.statusCode, created.body).toBe(201);
}

describeEachBackend("bank endpoint retirement API", (backend) => {
  const api = useApiHarness(backend);

  it("retires an endpoint for good: listed with retiredAt, audited once, idempotent", async () => {
    await branches(api, 2);
    const retired = await ok<EndpointBody>(api, "POST", retireUrl("branch-2"));
    expect(retired).toMatchObject({ id: "branch-2", enabled: false, primary: false });
    expect(retired.retiredAt).toEqual(expect.any(String));
    expect(retired.updatedAt).toBe(retired.retiredAt);
    expect(await listed(api, "branch-2")).toEqual(retired);
    expect(await listed(api, "branch-1")).toMatchObject({ enabled: true, retiredAt: null });

    const again = await api.call("POST", retireUrl("branch-2"));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(retired);
    expect(await retirements(api, "branch-2")).toEqual([["bank_endpoint.retire", {}]]);
    const chain = await ok<{ ok: boolean }>(api, "GET", "/operator/v1/audit-log/verification");
    expect(chain.ok).toBe(true);
  });

  it("never enables, changes, makes primary, migrates through or reuses a retired endpoint", async () => {
    await branches(api, 3);
    await ok(api, "POST", retireUrl("branch-2"));
    const before = await listed(api, "branch-2");
    const patch = (body: unknown) => api.call("PATCH", `${bankUrl}/endpoints/branch-2`, body);
    expectProblem(await patch({ enabled: true }), 409, "bank_endpoint_retired");
    expectProblem(await patch({ timeoutMs: 1_000 }), 409, "bank_endpoint_retired");
    expectProblem(
      await api.callApproved("PUT", `${bankUrl}/primary-endpoint`, { endpointId: "branch-2" }),
      409,
      "bank_endpoint_retired",
    );
    expectProblem(await migrate(api, "m-to", "branch-1", "branch-2"), 409, "bank_endpoint_retired");
    expectProblem(
      await migrate(api, "m-from", "branch-2", "branch-3"),
      409,
      "bank_endpoint_retired",
    );
    expectProblem(
      await api.call("POST", `${bankUrl}/endpoints`, {
        id: "branch-2",
        url: "https://quickpay.icbc.example/again",
      }),
      409,
      "bank_endpoint_exists",
    );
    expect(await listed(api, "branch-2")).toEqual(before);
    const migrations = await ok<{ items: unknown[] }>(api, "GET", `${bankUrl}/endpoint-migrations`);
    expect(migrations.items).toEqual([]);
  });

  it("refuses the primary, an endpoint an open migration touches, and one live agreements are pinned to", async () => {
    await branches(api, 3);
    await wallet(api);
    expectProblem(await api.call("POST", retireUrl("branch-1")), 409, "bank_endpoint_is_primary");

    expect((await migrate(api, "m-1", "branch-2", "branch-3", 10)).statusCode).toBe(201);
    expectProblem(await api.call("POST", retireUrl("branch-2")), 409, "bank_endpoint_migrating");
    expectProblem(await api.call("POST", retireUrl("branch-3")), 409, "bank_endpoint_migrating");
    await ok(api, "POST", `${bankUrl}/endpoint-migrations/m-1/rollback`);

    await api.hub.agreementStore.insert(pinnedAgreement("ag-failed", "icbc", "branch-2", "failed"));
    await api.hub.agreementStore.insert(pinnedAgreement("ag-active", "icbc", "branch-2", "active"));
    expectProblem(
      await api.call("POST", retireUrl("branch-2")),
      409,
      "bank_endpoint_agreements_pinned",
    );
    expectProblem(await api.call("POST", retireUrl("nowhere")), 404, "bank_endpoint_not_found");
    expectProblem(
      await api.call("POST", "/operator/v1/banks/wallet-a/endpoints/branch-2/retire"),
      422,
      "participant_not_bank",
    );
    expectProblem(
      await api.call("POST", "/operator/v1/banks/nobody/endpoints/branch-2/retire"),
      404,
      "participant_not_found",
    );
    for (const endpointId of ["branch-1", "branch-2", "branch-3"]) {
      expect((await listed(api, endpointId))?.retiredAt).toBeNull();
      expect(await retirements(api, endpointId)).toEqual([]);
    }
  });

  it("retires an endpoint once a completed migration has moved its agreements, and routes around it", async () => {
    await branches(api, 2);
    await wallet(api);
    await api.hub.agreementStore.insert(pinnedAgreement("ag-1", "icbc", "branch-1", "active"));
    await api.hub.agreementStore.insert(pinnedAgreement("ag-old", "icbc", "branch-1", "unsigned"));
    expect((await migrate(api, "consolidate", "branch-1", "branch-2")).statusCode).toBe(201);
    const switched = await api.callApproved("PUT", `${bankUrl}/primary-endpoint`, {
      endpointId: "branch-2",
    });
    expect(switched.statusCode, switched.body).toBe(200);
    expectProblem(await api.call("POST", retireUrl("branch-1")), 409, "bank_endpoint_migrating");
    await ok(api, "POST", `${bankUrl}/endpoint-migrations/consolidate/complete`);

    await ok(api, "POST", retireUrl("branch-1"));
    const router = api.hub.bankEndpointRouter;
    const moved = await router.forAgreement("icbc", { id: "ag-1", pinnedEndpointId: "branch-2" });
    expect(moved.ok && moved.endpoint.id).toBe("branch-2");
    // Only an ended agreement can still name a retired endpoint: it is never routed there.
    expect(
      await router.forAgreement("icbc", { id: "ag-old", pinnedEndpointId: "branch-1" }),
    ).toEqual({ ok: false, code: "bank_endpoint_retired" });
    const signing = await router.forNewSigning("icbc");
    expect(signing.ok && signing.endpoint.id).toBe("branch-2");
  });

  it("counts only endpoints in service against the bank's limit", async () => {
    await branches(api, 16);
    const add = (id: string) =>
      api.call("POST", `${bankUrl}/endpoints`, { id, url: "https://b.example/" });
    expectProblem(await add("one-more"), 409, "bank_endpoints_exhausted");
    await ok(api, "POST", retireUrl("branch-16"));
    expect((await add("one-more")).statusCode).toBe(201);
  });
});
