import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterEach, beforeEach, expect } from "vitest";
import { issueOperatorToken } from "../../src/api/operator-auth.ts";
import { type ApiServer, buildServer, type ServerOptions } from "../../src/api/server.ts";
import type { OperatorRole } from "../../src/domain/operators/operator-role.ts";
import type { Hub } from "../../src/hub.ts";
import type { Backend } from "../support/backends.ts";
import { testActor } from "../support/test-actor.ts";
import { openTestHub, type TestHub, type TestHubOptions } from "../support/test-hub.ts";

/**
 * A hub on a fresh isolated store, its operator API, and two admin tokens of different operator
 * accounts: `token` proposes, `approverToken` approves what needs four eyes.
 */
export interface ApiHarness {
  readonly app: ApiServer;
  readonly hub: Hub;
  readonly token: string;
  /** A token of a second admin account, "test approver". */
  readonly approverToken: string;
  /** Sends the request with the operator token. */
  call(
    method: InjectOptions["method"],
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
  /** Sends the request with the given bearer token. */
  callAs(
    token: string,
    method: InjectOptions["method"],
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
  /**
   * Sends a request that needs four eyes with the operator token and, if it was proposed (202),
   * approves it with the approver's token: the approval's answer, whose `result` is what the
   * direct route answers. A refused proposal is answered as it was.
   */
  callApproved(
    method: InjectOptions["method"],
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
}

/** A token for a new operator account with this role. */
export async function tokenWithRole(
  api: Pick<ApiHarness, "hub">,
  role: OperatorRole,
  accountName = `${role} account`,
): Promise<string> {
  const issued = await issueOperatorToken(api.hub, accountName, testActor, { role });
  return issued.token;
}

function inject(
  app: ApiServer,
  token: string,
  method: InjectOptions["method"],
  url: string,
  payload: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload === undefined ? {} : { payload: payload as InjectOptions["payload"] }),
  });
}

async function callApproved(
  app: ApiServer,
  token: string,
  approverToken: string,
  [method, url, payload]: [InjectOptions["method"], string, unknown],
): Promise<LightMyRequestResponse> {
  const proposed = await inject(app, token, method, url, payload);
  if (proposed.statusCode !== 202) return proposed;
  const { approval } = proposed.json() as { approval: { id: string; state: string } };
  expect(approval.state).toBe("pending");
  return inject(
    app,
    approverToken,
    "POST",
    `/operator/v1/approvals/${approval.id}/approve`,
    undefined,
  );
}

/**
 * A harness of its own, for tests that need the server or the hub built their way (a logger,
 * the webhook dispatcher running, say).
 */
export async function openApiHarness(
  backend: Backend,
  serverOptions: ServerOptions = {},
  hubOptions: TestHubOptions = {},
): Promise<ApiHarness & { readonly test: TestHub; dispose(): Promise<void> }> {
  const test = await openTestHub(backend, hubOptions);
  const app = await buildServer(test.hub, serverOptions);
  apiDocument ??= app.swagger() as unknown as ApiDocument;
  const { token } = await issueOperatorToken(test.hub, "test operator", testActor);
  const approver = await issueOperatorToken(test.hub, "test approver", testActor);
  return {
    test,
    app,
    hub: test.hub,
    token,
    approverToken: approver.token,
    call: (method, url, payload) => inject(app, token, method, url, payload),
    callAs: (as, method, url, payload) => inject(app, as, method, url, payload),
    callApproved: (method, url, payload) =>
      callApproved(app, token, approver.token, [method, url, payload]),
    async dispose() {
      await app.close();
      await test.dispose();
    },
  };
}

/**
 * Gives each test of the enclosing `describe` its own harness, opened before the test and
 * disposed of after it. The returned harness stands for the current test's.
 */
export function useApiHarness(backend: Backend, hubOptions: TestHubOptions = {}): ApiHarness {
  let current: Awaited<ReturnType<typeof openApiHarness>> | undefined;
  beforeEach(async () => {
    current = await openApiHarness(backend, {}, hubOptions);
  });
  afterEach(async () => {
    await current?.dispose();
    current = undefined;
  });
  const open = (): ApiHarness => {
    if (current === undefined) throw new Error("the API harness is open only during a test");
    return current;
  };
  return {
    get app() {
      return open().app;
    },
    get hub() {
      return open().hub;
    },
    get token() {
      return open().token;
    },
    get approverToken() {
      return open().approverToken;
    },
    call: (method, url, payload) => open().call(method, url, payload),
    callAs: (token, method, url, payload) => open().callAs(token, method, url, payload),
    callApproved: (method, url, payload) => open().callApproved(method, url, payload),
  };
}

