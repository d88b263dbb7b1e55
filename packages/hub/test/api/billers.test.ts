/**
 * The biller registry through the operator API and the channels' catalogue through the signed
 * participant API: every bad profile answered with its own code and field and nothing written,
 * a retried PUT that changes nothing, a capacity raise that waits for a second operator, roles,
 * and a channel syncing the catalogue page by page with `updatedSince`.
 */
import { expect, it } from "vitest";
import { describeEachBackend } from "../support/backends.ts";
import { waterProfile } from "../support/biller-profiles.ts";
import { type ApiHarness, expectProblem, tokenWithRole, useApiHarness } from "./api-harness.ts";
import { onboardParticipant } from "./participant-client.ts";
import { snapshotStore, storeChanges } from "./store-snapshot.ts";

/** The fixture in the currency test participants hold. */
const profile = { ...waterProfile, currencies: ["EUR"] };
const url = (id: string) => `/operator/v1/billers/${id}`;

interface ProfileBody {
  id: string;
  name: string;
  status: string;
  version: number;
  updatedAt: string;
  directPay: boolean;
  capacity: Record<string, number>;
  presentmentCacheTtlSeconds: number;
}

async function put(api: ApiHarness, id: string, body: unknown, status = 200) {
  const response = await api.call("PUT", url(id), body);
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as ProfileBody;
}

