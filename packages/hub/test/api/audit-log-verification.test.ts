import { sql } from "kysely";
import { expect, it } from "vitest";
import { describeEachBackend } from "../support/backends.ts";
import { createParticipant, expectProblem, useApiHarness } from "./api-harness.ts";

const verificationPath = "/operator/v1/audit-log/verification";

describeEachBackend("the audit chain's verification", (backend) => {
  const api = useApiHarness(backend);

  it("reports a whole chain as verified, entry count included", async () => {
    await createParticipant(api, "bank-a");
    await createParticipant(api, "bank-b");
    const newest = await api.call("GET", "/operator/v1/audit-log?limit=1");
    const [head] = (newest.json() as { items: { seq: number; action: string }[] }).items;
    expect(head?.action).toBe("participant.create");
    const response = await api.call("GET", verificationPath);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ ok: true, entries: head?.seq, firstBroken: null });
  });

  it("names the first broken link of an edited entry", async () => {
    await createParticipant(api, "bank-a");
    await createParticipant(api, "bank-b");
    await sql`update audit_log set subject = ${"participant:bank-z"} where seq = 2`.execute(
      api.hub.database.kysely,
    );
    const response = await api.call("GET", verificationPath);
    expect(response.json()).toEqual({
      ok: false,
      entries: 1,
      firstBroken: { seq: 2, problem: "hash_mismatch" },
    });
  });

  it("is the operator's only", async () => {
    const anonymous = await api.app.inject({ method: "GET", url: verificationPath });
    expectProblem(anonymous, 401, "credentials_missing");
  });
});
