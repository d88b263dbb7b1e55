import { timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type {
  OpenSession,
  OperatorSessionService,
} from "../app/operators/operator-session-service.ts";
import {
  type IssuedOperatorToken,
  type OperatorToken,
  type OperatorTokenService,
  operatorTokenPrefix,
  type TokenBinding,
} from "../app/operators/operator-token-service.ts";
import type { AuditActor } from "../domain/audit/audit-actor.ts";
import type { OperatorAccount } from "../domain/operators/operator-account.ts";
import { type OperatorRole, roleAllows, weakerRole } from "../domain/operators/operator-role.ts";
import { routeAccess } from "./operator-route-roles.ts";
import { sendProblem } from "./problem.ts";

/** Who an operator request acts as: an account, with the role it acts in, through a token or a session. */
export interface OperatorPrincipal {
  readonly account: OperatorAccount;
  readonly role: OperatorRole;
  readonly via:
    | { readonly kind: "token"; readonly token: OperatorToken }
    | { readonly kind: "session"; readonly session: OpenSession; readonly secret: string };
}

declare module "fastify" {
  interface FastifyRequest {
    /** Who sent an /operator/v1 request; set by the authentication hook on every route but login. */
    operator: OperatorPrincipal | undefined;
  }
}

export const sessionCookieName = "clearhub_session";
export const csrfHeaderName = "x-csrf-token";
/** Methods that change nothing; every other one needs the CSRF token when a cookie authenticates it. */
const safeMethods: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);

export const operatorSecuritySchemeName = "operatorToken";
export const operatorSessionSchemeName = "operatorSession";

export const operatorSecurityScheme = {
  type: "http",
  scheme: "bearer",
  description: `\`Authorization: Bearer ${operatorTokenPrefix}…\`, a token bound to an operator account and a role (it acts with the weaker of its role and its account's). The first start of the hub prints a token once; \`clearhub token create\` issues more; only hashes are kept. A missing token answers 401 \`credentials_missing\`, an unknown or revoked one, or one of a disabled account, 401 \`credentials_invalid\`. A role too weak for the route answers 403 \`role_insufficient\`.`,
} as const;

export const operatorSessionScheme = {
  type: "apiKey",
  in: "cookie",
  name: sessionCookieName,
  description: `The console's session cookie, set by \`POST /operator/v1/session\`. A request with a method other than GET or HEAD must also send \`${csrfHeaderName}\` with the session's \`csrfToken\` (403 \`csrf_token_invalid\` otherwise). Sessions end after 30 minutes unused or 12 hours after login.`,
} as const;

export { hashOperatorToken } from "../app/operators/operator-token-service.ts";

/** Issues an operator API token through the hub's OperatorTokenService (the CLI and tests call it with the hub). */
export function issueOperatorToken(
  operators: { readonly operatorTokens: OperatorTokenService },
  name: string,
  actor: AuditActor,
  binding: TokenBinding = {},
): Promise<IssuedOperatorToken> {
  return operators.operatorTokens.issue(name, actor, binding);
}

/** The operator of a request that passed the authentication hook. */
export function requestOperator(request: FastifyRequest): OperatorPrincipal {
  if (request.operator === undefined)
    throw new Error("operator routes run only after authentication");
  return request.operator;
}

/** Who the audit log names for an operator request: the account, and the token or session it used. */
export function operatorActor(request: FastifyRequest): AuditActor {
  const { account, via } = requestOperator(request);
  const operator = { id: account.id, name: account.name };
  return via.kind === "token"
    ? { kind: "operator_token", id: via.token.id, name: via.token.name, operator }
    : { kind: "operator_session", id: via.session.session.id, name: account.name, operator };
}

/** The token of an `Authorization: Bearer <token>` header; undefined for any other form. */
function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? "");
  return match?.[1];
}

/** The session cookie's value, if the Cookie header carries one. */
export function sessionCookie(header: string | undefined): string | undefined {
  for (const pair of (header ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === sessionCookieName) return pair.slice(at + 1).trim();
  }
  return undefined;
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface OperatorAuthDependencies {
  readonly tokens: OperatorTokenService;
  readonly sessions: OperatorSessionService;
}

async function principalOf(
  request: FastifyRequest,
  deps: OperatorAuthDependencies,
): Promise<OperatorPrincipal | "missing" | "invalid"> {
  const token = bearerToken(request.headers.authorization);
  if (token !== undefined) {
    const found = await deps.tokens.authenticate(token);
    if (found === undefined) return "invalid";
    const role = weakerRole(found.token.role, found.account.role);
    return { account: found.account, role, via: { kind: "token", token: found.token } };
  }
  const secret = sessionCookie(request.headers.cookie);
  if (secret === undefined) return "missing";
  const session = await deps.sessions.resume(secret);
  if (session === undefined) return "invalid";
  return {
    account: session.account,
    role: session.account.role,
    via: { kind: "session", session, secret },
  };
}

/**
 * THE operator authorisation hook, an onRequest hook so that strangers cannot make the hub read a
 * body: who is calling (a bearer token, else the session cookie), the CSRF token for a cookie on
 * an unsafe method, then the role the matrix asks for. A refusal writes nothing.
 */
export function operatorAuth(deps: OperatorAuthDependencies) {
  return async (
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply | undefined> => {
    const access = routeAccess(request.method, request.routeOptions.url ?? "");
    if (access === undefined)
      throw new Error(`no role for ${request.method} ${request.routeOptions.url}`);
    if (access === "public") return undefined;
    const principal = await principalOf(request, deps);
    if (principal === "missing") return sendProblem(reply, "credentials_missing");
    if (principal === "invalid") return sendProblem(reply, "credentials_invalid");
    const { via } = principal;
    if (
      via.kind === "session" &&
      !safeMethods.has(request.method) &&
      !sameSecret(headerValue(request.headers[csrfHeaderName]), via.session.csrfToken)
    ) {
      return sendProblem(reply, "csrf_token_invalid");
    }
    if (!roleAllows(principal.role, access)) {
      return sendProblem(reply, "role_insufficient", {
        detail: `${request.method} ${request.routeOptions.url} needs the ${access} role; this ${via.kind} acts as ${principal.role}`,
      });
    }
    request.operator = principal;
    // Who did what: every later log line of the request names the account and the token or session.
    request.log = request.log.child({
      operatorId: principal.account.id,
      operatorName: principal.account.name,
      ...(via.kind === "token"
        ? { operatorTokenId: via.token.id }
        : { operatorSessionId: via.session.session.id }),
    });
    return undefined;
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}
