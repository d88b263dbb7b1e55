import { expect, it } from "vitest";
import { problemCatalogue } from "../../src/api/problem.ts";
import { buildServer } from "../../src/api/server.ts";
import { transferResultCodes } from "../../src/domain/ledger/result-code.ts";
import type { Hub } from "../../src/hub.ts";
import { describeEachBackend } from "../support/backends.ts";
import { expectProblem, useApiHarness } from "./api-harness.ts";

interface OpenApiDocument {
  openapi: string;
  info: { description: string };
  paths: Record<
    string,
    Record<string, { security?: unknown[]; responses: Record<string, unknown> }>
  >;
  components: {
    securitySchemes: Record<string, { type: string; scheme: string }>;
    schemas: Record<string, unknown>;
  };
}

const documentedRoutes = [
  "GET /v1/bill-payments/{paymentId}",
  "GET /operator/v1/bill-payments/posting-failed",
  "POST /v1/bill-payments",
  "POST /v1/biller-notices/reversals",
  "GET /health",
  "GET /ready",
  "GET /.well-known/clearhub-hub-keys",
  "POST /operator/v1/session",
  "GET /operator/v1/session",
  "DELETE /operator/v1/participants/{participantId}/reserve-caps/{currency}",
  "DELETE /operator/v1/session",
  "GET /operator/v1/operators",
  "POST /operator/v1/operators",
  "GET /operator/v1/operators/{operatorId}",
  "PUT /operator/v1/operators/{operatorId}/role",
  "POST /operator/v1/operators/{operatorId}/disable",
  "GET /operator/v1/approvals",
  "GET /operator/v1/approvals/{approvalId}",
  "POST /operator/v1/approvals/{approvalId}/approve",
  "POST /operator/v1/approvals/{approvalId}/reject",
  "GET /operator/v1/webhook-deliveries",
  "GET /operator/v1/network-overview",
  "GET /operator/v1/transfers",
  "GET /operator/v1/bank-operations",
  "GET /operator/v1/stuck-operations",
  "GET /operator/v1/traces/{id}",
  "POST /operator/v1/bank-operations/{participantId}/{operationId}/inquire",
  "POST /operator/v1/webhook-deliveries/{deliveryId}/redeliver",
  "POST /operator/v1/participants",
  "GET /operator/v1/participants",
  "GET /operator/v1/participants/{participantId}",
  "POST /operator/v1/participants/{participantId}/status",
  "GET /operator/v1/participants/{participantId}/suspensions",
  "POST /operator/v1/participants/{participantId}/suspensions",
  "POST /operator/v1/participants/{participantId}/suspensions/lift",
  "POST /operator/v1/participants/{participantId}/termination",
  "POST /operator/v1/participants/{participantId}/currencies",
  "PUT /operator/v1/participants/{participantId}/net-debit-caps/{currency}",
  "PUT /operator/v1/participants/{participantId}/reserve-caps/{currency}",
  "GET /operator/v1/settlement-windows",
  "GET /operator/v1/settlement-windows/{windowId}",
  "GET /operator/v1/settlement-windows/{windowId}/files",
  "GET /operator/v1/settlement-windows/{windowId}/files/{name}",
  "POST /operator/v1/settlement-windows/{windowId}/abort",
  "POST /operator/v1/settlement-windows/{windowId}/close",
  "POST /operator/v1/settlement-windows/{windowId}/confirmation-file",
  "POST /operator/v1/settlement-windows/{windowId}/settlement",
  "POST /operator/v1/participants/{participantId}/funds",
  "POST /operator/v1/participants/{participantId}/keys",
  "GET /operator/v1/participants/{participantId}/keys",
  "POST /operator/v1/participants/{participantId}/keys/{keyId}/rotate",
  "POST /operator/v1/participants/{participantId}/keys/{keyId}/revoke",
  "POST /operator/v1/transfers",
  "GET /operator/v1/transfers/{transferId}",
  "GET /operator/v1/result-codes",
  "GET /operator/v1/audit-log",
  "GET /operator/v1/audit-log/verification",
  "POST /operator/v1/banks/{bankId}/endpoints",
  "GET /operator/v1/banks/{bankId}/endpoints",
  "PATCH /operator/v1/banks/{bankId}/endpoints/{endpointId}",
  "POST /operator/v1/banks/{bankId}/endpoints/{endpointId}/retire",
  "PUT /operator/v1/banks/{bankId}/primary-endpoint",
  "GET /operator/v1/banks/{bankId}/endpoint-health",
  "POST /operator/v1/banks/{bankId}/endpoint-migrations",
  "GET /operator/v1/banks/{bankId}/endpoint-migrations",
  "GET /operator/v1/banks/{bankId}/endpoint-migrations/{migrationId}",
  "GET /operator/v1/banks/{bankId}/pinned-agreements",
  "PUT /operator/v1/banks/{bankId}/endpoint-migrations/{migrationId}/weight",
  "POST /operator/v1/banks/{bankId}/endpoint-migrations/{migrationId}/rollback",
  "POST /operator/v1/banks/{bankId}/endpoint-migrations/{migrationId}/complete",
  "POST /v1/ping",
  "GET /v1/accounts",
  "POST /v1/transfers",
  "POST /v1/transfers/bulk",
  "GET /v1/transfers",
  "GET /v1/transfers/{transferId}",
  "POST /v1/transfers/{transferId}/commit",
  "POST /v1/transfers/{transferId}/void",
  "POST /v1/webhook-endpoints",
  "POST /v1/agreements",
  "GET /v1/agreements",
  "GET /v1/agreements/{agreementId}",
  "POST /v1/agreements/{agreementId}/confirm",
  "POST /v1/agreements/{agreementId}/unsign",
  "POST /v1/bank-notices/unsigned",
  "POST /v1/agreement-payments",
  "GET /v1/agreement-payments/{paymentId}",
  "POST /v1/bank-notices/transaction-results",
  "POST /v1/payouts",
  "GET /v1/payouts/{operationId}",
  "POST /v1/refunds",
  "GET /v1/refunds/{operationId}",
  "GET /v1/webhook-endpoints",
  "GET /v1/webhook-endpoints/{endpointId}",
  "DELETE /v1/webhook-endpoints/{endpointId}",
  "POST /v1/bill-subscriptions",
  "GET /v1/bill-subscriptions",
  "DELETE /v1/bill-subscriptions/{subscriptionId}",
  "POST /v1/biller-notices/bills",
  "GET /operator/v1/billers",
  "GET /operator/v1/billers/{participantId}",
  "PUT /operator/v1/billers/{participantId}",
  "GET /operator/v1/billers/{participantId}/endpoints",
  "POST /operator/v1/billers/{participantId}/endpoints",
  "GET /operator/v1/issuers/{participantId}/endpoints",
  "POST /operator/v1/issuers/{participantId}/endpoints",
  "GET /v1/billers",
  "GET /v1/billers/{billerId}",
  "POST /v1/bill-inquiries",
  "GET /operator/v1/biller-protection",
  "GET /v1/reconciliation/days/{day}/statement.csv",
  "GET /v1/reconciliation/days/{day}/statement.xml",
  "PUT /v1/reconciliation/days/{day}/record",
  "GET /v1/reconciliation/breaks",
  "GET /operator/v1/participants/{participantId}/reconciliation/days/{day}/statement.csv",
  "GET /operator/v1/participants/{participantId}/reconciliation/days/{day}/statement.xml",
  "PUT /operator/v1/participants/{participantId}/reconciliation/days/{day}/record",
  "GET /operator/v1/reconciliation/breaks",
  "GET /operator/v1/reconciliation/breaks/{breakId}",
  "POST /operator/v1/reconciliation/breaks/{breakId}/resolution",
  "GET /operator/v1/fee-schedules",
  "PUT /operator/v1/fee-schedules/{transactionType}/{currency}",
  "DELETE /operator/v1/fee-schedules/{transactionType}/{currency}",
  "PUT /operator/v1/participants/{participantId}/fee-schedules/{transactionType}/{currency}",
  "DELETE /operator/v1/participants/{participantId}/fee-schedules/{transactionType}/{currency}",
  "GET /operator/v1/barcode-limits",
  "PUT /operator/v1/barcode-limits/{currency}",
  "PUT /v1/merchants/{merchantId}",
  "GET /v1/merchants/{merchantId}",
  "GET /v1/merchants",
  "POST /v1/merchants/{merchantId}/close",
  "GET /v1/merchant-directory/{acquirerId}/{merchantId}",
  "GET /v1/code-prefixes",
  "POST /v1/qr-payments",
  "POST /v1/code-payments",
  "POST /v1/code-payments/{id}/reversal",
  "POST /v1/wallet-notices/code-payment-outcomes",
  "GET /v1/barcode-payments/{paymentId}",
  "POST /v1/barcode-payments/{paymentId}/refunds",
  "GET /v1/barcode-refunds/{refundId}",
  "GET /v1/merchants/{merchantId}/orders/{orderReference}/payments",
  "GET /operator/v1/participants/{participantId}/merchants",
  "GET /operator/v1/code-prefixes",
  "POST /operator/v1/code-prefixes",
  "DELETE /operator/v1/code-prefixes/{prefix}",
  "GET /operator/v1/barcode-payments",
  "GET /operator/v1/barcode-payments/{paymentId}",
];

