/**
 * The role matrix, role by route: every operator route is in it, every role is tried on every
 * route, forbidden ones answer 403 role_insufficient and change nothing, allowed ones are not 403.
 */
import { generateKeyPairSync } from "node:crypto";
import { expect, it } from "vitest";
import { issueOperatorToken } from "../../src/api/operator-auth.ts";
import {
  assertRouteInMatrix,
  operatorRouteRoles,
  routeAccess,
} from "../../src/api/operator-route-roles.ts";
import { operatorRoles, roleAllows } from "../../src/domain/operators/operator-role.ts";
import { describeEachBackend } from "../support/backends.ts";
import { testActor } from "../support/test-actor.ts";
import { createParticipant, expectProblem, tokenWithRole, useApiHarness } from "./api-harness.ts";
import { snapshotStore } from "./store-snapshot.ts";

function newPublicKey(): string {
  return generateKeyPairSync("ed25519").publicKey.export({ format: "jwk" }).x as string;
}

interface Fixture {
  readonly keyId: string;
  readonly approvalId: string;
  readonly operatorId: string;
}

/** A request for each route of the matrix, with its parameters filled from the fixture. */
function sampleRequest(route: string, fixture: Fixture): { url: string; body?: unknown } {
  const [, template = ""] = route.split(" ");
  const url = template
    .replace(":participantId", "bank-a")
    .replace(":currency", "EUR")
    .replace(":keyId", fixture.keyId)
    .replace(":transferId", "t-1")
    .replace(":deliveryId", "00000000-0000-0000-0000-000000000000")
    .replace(":bankId", "bank-a")
    .replace(":endpointId", "main")
    .replace(":migrationId", "m-1")
    .replace(":approvalId", fixture.approvalId)
    .replace(":operatorId", fixture.operatorId);
  const bodies: Record<string, unknown> = {
    "POST /operator/v1/participants": { id: "bank-z", name: "Z", kind: "bank", currencies: [] },
    "POST /operator/v1/participants/:participantId/status": { status: "suspended" },
    "POST /operator/v1/participants/:participantId/currencies": {
      currency: "USD",
      netDebitCap: "1",
    },
    "PUT /operator/v1/participants/:participantId/net-debit-caps/:currency": { amount: "5" },
    "PUT /operator/v1/participants/:participantId/reserve-caps/:currency": { factor: "1.5" },
    "POST /operator/v1/participants/:participantId/funds": {
      id: "dep-x",
      direction: "in",
      amount: "1.00",
      currency: "EUR",
    },
    "POST /operator/v1/participants/:participantId/keys": { publicKey: newPublicKey() },
    "POST /operator/v1/participants/:participantId/keys/:keyId/rotate": {
      publicKey: newPublicKey(),
    },
    "POST /operator/v1/transfers": { transfers: [] },
    "POST /operator/v1/banks/:bankId/endpoints": { id: "second", url: "https://second.example" },
    "PATCH /operator/v1/banks/:bankId/endpoints/:endpointId": { timeoutMs: 3000 },
    "PUT /operator/v1/banks/:bankId/primary-endpoint": { endpointId: "main" },
    "POST /operator/v1/banks/:bankId/endpoint-migrations": {
      id: "m-1",
      fromEndpointId: "main",
      toEndpointId: "second",
      weightPercent: 10,
    },
    "PUT /operator/v1/banks/:bankId/endpoint-migrations/:migrationId/weight": {
      weightPercent: 20,
    },
    "POST /operator/v1/operators": { name: "newcomer", role: "viewer" },
    "PUT /operator/v1/operators/:operatorId/role": { role: "operator" },
    "POST /operator/v1/session": { name: "nobody", password: "not a password" },
  };
  return { url, body: bodies[route] };
}

