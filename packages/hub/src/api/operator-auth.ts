import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { OperatorAccountService } from "../app/operators/operator-account-service.ts";
import type {
  OpenSession,
  OperatorSessionService,
} from "../app/operators/operator-session-service.ts";
import type { OperatorStore, OperatorToken } from "../app/ports/operator-store.ts";
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

/**
 * Operator API tokens. The prefix makes a leaked token recognisable to secret scanners; only
 * a SHA-256 hash is stored, so a database dump does not hand out API access. A plain hash (no
 * salt, no slow KDF) is enough because the token carries 256 random bits, not a human password.
 */
const operatorTokenPrefix = "chop_";
const operatorTokenRandomBytes = 32;
/** A real token is 48 characters; longer headers are refused without hashing them. */
const operatorTokenLengthMax = 128;
export const operatorTokenNameLengthMax = 100;

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

export interface IssuedOperatorToken extends OperatorToken {
  /** Shown once; it cannot be recovered later. */
  readonly token: string;
}

export function hashOperatorToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export interface TokenBinding {
  /** The account the token acts for, created without a password if absent; the token's name by default. */
  readonly accountName?: string | undefined;
  /** Admin by default: the command line is run by whoever holds the database. */
  readonly role?: OperatorRole | undefined;
  readonly clock?: (() => number) | undefined;
}

/**
 * Issues a token bound to an account and a role that cannot exceed the account's, and records
 * who issued it (never the token or its hash) in the audit log.
 */
export async function issueOperatorToken(
  operators: {
    readonly operatorStore: OperatorStore;
    readonly operatorAccounts: OperatorAccountService;
  },
  name: string,
  actor: AuditActor,
  binding: TokenBinding = {},
): Promise<IssuedOperatorToken> {
  if (name.length === 0 || name.length > operatorTokenNameLengthMax) {
    throw new Error(`token name must be 1..${operatorTokenNameLengthMax} characters`);
  }
  const role = binding.role ?? "admin";
  const accountName = binding.accountName ?? name;
  const found = await operators.operatorAccounts.findOrCreateTokenAccount(accountName, role, actor);
  if (!found.ok)
    throw new Error(`cannot bind the token to account "${accountName}": ${found.code}`);
  const account = found.value;
  if (!roleAllows(account.role, role)) {
    throw new Error(
      `a token's role cannot exceed its account's: "${account.name}" is ${account.role}, not ${role}`,
    );
  }
  const token = `${operatorTokenPrefix}${randomBytes(operatorTokenRandomBytes).toString("base64url")}`;
  const issued: OperatorToken = {
    id: randomUUID(),
    name,
    createdAt: (binding.clock ?? Date.now)(),
    role,
    accountId: account.id,
  };
  await operators.operatorStore.createToken(issued, hashOperatorToken(token), {
    at: issued.createdAt,
    actor,
    action: "operator_token.issue",
    subject: `operator_token:${issued.id}`,
    details: { name, role, operatorId: account.id, operatorName: account.name },
  });
  return { ...issued, token };
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
  readonly store: OperatorStore;
  readonly sessions: OperatorSessionService;
}

async function principalOf(
  request: FastifyRequest,
  deps: OperatorAuthDependencies,
): Promise<OperatorPrincipal | "missing" | "invalid"> {
  const token = bearerToken(request.headers.authorization);
  if (token !== undefined) {
    if (token.length > operatorTokenLengthMax) return "invalid";
    const found = await deps.store.findActiveToken(hashOperatorToken(token));
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
