import { expect, it } from "vitest";
import { issueOperatorToken } from "../../src/api/operator-auth.ts";
import { describeEachBackend } from "../support/backends.ts";
import { testActor } from "../support/test-actor.ts";
import {
  type ApiHarness,
  accountOf,
  createParticipant,
  expectProblem,
  tokenWithRole,
  useApiHarness,
} from "./api-harness.ts";
import { snapshotStore } from "./store-snapshot.ts";

interface ApprovalBody {
  id: string;
  action: string;
  subject: string;
  payload: Record<string, unknown>;
  proposedBy: { id: string; name: string };
  proposedAt: string;
  expiresAt: string;
  state: string;
  decidedBy: { id: string; name: string } | null;
  outcome: string | null;
}

const hour = 60 * 60_000;

async function proposed(response: Awaited<ReturnType<ApiHarness["call"]>>): Promise<ApprovalBody> {
  expect(response.statusCode, response.body).toBe(202);
  return (response.json() as { approval: ApprovalBody }).approval;
}

describeEachBackend("four-eyes approvals", (backend) => {
  let now = Date.UTC(2026, 0, 5, 9, 0, 0);
  const api = useApiHarness(backend, { operatorClock: () => now });
  const approve = (id: string, token = api.approverToken) =>
    api.callAs(token, "POST", `/operator/v1/approvals/${id}/approve`);
  const terminate = (id: string) =>
    api.call("POST", `/operator/v1/participants/${id}/status`, { status: "terminated" });

  it("answers a termination with a pending proposal that changes nothing else", async () => {
    now = Date.UTC(2026, 0, 5, 9, 0, 0);
    await createParticipant(api, "bank-a");
    const before = await snapshotStore(api.hub.database);
    const approval = await proposed(await terminate("bank-a"));
    expect(approval).toEqual({
      id: expect.any(String),
      action: "participant.terminate",
      subject: "participant:bank-a",
      payload: { participantId: "bank-a" },
      proposedBy: { id: expect.any(String), name: "test operator" },
      proposedAt: new Date(now).toISOString(),
      expiresAt: new Date(now + 24 * hour).toISOString(),
      state: "pending",
      decidedBy: null,
      decidedAt: null,
      outcome: null,
    });
    const after = await snapshotStore(api.hub.database);
    // Only the proposal and its audit entry were written.
    expect(
      [...after.keys()]
        .filter((table) => after.get(table)?.size !== before.get(table)?.size)
        .sort(),
    ).toEqual(["approvals", "audit_log"]);
    const participant = await api.call("GET", "/operator/v1/participants/bank-a");
    expect(participant.json()).toMatchObject({ status: "active" });
    const listed = await api.call("GET", "/operator/v1/approvals?state=pending");
    expect(listed.json()).toEqual({ items: [approval], nextCursor: null });
  });

  it("refuses the proposer's own approval, and carries the action out on another operator's", async () => {
    await createParticipant(api, "bank-a");
    const approval = await proposed(await terminate("bank-a"));
    expectProblem(await approve(approval.id, api.token), 403, "approval_by_proposer");
    // Another token of the same account is still the same pair of eyes.
    const sameAccount = await issueOperatorToken(api.hub, "second token", testActor, {
      accountName: "test operator",
    });
    expectProblem(await approve(approval.id, sameAccount.token), 403, "approval_by_proposer");
    expect((await api.call("GET", "/operator/v1/participants/bank-a")).json()).toMatchObject({
      status: "active",
    });
    const approved = await approve(approval.id);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      approval: {
        id: approval.id,
        state: "approved",
        decidedBy: { name: "test approver" },
        outcome: "ok",
      },
      result: { id: "bank-a", status: "terminated" },
    });
    expectProblem(await approve(approval.id), 409, "approval_not_pending");
    const audit = await api.call("GET", `/operator/v1/audit-log?subject=approval:${approval.id}`);
    expect(
      (audit.json() as { items: { action: string; actor: { name: string } }[] }).items.map(
        (entry) => [entry.action, entry.actor.name],
      ),
    ).toEqual([
      ["approval.approve", "test approver"],
      ["approval.propose", "test operator"],
    ]);
  });

  it("needs the operator role to approve: a viewer cannot", async () => {
    await createParticipant(api, "bank-a");
    const approval = await proposed(await terminate("bank-a"));
    const viewer = await tokenWithRole(api, "viewer");
    expectProblem(await approve(approval.id, viewer), 403, "role_insufficient");
    const operator = await tokenWithRole(api, "operator");
    expect((await approve(approval.id, operator)).statusCode).toBe(200);
  });

  it("raises a cap only on approval, and lowers it at once", async () => {
    await createParticipant(api, "bank-a", [{ currency: "EUR", netDebitCap: "100.00" }]);
    const url = "/operator/v1/participants/bank-a/net-debit-caps/EUR";
    const approval = await proposed(await api.call("PUT", url, { amount: "250.5" }));
    expect(approval).toMatchObject({
      action: "participant.net_debit_cap_raise",
      payload: { participantId: "bank-a", currency: "EUR", netDebitCap: "250.50" },
    });
    expect((await accountOf(api, "bank-a", "position")).netDebitCap).toBe("100.00");
    const lowered = await api.call("PUT", url, { amount: "40" });
    expect(lowered.statusCode, lowered.body).toBe(200);
    expect((await accountOf(api, "bank-a", "position")).netDebitCap).toBe("40.00");
    // Equal to the current cap is not a raise.
    expect((await api.call("PUT", url, { amount: "40.00" })).statusCode).toBe(200);
    const approved = await approve(approval.id);
    expect(approved.json()).toMatchObject({ result: { kind: "position", netDebitCap: "250.50" } });
    expect((await accountOf(api, "bank-a", "position")).netDebitCap).toBe("250.50");
  });

  it("refuses at once what the direct route would refuse, recording no proposal", async () => {
    await createParticipant(api, "bank-a");
    const before = await snapshotStore(api.hub.database);
    expectProblem(await terminate("nobody"), 404, "participant_not_found");
    expectProblem(await terminate("operator"), 409, "operator_status_fixed");
    expectProblem(
      await api.call("PUT", "/operator/v1/participants/bank-a/net-debit-caps/USD", { amount: "5" }),
      422,
      "currency_not_held",
    );
    expectProblem(
      await api.call("PUT", "/operator/v1/banks/bank-a/primary-endpoint", {
        endpointId: "nowhere",
      }),
      404,
      "bank_endpoint_not_found",
    );
    expect(await snapshotStore(api.hub.database)).toEqual(before);
  });

  it("answers the action's problem when the world changed before the approval", async () => {
    await createParticipant(api, "bank-a");
    const first = await proposed(await terminate("bank-a"));
    const second = await proposed(await terminate("bank-a"));
    expect((await approve(first.id)).statusCode).toBe(200);
    expectProblem(await approve(second.id), 409, "participant_terminated");
    const read = await api.call("GET", `/operator/v1/approvals/${second.id}`);
    expect(read.json()).toMatchObject({ state: "approved", outcome: "participant_terminated" });
  });

  it("rejects: by another operator or withdrawn by the proposer, and then cannot be approved", async () => {
    await createParticipant(api, "bank-a");
    const first = await proposed(await terminate("bank-a"));
    const rejected = await api.callAs(
      api.approverToken,
      "POST",
      `/operator/v1/approvals/${first.id}/reject`,
    );
    expect(rejected.json()).toMatchObject({
      approval: { state: "rejected", decidedBy: { name: "test approver" } },
    });
    expectProblem(await approve(first.id), 409, "approval_not_pending");
    now += 1000;
    const second = await proposed(await terminate("bank-a"));
    const withdrawn = await api.call("POST", `/operator/v1/approvals/${second.id}/reject`);
    expect(withdrawn.json()).toMatchObject({
      approval: { state: "rejected", decidedBy: { name: "test operator" } },
    });
    expect((await api.call("GET", "/operator/v1/participants/bank-a")).json()).toMatchObject({
      status: "active",
    });
    const listed = await api.call("GET", "/operator/v1/approvals?state=rejected");
    expect((listed.json() as { items: ApprovalBody[] }).items.map((item) => item.id)).toEqual([
      second.id,
      first.id,
    ]);
  });

  it("lets a proposal lapse after 24 hours: listed as expired, never approved", async () => {
    now = Date.UTC(2026, 0, 5, 9, 0, 0);
    await createParticipant(api, "bank-a");
    const approval = await proposed(await terminate("bank-a"));
    now += 24 * hour - 1;
    expect((await api.call("GET", "/operator/v1/approvals?state=pending")).json()).toMatchObject({
      items: [{ id: approval.id, state: "pending" }],
    });
    now += 1;
    expect((await api.call("GET", "/operator/v1/approvals?state=pending")).json()).toEqual({
      items: [],
      nextCursor: null,
    });
    expect((await api.call("GET", "/operator/v1/approvals?state=expired")).json()).toMatchObject({
      items: [{ id: approval.id, state: "expired" }],
    });
    expectProblem(await approve(approval.id), 409, "approval_expired");
    expect((await api.call("GET", "/operator/v1/participants/bank-a")).json()).toMatchObject({
      status: "active",
    });
  });

  it("pages newest first and refuses unknown filters and cursors", async () => {
    for (let index = 0; index < 3; index++) {
      now += 1000;
      await createParticipant(api, `bank-${index}`);
      await proposed(await terminate(`bank-${index}`));
    }
    const first = (await api.call("GET", "/operator/v1/approvals?limit=2")).json() as {
      items: ApprovalBody[];
      nextCursor: string;
    };
    expect(first.items.map((item) => item.subject)).toEqual([
      "participant:bank-2",
      "participant:bank-1",
    ]);
    const second = (
      await api.call("GET", `/operator/v1/approvals?limit=2&cursor=${first.nextCursor}`)
    ).json() as { items: ApprovalBody[]; nextCursor: string | null };
    expect(second.items.map((item) => item.subject)).toEqual(["participant:bank-0"]);
    expect(second.nextCursor).toBeNull();
    expectProblem(
      await api.call("GET", "/operator/v1/approvals?status=pending"),
      400,
      "request_invalid",
    );
    expectProblem(
      await api.call("GET", "/operator/v1/approvals?state=open"),
      400,
      "request_invalid",
    );
    expectProblem(
      await api.call("GET", "/operator/v1/approvals?cursor=abc"),
      400,
      "cursor_invalid",
    );
    expectProblem(await api.call("GET", "/operator/v1/approvals/nope"), 404, "approval_not_found");
    expectProblem(await approve("nope"), 404, "approval_not_found");
  });

  it("carries an approval out once when two operators approve at the same moment", async () => {
    const third = await tokenWithRole(api, "operator", "test third");
    for (let round = 0; round < 6; round++) {
      const bank = `bank-${round}`;
      await createParticipant(api, bank);
      const endpoints = ["main", "unified"];
      for (const id of endpoints) {
        const added = await api.call("POST", `/operator/v1/banks/${bank}/endpoints`, {
          id,
          url: `https://${id}.example`,
        });
        expect(added.statusCode, added.body).toBe(201);
      }
      const approval = await proposed(
        await api.call("PUT", `/operator/v1/banks/${bank}/primary-endpoint`, {
          endpointId: "unified",
        }),
      );
      const answers = await Promise.all([approve(approval.id), approve(approval.id, third)]);
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
      const lost = answers.find((answer) => answer.statusCode === 409);
      if (lost !== undefined) expectProblem(lost, 409, "approval_not_pending");
      const switched = await api.call(
        "GET",
        `/operator/v1/audit-log?subject=bank_endpoint:${bank}/unified&action=bank_endpoint.primary_set`,
      );
      expect((switched.json() as { items: unknown[] }).items).toHaveLength(1);
    }
  });
});