describeEachBackend("operator role matrix", (backend) => {
  const api = useApiHarness(backend);

  async function fixture(): Promise<Fixture> {
    await createParticipant(api, "bank-a");
    const endpoint = await api.call("POST", "/operator/v1/banks/bank-a/endpoints", {
      id: "main",
      url: "https://main.example",
    });
    expect(endpoint.statusCode, endpoint.body).toBe(201);
    const key = await api.call("POST", "/operator/v1/participants/bank-a/keys", {
      publicKey: newPublicKey(),
    });
    const proposal = await api.call("POST", "/operator/v1/participants/bank-a/status", {
      status: "terminated",
    });
    expect(proposal.statusCode, proposal.body).toBe(202);
    const target = await api.hub.operatorAccounts.create(
      { name: "target", role: "viewer" },
      testActor,
    );
    if (!target.ok) throw new Error(target.code);
    return {
      keyId: (key.json() as { keyId: string }).keyId,
      approvalId: (proposal.json() as { approval: { id: string } }).approval.id,
      operatorId: target.value.account.id,
    };
  }

  it("tries every role on every route: forbidden is 403 role_insufficient and changes nothing", async () => {
    const fixed = await fixture();
    const tokens = {
      viewer: await tokenWithRole(api, "viewer"),
      operator: await tokenWithRole(api, "operator"),
      admin: await tokenWithRole(api, "admin"),
    };
    let forbidden = 0;
    for (const [route, access] of Object.entries(operatorRouteRoles)) {
      if (access === "public") continue;
      const [method = ""] = route.split(" ");
      const { url, body } = sampleRequest(route, fixed);
      // Forbidden roles first, so that allowed requests have not changed what they would.
      const ordered = [...operatorRoles].sort(
        (a, b) => Number(roleAllows(a, access)) - Number(roleAllows(b, access)),
      );
      for (const role of ordered) {
        const before = await snapshotStore(api.hub.database);
        const response = await api.callAs(tokens[role], method as "GET", url, body);
        if (roleAllows(role, access)) {
          expect(response.statusCode, `${role} on ${route}: ${response.body}`).not.toBe(403);
        } else {
          forbidden++;
          expectProblem(response, 403, "role_insufficient");
          expect(await snapshotStore(api.hub.database), `${role} on ${route}`).toEqual(before);
        }
      }
    }
    // Every operator route refuses viewers, every admin route operators too.
    const needing = (role: string) =>
      Object.values(operatorRouteRoles).filter((access) => access === role).length;
    expect(forbidden).toBe(needing("operator") + 2 * needing("admin"));
  });

  it("holds every operator route of the server, and no route the server lacks", async () => {
    const document = (await api.app.inject({ method: "GET", url: "/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const served = Object.entries(document.paths)
      .filter(([path]) => path.startsWith("/operator/v1/"))
      .flatMap(([path, methods]) =>
        Object.keys(methods).map(
          (method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`,
        ),
      );
    expect(served.sort()).toEqual(Object.keys(operatorRouteRoles).sort());
  });

  it("makes a route missing from the matrix a start-up error, not an open door", () => {
    expect(() => assertRouteInMatrix("GET", "/operator/v1/participants")).not.toThrow();
    expect(() => assertRouteInMatrix(["GET", "HEAD"], "/operator/v1/participants")).not.toThrow();
    expect(() => assertRouteInMatrix("GET", "/operator/v1/secrets")).toThrow(
      /not in the role matrix/,
    );
    expect(() => assertRouteInMatrix("DELETE", "/operator/v1/participants")).toThrow(
      /not in the role matrix/,
    );
    expect(routeAccess("HEAD", "/operator/v1/audit-log")).toBe("viewer");
  });

  it("acts with the weaker of a token's role and its account's, even after a demotion", async () => {
    const created = await api.hub.operatorAccounts.create(
      { name: "carol", role: "admin" },
      testActor,
    );
    if (!created.ok) throw new Error(created.code);
    const { token } = await issueOperatorToken(api.hub, "carol's script", testActor, {
      accountName: "carol",
      role: "operator",
    });
    // An operator token of an admin account is an operator.
    expectProblem(
      await api.callAs(token, "GET", "/operator/v1/operators"),
      403,
      "role_insufficient",
    );
    expect((await api.callAs(token, "GET", "/operator/v1/approvals")).statusCode).toBe(200);
    const demoted = await api.call(
      "PUT",
      `/operator/v1/operators/${created.value.account.id}/role`,
      {
        role: "viewer",
      },
    );
    expect(demoted.statusCode, demoted.body).toBe(200);
    // The account is now a viewer: its operator token acts as one.
    expectProblem(
      await api.callAs(token, "POST", "/operator/v1/participants", {
        id: "bank-q",
        name: "Q",
        kind: "bank",
        currencies: [],
      }),
      403,
      "role_insufficient",
    );
    await expect(
      issueOperatorToken(api.hub, "too strong", testActor, {
        accountName: "carol",
        role: "operator",
      }),
    ).rejects.toThrow(/cannot exceed its account's/);
  });
});