describeEachBackend("operator API server", (backend) => {
  const api = useApiHarness(backend);

  it("serves an OpenAPI 3.1 document listing every route", async () => {
    const response = await api.app.inject({ method: "GET", url: "/openapi.json" });
    expect(response.statusCode).toBe(200);
    const document = response.json() as OpenApiDocument;
    expect(document.openapi).toBe("3.1.0");
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual([...documentedRoutes].sort());
    for (const operation of operations) {
      const [method, path] = operation.split(" ") as [string, string];
      const url = path.replace(/\{(\w+)\}/g, ":$1");
      expect(api.app.hasRoute({ method: method as "GET", url }), operation).toBe(true);
    }
  });

  it("documents the bearer scheme, the problems and the result codes", async () => {
    const document = (
      await api.app.inject({ method: "GET", url: "/openapi.json" })
    ).json() as OpenApiDocument;
    expect(document.components.securitySchemes.operatorToken).toMatchObject({
      type: "http",
      scheme: "bearer",
    });
    expect(document.components.schemas.Problem).toBeDefined();
    expect(document.paths["/health"]?.get?.security).toEqual([]);
    for (const [path, methods] of Object.entries(document.paths)) {
      if (!path.startsWith("/operator/v1/")) continue;
      for (const operation of Object.values(methods))
        expect(operation.responses["401"], path).toBeDefined();
    }
    const codes = (await api.app.inject({ method: "GET", url: "/docs/codes" })).body;
    for (const code of [...Object.keys(problemCatalogue), ...Object.keys(transferResultCodes)]) {
      expect(codes).toContain(`<code>${code}</code>`);
    }
    const funds =
      document.paths["/operator/v1/participants/{participantId}/funds"]?.post?.responses;
    expect(JSON.stringify(funds?.["422"])).toContain("insufficient_liquidity");
    expect(JSON.stringify(funds?.["503"])).toContain("storage_unavailable");
  });

  it("serves the interactive docs", async () => {
    const response = await api.app.inject({ method: "GET", url: "/docs/" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/text\/html/);
  });

  it("gives every response a request id", async () => {
    const first = await api.app.inject({ method: "GET", url: "/health" });
    const second = await api.app.inject({ method: "GET", url: "/nowhere" });
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(first.headers["x-request-id"]).toMatch(uuid);
    expect(second.headers["x-request-id"]).toMatch(uuid);
    expect(first.headers["x-request-id"]).not.toBe(second.headers["x-request-id"]);
  });

  it("answers liveness and readiness", async () => {
    expect((await api.app.inject({ method: "GET", url: "/health" })).json()).toEqual({
      status: "ok",
    });
    expect((await api.app.inject({ method: "GET", url: "/ready" })).json()).toEqual({
      status: "ready",
    });
  });

  it("answers 503 database_unavailable when the database fails or hangs", async () => {
    const failing = {
      ...api.hub,
      ledgerReader: { checkReadable: () => Promise.reject(new Error("down")) },
    };
    const hanging = { ...api.hub, ledgerReader: { checkReadable: () => new Promise(() => {}) } };
    for (const hub of [failing, hanging]) {
      const app = await buildServer(hub as unknown as Hub);
      const response = await app.inject({ method: "GET", url: "/ready" });
      expectProblem(response, 503, "database_unavailable");
      expect(response.headers["retry-after"]).toBe("1");
      await app.close();
    }
  });

  it("refuses U+0000 in a path or a query before the store sees it", async () => {
    const cases: [string, string, string][] = [
      ["/operator/v1/participants/a%00b", "params", "/participantId"],
      ["/operator/v1/participants/a%00b/keys", "params", "/participantId"],
      ["/operator/v1/transfers/a%00b", "params", "/transferId"],
      ["/operator/v1/audit-log?subject=a%00b", "querystring", "/subject"],
    ];
    for (const [url, location, pointer] of cases) {
      const problem = expectProblem(await api.call("GET", url), 400, "request_invalid");
      expect(problem.errors, url).toEqual([{ location, pointer, code: "nul_character" }]);
    }
    // A body is left to its schema and rules, which refuse U+0000 in a name on both stores.
    const named = { id: "bank-nul", name: "a\u0000b", kind: "bank", currencies: [] };
    const created = await api.call("POST", "/operator/v1/participants", named);
    expectProblem(created, 422, "participant_name_invalid");
  });

  it("answers unknown routes with 404 route_not_found", async () => {
    expectProblem(
      await api.app.inject({ method: "GET", url: "/nowhere?x=1" }),
      404,
      "route_not_found",
    );
    expectProblem(await api.call("DELETE", "/operator/v1/participants"), 404, "route_not_found");
  });

  it("answers a path the router cannot read with a problem, not the router's own body", async () => {
    const get = (url: string) =>
      api.app.inject({ method: "GET", url, headers: { authorization: `Bearer ${api.token}` } });
    // Not percent-encoded UTF-8, and a parameter longer than the router takes.
    for (const url of [
      "/v1/transfers/%FF",
      "/v1/transfers/%E2%82/commit",
      "/operator/v1/participants/%",
      `/operator/v1/transfers/${"x".repeat(101)}`,
    ]) {
      expectProblem(await get(url), 400, "request_invalid");
    }
  });

  it("answers a bad body with body_invalid_json, request_invalid, body_too_large or media_type_unsupported", async () => {
    const post = (payload: string, contentType = "application/json") =>
      api.app.inject({
        method: "POST",
        url: "/operator/v1/transfers",
        headers: { authorization: `Bearer ${api.token}`, "content-type": contentType },
        payload,
      });
    expectProblem(await post('{"transfers": ['), 400, "body_invalid_json");
    expectProblem(await post(""), 400, "request_invalid"); // no body, where one is required
    expectProblem(await post('{"__proto__": {"x": 1}}'), 400, "body_invalid_json");
    const huge = JSON.stringify({
      transfers: [{ id: "x", kind: "posted", reference: "r".repeat(1024 * 1024) }],
    });
    expectProblem(await post(huge), 413, "body_too_large");
    expectProblem(await post("<transfers/>", "application/xml"), 415, "media_type_unsupported");
  });

  it("answers an unexpected failure with 500 internal_error, logged, without leaking it", async () => {
    const logged: unknown[][] = [];
    const broken = {
      ...api.hub,
      participants: { find: () => Promise.reject(new Error("secret database detail")) },
    };
    const app = await buildServer(broken as unknown as Hub, {
      logger: {
        level: "error",
        hooks: {
          logMethod(args) {
            logged.push(args);
          },
        },
      },
    });
    const response = await app.inject({
      method: "GET",
      url: "/operator/v1/participants/acme",
      headers: { authorization: `Bearer ${api.token}` },
    });
    const problem = expectProblem(response, 500, "internal_error");
    expect(problem.detail).toBe(`request id ${response.headers["x-request-id"]}`);
    expect(response.body).not.toContain("secret");
    expect(response.body).not.toMatch(/\bat\b.*\.ts/);
    expect(
      JSON.stringify(logged, (_key, value) => (value instanceof Error ? value.message : value)),
    ).toContain("secret database detail");
    await app.close();
  });
});
