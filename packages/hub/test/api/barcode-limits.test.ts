/**
 * The operator's barcode limits over the API: the CNY defaults listed, a currency's limits set
 * only once a second operator approves (audited, then applied to holds), bad limits refused with
 * stable codes and nothing written, and viewers reading but not proposing.
 */
import { expect, it } from "vitest";
import { describeEachBackend } from "../support/backends.ts";
import { expectProblem, tokenWithRole, useApiHarness } from "./api-harness.ts";
import { snapshotStore } from "./store-snapshot.ts";

const cnyDefaults = { currency: "CNY", A: null, B: "5000.00", C: "1000.00", D: "500.00" };
const hkd = { A: "20000.00", B: "6000.00", C: "1200.00", D: "0" };

describeEachBackend("barcode limits", (backend) => {
  const api = useApiHarness(backend);

  it("lists the PBOC defaults for CNY", async () => {
    const listed = await api.call("GET", "/operator/v1/barcode-limits");
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json()).toEqual({ items: [cnyDefaults] });
  });

  it("sets a currency's limits only once a second operator approves, then holds by them", async () => {
    const before = await snapshotStore(api.hub.database);
    const proposed = await api.call("PUT", "/operator/v1/barcode-limits/HKD", hkd);
    expect(proposed.statusCode, proposed.body).toBe(202);
    expect(proposed.json()).toMatchObject({
      approval: {
        action: "barcode_limits.set",
        subject: "barcode_limits:HKD",
        payload: { currency: "HKD", ...hkd, D: "0.00" },
      },
    });
    const after = await snapshotStore(api.hub.database);
    expect(after.get("barcode_limits")).toEqual(before.get("barcode_limits"));
    const hold = {
      paymentId: "pay-1",
      payerId: "wallet-alpha",
      customerRef: "c-1",
      level: "B" as const,
      amount: 600_000n,
      currency: "HKD",
      at: Date.now(),
    };
    expect(await api.hub.barcodeLimits.hold(hold)).toEqual({
      ok: false,
      code: "currency_has_no_limits",
    });

    const { approval } = proposed.json() as { approval: { id: string } };
    const approved = await api.callAs(
      api.approverToken,
      "POST",
      `/operator/v1/approvals/${approval.id}/approve`,
    );
    expect(approved.statusCode, approved.body).toBe(200);
    expect((approved.json() as { result: unknown }).result).toEqual({
      currency: "HKD",
      ...hkd,
      D: "0.00",
    });
    expect((await api.call("GET", "/operator/v1/barcode-limits")).json()).toEqual({
      items: [cnyDefaults, { currency: "HKD", ...hkd, D: "0.00" }],
    });
    expect(await api.hub.barcodeLimits.hold(hold)).toEqual({ ok: true });
    expect(await api.hub.barcodeLimits.hold({ ...hold, paymentId: "pay-2", amount: 1n })).toEqual({
      ok: false,
      code: "limit_exceeded",
      remaining: 0n,
      limit: 600_000n,
    });
    const audit = await api.call("GET", "/operator/v1/audit-log?action=barcode_limits.set");
    expect((audit.json() as { items: { subject: string }[] }).items).toMatchObject([
      { subject: "barcode_limits:HKD" },
    ]);
  });

  it("lowers CNY's level B and lifts level D's limit, on approval", async () => {
    const cny = { A: "100000.00", B: "2000.50", C: "1000", D: null };
    const approved = await api.callApproved("PUT", "/operator/v1/barcode-limits/CNY", cny);
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await api.call("GET", "/operator/v1/barcode-limits")).json()).toEqual({
      items: [{ currency: "CNY", A: "100000.00", B: "2000.50", C: "1000.00", D: null }],
    });
  });

  it("refuses bad limits with stable codes and writes nothing", async () => {
    const viewer = await tokenWithRole(api, "viewer");
    const before = await snapshotStore(api.hub.database);
    const put = (body: Record<string, unknown>, currency = "CNY") =>
      api.call("PUT", `/operator/v1/barcode-limits/${currency}`, { ...hkd, ...body });
    expectProblem(await put({}, "XXX"), 422, "currency_unknown");
    expectProblem(await put({ B: "-1.00" }), 422, "amount_invalid");
    expectProblem(await put({ B: "ten" }), 422, "amount_invalid");
    expectProblem(await put({ C: "1.001" }), 422, "amount_too_precise");
    expectProblem(await put({ D: "92233720368547758.08" }), 422, "amount_too_large");
    expectProblem(await put({ A: 5000 }), 400, "request_invalid");
    expectProblem(await put({ E: "1.00" }), 400, "request_invalid");
    expectProblem(
      await api.call("PUT", "/operator/v1/barcode-limits/CNY", { A: null, B: "1.00", C: "1.00" }),
      400,
      "request_invalid",
    );
    expectProblem(
      await api.callAs(viewer, "PUT", "/operator/v1/barcode-limits/CNY", hkd),
      403,
      "role_insufficient",
    );
    expect((await api.callAs(viewer, "GET", "/operator/v1/barcode-limits")).statusCode).toBe(200);
    expect(await snapshotStore(api.hub.database)).toEqual(before);
  });
});