describeEachBackend("biller registry API", (backend) => {
  let now = Date.UTC(2026, 5, 1, 8, 0, 0);
  const api = useApiHarness(backend, { operatorClock: () => now });

  it("registers a profile, answers a repeat unchanged without writing, and versions a change", async () => {
    await onboardParticipant(api, "water-co", "biller");
    const created = await put(api, "water-co", profile, 201);
    expect(created).toMatchObject({
      id: "water-co",
      name: "Participant water-co",
      status: "active",
      category: "water",
      version: 1,
      directPay: false,
      updatedAt: new Date(now).toISOString(),
      capacity: profile.capacity,
    });
    now += 1000;
    const before = await snapshotStore(api.hub.database);
    expect(await put(api, "water-co", profile)).toEqual(created);
    expect(storeChanges(before, await snapshotStore(api.hub.database))).toEqual({});
    const changed = await put(api, "water-co", { ...profile, presentmentCacheTtlSeconds: 60 });
    expect(changed).toMatchObject({ version: 2, presentmentCacheTtlSeconds: 60 });
    const log = await api.call("GET", "/operator/v1/audit-log?subject=biller:water-co");
    const entries = (log.json() as { items: { action: string; details: { version: number } }[] })
      .items;
    expect(entries.map((entry) => [entry.action, entry.details.version])).toEqual([
      ["biller_profile.set", 2],
      ["biller_profile.set", 1],
    ]);
    expect((await api.call("GET", url("water-co"))).json()).toEqual(changed);
  });

  it("answers each bad profile with its code and field, and writes nothing", async () => {
    await onboardParticipant(api, "water-co", "biller");
    await onboardParticipant(api, "bank-a", "bank");
    const [parameter] = profile.parameters;
    const cases: [string, unknown, string, string][] = [
      ["water-co", { ...profile, category: "lottery" }, "/category", "category_unknown"],
      [
        "water-co",
        { ...profile, parameters: [{ ...parameter, pattern: "(a+)+" }] },
        "/parameters/0/pattern",
        "parameter_pattern_unsafe",
      ],
      [
        "water-co",
        { ...profile, parameters: [{ ...parameter, pattern: "(?<=a)b" }] },
        "/parameters/0/pattern",
        "parameter_pattern_invalid",
      ],
      [
        "water-co",
        { ...profile, parameters: [{ ...parameter, type: "text" }] },
        "/parameters/0/checkDigit",
        "check_digit_type_mismatch",
      ],
      [
        "water-co",
        { ...profile, capacity: { ...profile.capacity, postingsPerSecond: 0 } },
        "/capacity/postingsPerSecond",
        "capacity_out_of_range",
      ],
      [
        "water-co",
        { ...profile, billFetch: "not_supported" },
        "/amountExactness",
        "amount_exactness_needs_bill_fetch",
      ],
      ["water-co", { ...profile, currencies: ["USD"] }, "/currencies/0", "currency_not_held"],
    ];
    const before = await snapshotStore(api.hub.database);
    for (const [id, body, pointer, code] of cases) {
      const problem = expectProblem(
        await api.call("PUT", url(id), body),
        422,
        "biller_profile_invalid",
      );
      expect(problem.errors, code).toEqual([{ location: "body", pointer, code }]);
    }
    expectProblem(await api.call("PUT", url("bank-a"), profile), 422, "participant_not_biller");
    expectProblem(await api.call("PUT", url("nobody"), profile), 404, "participant_not_found");
    expectProblem(
      await api.call("PUT", url("water-co"), { ...profile, extra: true }),
      400,
      "request_invalid",
    );
    expectProblem(
      await api.call("PUT", url("water-co"), { ...profile, presentmentCacheTtlSeconds: "900" }),
      400,
      "request_invalid",
    );
    expect(storeChanges(before, await snapshotStore(api.hub.database))).toEqual({});
  });

  it("refuses a terminated biller's profile", async () => {
    await onboardParticipant(api, "water-co", "biller");
    const terminated = await api.callApproved("POST", "/operator/v1/participants/water-co/status", {
      status: "terminated",
    });
    expect(terminated.statusCode, terminated.body).toBe(200);
    expectProblem(await api.call("PUT", url("water-co"), profile), 409, "participant_terminated");
  });

  it("holds a capacity raise for a second operator and applies a cut at once", async () => {
    await onboardParticipant(api, "water-co", "biller");
    await put(api, "water-co", profile, 201);
    const raised = { ...profile, capacity: { ...profile.capacity, inquiriesPerSecond: 500 } };
    const before = await snapshotStore(api.hub.database);
    const proposed = await api.call("PUT", url("water-co"), raised);
    expect(proposed.statusCode, proposed.body).toBe(202);
    expect(proposed.json()).toMatchObject({
      approval: { action: "biller.capacity_raise", subject: "biller:water-co", state: "pending" },
    });
    // Only the proposal and its audit entry: the profile waits for the second operator.
    const changes = storeChanges(before, await snapshotStore(api.hub.database));
    expect(Object.keys(changes).sort()).toEqual(["approvals", "audit_head", "audit_log"]);
    const approved = await api.callApproved("PUT", url("water-co"), raised);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      result: { version: 2, capacity: { inquiriesPerSecond: 500 } },
    });
    const cut = { ...profile, capacity: { ...profile.capacity, inquiriesPerSecond: 5 } };
    expect(await put(api, "water-co", cut)).toMatchObject({
      version: 3,
      capacity: { inquiriesPerSecond: 5 },
    });
  });

  it("reads one biller, telling a biller without a profile from a participant that is none", async () => {
    await onboardParticipant(api, "water-co", "biller");
    await onboardParticipant(api, "bank-a", "bank");
    expectProblem(await api.call("GET", url("water-co")), 404, "biller_not_found");
    expectProblem(await api.call("GET", url("bank-a")), 422, "participant_not_biller");
    expectProblem(await api.call("GET", url("nobody")), 404, "participant_not_found");
  });

  it("lets a viewer read the registry but not change it", async () => {
    await onboardParticipant(api, "water-co", "biller");
    await put(api, "water-co", profile, 201);
    const viewer = await tokenWithRole(api, "viewer");
    expect((await api.callAs(viewer, "GET", url("water-co"))).statusCode).toBe(200);
    const listed = await api.callAs(viewer, "GET", "/operator/v1/billers");
    expect((listed.json() as { items: unknown[] }).items).toHaveLength(1);
    expectProblem(
      await api.callAs(viewer, "PUT", url("water-co"), profile),
      403,
      "role_insufficient",
    );
  });

  it("serves the catalogue to channels, page by page, since a time, with status changes", async () => {
    const channel = await onboardParticipant(api, "wallet-a", "payment_institution");
    const bank = await onboardParticipant(api, "bank-a", "bank");
    const biller = await onboardParticipant(api, "water-co", "biller");
    for (const id of ["power-co", "gas-co"]) await onboardParticipant(api, id, "biller");
    for (const id of ["water-co", "power-co", "gas-co"]) {
      await put(api, id, profile, 201);
      now += 1000;
    }
    const page = async (query: string) => {
      const response = await channel.call("GET", `/v1/billers${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { billers: ProfileBody[]; next: string | null };
    };
    const first = await page("?limit=2");
    expect(first.billers.map((b) => b.id)).toEqual(["water-co", "power-co"]);
    expect(first.billers[0]).not.toHaveProperty("capacity");
    const second = await page(`?limit=2&cursor=${first.next}`);
    expect(second).toMatchObject({ billers: [{ id: "gas-co" }], next: null });
    const lastSeen = second.billers[0]?.updatedAt ?? "";

    now += 1000;
    const suspended = await api.call("POST", "/operator/v1/participants/power-co/status", {
      status: "suspended",
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    const since = await page(`?updatedSince=${encodeURIComponent(lastSeen)}`);
    expect(since.billers.map((b) => [b.id, b.status])).toEqual([
      ["gas-co", "active"],
      ["power-co", "suspended"],
    ]);

    expect((await bank.call("GET", "/v1/billers/water-co")).json()).toMatchObject({
      id: "water-co",
      version: 1,
    });
    expectProblem(await channel.call("GET", "/v1/billers/bank-a"), 404, "biller_not_found");
    expectProblem(await channel.call("GET", "/v1/billers/nobody"), 404, "biller_not_found");
    expectProblem(await channel.call("GET", "/v1/billers?cursor=bm9wZQ"), 400, "cursor_invalid");
    expectProblem(await biller.call("GET", "/v1/billers"), 403, "operation_not_permitted");
  });
});
