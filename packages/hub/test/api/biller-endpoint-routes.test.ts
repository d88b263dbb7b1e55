/**
 * An operator registers and lists a biller's interface endpoints through the same registry and
 * route code as a bank's; a participant that is no biller is refused with its own code.
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

describe("a biller's endpoints", () => {
  it("registers the first as primary and lists it under billerId", async () => {
    const added = await operator("POST", "/operator/v1/billers/water-city/endpoints", {
      id: "main",
      url: "https://billing.water-city.example/hub",
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.headers.location).toBe("/operator/v1/billers/water-city/endpoints/main");
    expect(added.json()).toMatchObject({ billerId: "water-city", id: "main", primary: true });
    const listed = await operator("GET", "/operator/v1/billers/water-city/endpoints");
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toMatchObject({
      primaryEndpointId: "main",
      items: [
        { billerId: "water-city", id: "main", url: "https://billing.water-city.example/hub" },
      ],
    });
    const audit = await test.hub.auditLog.list({ limit: 10 });
    expect(JSON.stringify(audit)).toContain("bank_endpoint:water-city/main");
  });

  it("refuses a bank on the billers' routes, and a biller on the banks'", async () => {
    const onBillers = await operator("POST", "/operator/v1/billers/bank-beta/endpoints", {
      id: "main",
      url: "https://bank-beta.example/hub",
    });
    expect(onBillers.statusCode).toBe(422);
    expect(onBillers.json()).toMatchObject({ code: "participant_not_biller" });
    const listed = await operator("GET", "/operator/v1/billers/bank-beta/endpoints");
    expect(listed.json()).toMatchObject({ code: "participant_not_biller" });
    const onBanks = await operator("GET", "/operator/v1/banks/water-city/endpoints");
    expect(onBanks.json()).toMatchObject({ code: "participant_not_bank" });
    const unknown = await operator("GET", "/operator/v1/billers/nobody-here/endpoints");
    expect(unknown.json()).toMatchObject({ code: "participant_not_found" });
  });
});
