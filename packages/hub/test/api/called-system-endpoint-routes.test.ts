/**
 * An operator registers and lists a biller's and an issuer's interface endpoints through the same
 * registry and route code as a bank's; a participant of another kind is refused with its own code.
 */
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueOperatorToken } from "../../src/api/operator-auth.ts";
import { type ApiServer, buildServer } from "../../src/api/server.ts";
import { testActor } from "../support/test-actor.ts";
import { openTestHub, type TestHub } from "../support/test-hub.ts";

let test: TestHub;
let server: ApiServer;
let token: string;

function operator(method: InjectOptions["method"], url: string, payload?: unknown) {
  return server.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload === undefined ? {} : { payload: payload as InjectOptions["payload"] }),
  });
}

beforeAll(async () => {
  test = await openTestHub("sqlite");
  server = await buildServer(test.hub);
  token = (await issueOperatorToken(test.hub, "biller endpoints test", testActor)).token;
  for (const [id, kind] of [
    ["water-city", "biller"],
    ["wallet-kiwi", "payment_institution"],
    ["bank-beta", "bank"],
  ] as const) {
    const created = await operator("POST", "/operator/v1/participants", {
      id,
      name: id,
      kind,
      currencies: [{ currency: "CNY", netDebitCap: "0.00" }],
    });
    expect(created.statusCode, created.body).toBe(201);
  }
});

afterAll(async () => {
  await server.close();
  await test.dispose();
});

const calledSystems = [
  {
    segment: "billers",
    ownerField: "billerId",
    owner: "water-city",
    notOwner: "participant_not_biller",
  },
  {
    segment: "issuers",
    ownerField: "issuerId",
    owner: "wallet-kiwi",
    notOwner: "participant_not_issuer",
  },
] as const;

describe.each(calledSystems)("the $segment' endpoints", (system) => {
  const base = `/operator/v1/${system.segment}`;

  it(`registers the first as primary and lists it under ${system.ownerField}`, async () => {
    const url = `https://${system.owner}.example/hub`;
    const added = await operator("POST", `${base}/${system.owner}/endpoints`, { id: "main", url });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.headers.location).toBe(`${base}/${system.owner}/endpoints/main`);
    expect(added.json()).toMatchObject({
      [system.ownerField]: system.owner,
      id: "main",
      primary: true,
    });
    const listed = await operator("GET", `${base}/${system.owner}/endpoints`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toMatchObject({
      primaryEndpointId: "main",
      items: [{ [system.ownerField]: system.owner, id: "main", url }],
    });
    const audit = await test.hub.auditLog.list({ limit: 10 });
    expect(JSON.stringify(audit)).toContain(`bank_endpoint:${system.owner}/main`);
  });

  it("refuses a bank on its routes, and its owner on the banks'", async () => {
    const onThese = await operator("POST", `${base}/bank-beta/endpoints`, {
      id: "main",
      url: "https://bank-beta.example/hub",
    });
    expect(onThese.statusCode).toBe(422);
    expect(onThese.json()).toMatchObject({ code: system.notOwner });
    const listed = await operator("GET", `${base}/bank-beta/endpoints`);
    expect(listed.json()).toMatchObject({ code: system.notOwner });
    const onBanks = await operator("GET", `/operator/v1/banks/${system.owner}/endpoints`);
    expect(onBanks.json()).toMatchObject({ code: "participant_not_bank" });
    const unknown = await operator("GET", `${base}/nobody-here/endpoints`);
    expect(unknown.json()).toMatchObject({ code: "participant_not_found" });
  });
});
