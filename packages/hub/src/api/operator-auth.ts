import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { OperatorToken, OperatorTokenStore } from "../app/ports/participant-store.ts";
import type { AuditActor } from "../domain/audit/audit-actor.ts";
import { sendProblem } from "./problem.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The operator token that authenticated the request; set on every /operator/v1 route. */
    operatorToken: OperatorToken | undefined;
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

export const operatorSecuritySchemeName = "operatorToken";

export const operatorSecurityScheme = {
  type: "http",
  scheme: "bearer",
  description: `Every /operator/v1 route requires \`Authorization: Bearer ${operatorTokenPrefix}…\`. The first start of the hub prints a token once; only its hash is kept. A missing token answers 401 \`credentials_missing\`, an unknown or revoked one 401 \`credentials_invalid\`.`,
} as const;

export interface IssuedOperatorToken extends OperatorToken {
  /** Shown once; it cannot be recovered later. */
  readonly token: string;
}

export function hashOperatorToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Issues a token and records who issued it (never the token or its hash) in the audit log. */
export async function issueOperatorToken(
  store: OperatorTokenStore,
  name: string,
  actor: AuditActor,
  clock: () => number = Date.now,
): Promise<IssuedOperatorToken> {
  if (name.length === 0 || name.length > operatorTokenNameLengthMax) {
    throw new Error(`token name must be 1..${operatorTokenNameLengthMax} characters`);
  }
  const token = `${operatorTokenPrefix}${randomBytes(operatorTokenRandomBytes).toString("base64url")}`;
  const issued: OperatorToken = { id: randomUUID(), name, createdAt: clock() };
  await store.createToken(issued, hashOperatorToken(token), {
    at: issued.createdAt,
    actor,
    action: "operator_token.issue",
    subject: `operator_token:${issued.id}`,
    details: { name },
  });
  return { ...issued, token };
}

/** Who the audit log names for an operator request: its token, by id and name. */
export function operatorActor(request: FastifyRequest): AuditActor {
  const token = request.operatorToken;
  if (token === undefined) throw new Error("operator routes run only after the token check");
  return { kind: "operator_token", id: token.id, name: token.name };
}

/** The token of an `Authorization: Bearer <token>` header; undefined for any other form. */
function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? "");
  return match?.[1];
}

/** An onRequest hook: runs before the body is read, so strangers cannot make the hub parse JSON. */
export function operatorAuth(store: OperatorTokenStore) {
  return async (
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply | undefined> => {
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) return sendProblem(reply, "credentials_missing");
    const found =
      token.length > operatorTokenLengthMax
        ? undefined
        : await store.findActiveToken(hashOperatorToken(token));
    if (found === undefined) return sendProblem(reply, "credentials_invalid");
    request.operatorToken = found;
    // Who did what: every later log line of the request names the token (never the secret).
    request.log = request.log.child({ operatorTokenId: found.id, operatorTokenName: found.name });
    return undefined;
  };
}
