import { generateKeyPairSync } from "node:crypto";
import { expect, it } from "vitest";
import { hashOperatorToken } from "../../src/api/operator-auth.ts";
import { verifyAuditLog } from "../../src/app/audit/verify-audit-log.ts";
import { describeEachBackend } from "../support/backends.ts";
import {
  type ApiHarness,
  accountOf,
  createParticipant,
  deposit,
  expectProblem,
  useApiHarness,
} from "./api-harness.ts";

interface AuditEntryBody {
  seq: number;
  at: string;
  actor: { kind: string; id: string; name: string };
  action: string;
  subject: string;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

interface AuditPage {
  items: AuditEntryBody[];
  nextCursor: string | null;
}

async function auditPage(api: ApiHarness, query = ""): Promise<AuditPage> {
  const response = await api.call("GET", `/operator/v1/audit-log${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as AuditPage;
}

/** A harness token as the audit log names it. */
async function harnessActor(api: ApiHarness, token = api.token, name = "test operator") {
  const found = await api.hub.operatorStore.findActiveToken(hashOperatorToken(token));
  if (found === undefined) throw new Error("the harness token is not stored");
  return {
    kind: "operator_token",
    id: found.token.id,
    name,
    operator: { id: found.account.id, name: found.account.name },
  };
}

function byActionOf(page: { items: { action: string; details: unknown }[] }, action: string) {
  return page.items.find((entry) => entry.action === action)?.details;
}

function newPublicKey(): string {
  return generateKeyPairSync("ed25519").publicKey.export({ format: "jwk" }).x as string;
}

describeEachBackend("audit log API", (backend) => {
  const api = useApiHarness(backend);

  it("records each operator action with the token that made it, newest first", async () => {
    await createParticipant(api, "bank-a");
    await createParticipant(api, "bank-b", [{ currency: "EUR", netDebitCap: "0" }]);
    const call = async (method: "POST" | "PUT", url: string, body?: unknown) => {
      const response = await api.call(method, `/operator/v1${url}`, body);
      expect(response.statusCode, response.body).toBeLessThan(300);
      return response.json() as { keyId: string };
    };
    await call("POST", "/participants/bank-a/status", { status: "suspended" });
    await call("POST", "/participants/bank-a/status", { status: "active" });
    await call("POST", "/participants/bank-a/currencies", { currency: "JPY", netDebitCap: "5" });
    // A raise is proposed by one operator and carried out on another's approval.
    const raised = await api.callApproved(
      "PUT",
      "/operator/v1/participants/bank-a/net-debit-caps/EUR",
      {
        amount: "250.00",
      },
    );
    expect(raised.statusCode, raised.body).toBe(200);
    const approvalId = (raised.json() as { approval: { id: string } }).approval.id;
    await deposit(api, "bank-a", "dep-1", "12.30");
    const key = await call("POST", "/participants/bank-a/keys", { publicKey: newPublicKey() });
    const rotated = await call("POST", `/participants/bank-a/keys/${key.keyId}/rotate`, {
      publicKey: newPublicKey(),
    });
    await call("POST", `/participants/bank-a/keys/${rotated.keyId}/revoke`);
    const a = (await accountOf(api, "bank-a", "position")).id;
    const b = (await accountOf(api, "bank-b", "position")).id;
    const transfer = { kind: "posted", debitAccountId: a, creditAccountId: b, currency: "EUR" };
    await call("POST", "/transfers", {
      transfers: [
        { ...transfer, id: "t-1", amount: "1.00" },
        { ...transfer, id: "t-2", amount: "1000.00" },
      ],
    });

    const page = await auditPage(api);
    const actor = await harnessActor(api);
    const operatorEntries = page.items.filter((entry) => entry.actor.kind === "operator_token");
    // The harness's accounts and tokens were made by the test suite, not through the API.
    expect(operatorEntries).toHaveLength(page.items.length - 4);
    const approver = await harnessActor(api, api.approverToken, "test approver");
    const approverActions = ["approval.approve", "participant.net_debit_cap_set"];
    for (const entry of operatorEntries) {
      expect(entry.actor).toEqual(approverActions.includes(entry.action) ? approver : actor);
    }
    expect(page.items.map((entry) => [entry.action, entry.subject])).toEqual([
      ["transfers.submit", "ledger"],
      ["participant_key.revoke", `participant_key:${rotated.keyId}`],
      ["participant_key.rotate", `participant_key:${rotated.keyId}`],
      ["participant_key.add", `participant_key:${key.keyId}`],
      ["participant.funds_move", "participant:bank-a"],
      ["participant.net_debit_cap_set", "participant:bank-a"],
      ["approval.approve", `approval:${approvalId}`],
      ["approval.propose", `approval:${approvalId}`],
      ["participant.currency_add", "participant:bank-a"],
      ["participant.status_change", "participant:bank-a"],
      ["participant.status_change", "participant:bank-a"],
      ["participant.create", "participant:bank-b"],
      ["participant.create", "participant:bank-a"],
      ["operator_token.issue", expect.stringMatching(/^operator_token:/)],
      ["operator_account.create", expect.stringMatching(/^operator_account:/)],
      ["operator_token.issue", expect.stringMatching(/^operator_token:/)],
      ["operator_account.create", expect.stringMatching(/^operator_account:/)],
    ]);
    expect(byActionOf(page, "approval.propose")).toEqual({
      action: "participant.net_debit_cap_raise",
      subject: "participant:bank-a",
      payload: { participantId: "bank-a", currency: "EUR", netDebitCap: "250.00" },
    });
    expect(byActionOf(page, "approval.approve")).toEqual({
      action: "participant.net_debit_cap_raise",
      subject: "participant:bank-a",
      proposedBy: "test operator",
    });
    const byAction = Object.fromEntries(page.items.map((entry) => [entry.action, entry]));
    expect(byAction["transfers.submit"]?.details).toEqual({ submitted: 2, applied: ["t-1"] });
    expect(byAction["participant.funds_move"]?.details).toEqual({
      transferId: "dep-1",
      direction: "in",
      amount: "12.30",
      currency: "EUR",
      result: "ok",
    });
    expect(byAction["participant.net_debit_cap_set"]?.details).toEqual({
      currency: "EUR",
      netDebitCap: "250.00",
      previous: "100.00",
    });
    expect(byAction["participant_key.rotate"]?.details).toMatchObject({
      participantId: "bank-a",
      replacedKeyId: key.keyId,
    });
    expect(byAction["operator_token.issue"]?.details).toEqual({
      name: "test operator",
      role: "admin",
      operatorId: actor.operator.id,
      operatorName: "test operator",
    });
    expect(page.items.at(-1)?.prevHash).toBe("0".repeat(64));
    expect(await verifyAuditLog(api.hub.auditLogStore)).toMatchObject({ ok: true, entries: 17 });
  });

  it("records nothing for a refused action", async () => {
    await createParticipant(api, "bank-a");
    const before = await auditPage(api);
    expectProblem(
      await api.call("POST", "/operator/v1/participants/bank-a/status", { status: "active" }),
      409,
      "status_unchanged",
    );
    expectProblem(
      await api.call("POST", "/operator/v1/participants/nobody/keys", {
        publicKey: newPublicKey(),
      }),
      404,
      "participant_not_found",
    );
    expect(await auditPage(api)).toEqual(before);
  });

  it("filters by action and subject and pages with a cursor", async () => {
    for (const id of ["bank-a", "bank-b", "bank-c"]) await createParticipant(api, id);
    const creations = await auditPage(api, "?action=participant.create&limit=2");
    expect(creations.items.map((entry) => entry.subject)).toEqual([
      "participant:bank-c",
      "participant:bank-b",
    ]);
    expect(creations.nextCursor).toBe(String(creations.items[1]?.seq));
    const rest = await auditPage(
      api,
      `?action=participant.create&limit=2&cursor=${creations.nextCursor}`,
    );
    expect(rest).toEqual({
      items: [expect.objectContaining({ subject: "participant:bank-a" })],
      nextCursor: null,
    });
    const bySubject = await auditPage(api, "?subject=participant:bank-b");
    expect(bySubject.items.map((entry) => entry.action)).toEqual(["participant.create"]);
    expectProblem(
      await api.call("GET", "/operator/v1/audit-log?action=participant.delete"),
      400,
      "request_invalid",
    );
    expectProblem(await api.call("GET", "/operator/v1/audit-log?cursor=0"), 400, "request_invalid");
  });
});