interface ApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, { description?: string }> }>>;
}

/** The API description, the same for every harness: kept from the first one opened. */
let apiDocument: ApiDocument | undefined;

/** Literal paths first, so `/v1/transfers/bulk` is not taken for `/v1/transfers/{transferId}`. */
function describedOperation(method: string, url: string) {
  const path = new URL(url, "http://localhost").pathname;
  const templates = Object.keys(apiDocument?.paths ?? {}).sort(
    (a, b) => a.split("{").length - b.split("{").length,
  );
  for (const template of templates) {
    const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, "[^/]+")}$`);
    const operation = apiDocument?.paths[template]?.[method.toLowerCase()];
    if (pattern.test(path) && operation !== undefined) return { template, operation };
  }
  return undefined;
}

/**
 * A problem a test provokes must be one the API description promises for that route, so the
 * description cannot fall behind the code. Requests to no route (route_not_found) are exempt.
 */
function expectDocumentedProblem(response: LightMyRequestResponse, code: string): void {
  const { method = "", url = "" } = response.raw.req;
  const described = describedOperation(method, url);
  if (described === undefined) return;
  const documented = described.operation.responses[String(response.statusCode)]?.description;
  expect(documented ?? "", `${method} ${described.template} documents \`${code}\``).toContain(
    `\`${code}\``,
  );
}

/** Asserts an RFC 9457 problem with the given status and code, and returns its body. */
export function expectProblem(
  response: LightMyRequestResponse,
  status: number,
  code: string,
): ProblemBody {
  const body = response.json() as ProblemBody;
  expect({ status: response.statusCode, code: body.code }).toEqual({ status, code });
  expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(body.type).toBe(`urn:clearhub:problem:${code}`);
  expect(body.status).toBe(status);
  expect(body.title).toEqual(expect.any(String));
  expectDocumentedProblem(response, code);
  return body;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: {
    index?: number;
    code?: string;
    pointer?: string;
    location?: string;
    detail?: string;
  }[];
}

export interface AccountBody {
  id: number;
  kind: string;
  currency: string;
  debitsPosted: string;
  creditsPosted: string;
  debitsPending: string;
  creditsPending: string;
  balance: string;
  netDebitCap?: string;
}

export interface ParticipantBody {
  id: string;
  name: string;
  kind: string;
  status: string;
  createdAt: string;
  accounts: AccountBody[];
}

export async function createParticipant(
  api: ApiHarness,
  id: string,
  currencies: { currency: string; netDebitCap: string }[] = [
    { currency: "EUR", netDebitCap: "100.00" },
  ],
): Promise<ParticipantBody> {
  const response = await api.call("POST", "/operator/v1/participants", {
    id,
    name: `Participant ${id}`,
    kind: "bank",
    currencies,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as ParticipantBody;
}

export async function accountOf(
  api: ApiHarness,
  participantId: string,
  kind: string,
  currency = "EUR",
): Promise<AccountBody> {
  const response = await api.call("GET", `/operator/v1/participants/${participantId}`);
  expect(response.statusCode, response.body).toBe(200);
  const participant = response.json() as ParticipantBody;
  const account = participant.accounts.find((a) => a.kind === kind && a.currency === currency);
  if (account === undefined) throw new Error(`${participantId} has no ${currency} ${kind} account`);
  return account;
}

/** Every account's balances, to prove a refused request changed nothing. */
export async function allBalances(api: ApiHarness): Promise<unknown> {
  return (await api.hub.ledgerStore.readAllAccounts()).map((account) => ({
    ...account,
    debitLimit: String(account.debitLimit),
    debitsPosted: String(account.debitsPosted),
    creditsPosted: String(account.creditsPosted),
    debitsPending: String(account.debitsPending),
    creditsPending: String(account.creditsPending),
  }));
}

export async function deposit(
  api: ApiHarness,
  participantId: string,
  id: string,
  amount: string,
  currency = "EUR",
): Promise<void> {
  const response = await api.call("POST", `/operator/v1/participants/${participantId}/funds`, {
    id,
    direction: "in",
    amount,
    currency,
  });
  expect(response.statusCode, response.body).toBe(201);
}
