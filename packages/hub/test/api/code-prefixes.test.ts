/**
 * The code-prefix routing table end to end: the operator assigns and removes prefixes through
 * four-eyes approval, audited; overlapping prefixes, non-issuers and bad prefixes are refused
 * with their codes and nothing is written; every kind of participant reads the published table;
 * the routing use-case sends a number to its issuer or answers `code_prefix_unknown`.
 */
import { expect, it } from "vitest";
import { describeEachBackend } from "../support/backends.ts";
import { expectProblem, tokenWithRole, useApiHarness } from "./api-harness.ts";
import { onboardParticipant } from "./participant-client.ts";
import { snapshotStore } from "./store-snapshot.ts";

const walletRange = { prefix: "6201", issuerId: "wallet-alpha", instrument: "payment_code" };

describeEachBackend("code prefixes", (backend) => {
  const api = useApiHarness(backend);

  it("assigns a prefix only once a second operator approves, and publishes it", async () => {
    await onboardParticipant(api, "wallet-alpha", "payment_institution");
    const biller = await onboardParticipant(api, "water-co", "biller");
    const before = await snapshotStore(api.hub.database);
    const proposed = await api.call("POST", "/operator/v1/code-prefixes", walletRange);
    expect(proposed.statusCode, proposed.body).toBe(202);
    expect(proposed.json()).toMatchObject({
      approval: { action: "code_prefix.assign", subject: "code_prefix:6201", payload: walletRange },
    });
    expect((await snapshotStore(api.hub.database)).get("code_prefixes")).toEqual(
      before.get("code_prefixes"),
    );
    const { approval } = proposed.json() as { approval: { id: string } };
    const approved = await api.callAs(
      api.approverToken,
      "POST",
      `/operator/v1/approvals/${approval.id}/approve`,
    );
    expect(approved.statusCode, approved.body).toBe(200);
    const entry = { ...walletRange, createdAt: expect.any(String) };
    expect((approved.json() as { result: unknown }).result).toEqual(entry);

    const published = await biller.call("GET", "/v1/code-prefixes");
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toEqual({ items: [entry] });
    expect((await api.call("GET", "/operator/v1/code-prefixes")).json()).toEqual({
      items: [entry],
    });
    const audit = await api.call("GET", "/operator/v1/audit-log?action=code_prefix.assign");
    expect((audit.json() as { items: unknown[] }).items).toHaveLength(1);

    expect(await api.hub.codePrefixes.routeCode("620112345678901234")).toEqual({
      ok: true,
      value: { issuerId: "wallet-alpha", instrument: "payment_code", prefix: "6201" },
    });
    expect(await api.hub.codePrefixes.routeCode("630112345678901234")).toEqual({
      ok: false,
      code: "code_prefix_unknown",
    });
  });

  it("refuses overlaps, non-issuers and bad prefixes, writing nothing", async () => {
    await onboardParticipant(api, "wallet-alpha", "payment_institution");
    await onboardParticipant(api, "bank-alpha");
    const assigned = await api.callApproved("POST", "/operator/v1/code-prefixes", walletRange);
    expect(assigned.statusCode, assigned.body).toBe(200);
    const viewer = await tokenWithRole(api, "viewer");
    const before = await snapshotStore(api.hub.database);
    const assign = (body: Record<string, unknown>) =>
      api.call("POST", "/operator/v1/code-prefixes", { ...walletRange, ...body });
    expectProblem(await assign({ prefix: "62" }), 409, "code_prefix_overlaps");
    expectProblem(await assign({ prefix: "6201" }), 409, "code_prefix_overlaps");
    expectProblem(await assign({ prefix: "620199" }), 409, "code_prefix_overlaps");
    expectProblem(await assign({ prefix: "6" }), 422, "code_prefix_invalid");
    expectProblem(await assign({ prefix: "12345678901" }), 422, "code_prefix_invalid");
    expectProblem(await assign({ prefix: "62a1" }), 422, "code_prefix_invalid");
    expectProblem(
      await assign({ prefix: "63", issuerId: "bank-alpha" }),
      422,
      "participant_not_issuer",
    );
    expectProblem(await assign({ prefix: "63", issuerId: "nobody" }), 404, "participant_not_found");
    expectProblem(await assign({ prefix: "63", instrument: "cheque" }), 400, "request_invalid");
    expectProblem(
      await api.call("DELETE", "/operator/v1/code-prefixes/63"),
      404,
      "code_prefix_not_found",
    );
    expectProblem(
      await api.callAs(viewer, "POST", "/operator/v1/code-prefixes", {
        ...walletRange,
        prefix: "63",
      }),
      403,
      "role_insufficient",
    );
    expect(await snapshotStore(api.hub.database)).toEqual(before);
  });

  it("removes a prefix on approval, after which its numbers route nowhere", async () => {
    await onboardParticipant(api, "card-co", "payment_institution");
    const card = { prefix: "8801", issuerId: "card-co", instrument: "prepaid_card" };
    await api.callApproved("POST", "/operator/v1/code-prefixes", card);
    expect(await api.hub.codePrefixes.routeCode("8801000011112222")).toMatchObject({ ok: true });
    const removed = await api.callApproved("DELETE", "/operator/v1/code-prefixes/8801");
    expect(removed.statusCode, removed.body).toBe(200);
    expect((removed.json() as { result: unknown }).result).toMatchObject(card);
    expect((await api.call("GET", "/operator/v1/code-prefixes")).json()).toEqual({ items: [] });
    expect(await api.hub.codePrefixes.routeCode("8801000011112222")).toEqual({
      ok: false,
      code: "code_prefix_unknown",
    });
    const audit = await api.call("GET", "/operator/v1/audit-log?action=code_prefix.remove");
    expect((audit.json() as { items: unknown[] }).items).toHaveLength(1);
  });
});
