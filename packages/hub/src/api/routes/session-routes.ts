import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { OpenSession } from "../../app/operators/operator-session-service.ts";
import { operatorPasswordLengthMax } from "../../domain/operators/operator-account.ts";
import { csrfHeaderName, requestOperator, sessionCookieName } from "../operator-auth.ts";
import { OperatorRoleSchema } from "../operator-view.ts";
import { problemResponses, sendProblem, unreadableRequestProblems } from "../problem.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

const LoginBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: operatorPasswordLengthMax }),
  },
  { additionalProperties: false },
);

const SessionSchema = Type.Object(
  {
    operator: Type.Object({ id: Type.String(), name: Type.String(), role: OperatorRoleSchema }),
    csrfToken: Type.String({
      description: `Send it as \`${csrfHeaderName}\` with every request other than GET and HEAD made with the cookie`,
    }),
    expiresAt: Type.String({
      format: "date-time",
      description: "When the session ends unless used before: 30 minutes idle, 12 hours at most",
    }),
  },
  { title: "OperatorSession" },
);

function sessionBody(open: OpenSession) {
  return {
    operator: { id: open.account.id, name: open.account.name, role: open.account.role },
    csrfToken: open.csrfToken,
    expiresAt: new Date(open.expiresAt).toISOString(),
  };
}

/** HttpOnly: scripts never see it; SameSite=Strict: other sites' pages never send it. */
function sessionCookieHeader(request: FastifyRequest, value: string, clear = false): string {
  const attributes = [`${sessionCookieName}=${value}`, "HttpOnly", "SameSite=Strict", "Path=/"];
  if (request.protocol === "https") attributes.push("Secure");
  if (clear) attributes.push("Max-Age=0");
  return attributes.join("; ");
}

function sessionOf(request: FastifyRequest, reply: FastifyReply): OpenSession | undefined {
  const { via } = requestOperator(request);
  if (via.kind === "session") return via.session;
  sendProblem(reply, "session_required");
  return undefined;
}

export const sessionRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hub }) => {
  app.post(
    "/session",
    {
      schema: {
        summary: "Log in to the console: opens a session and sets its cookie",
        description: `Answers the same 401 \`login_failed\` for an unknown name and a wrong password. Ten attempts per name per quarter hour, then 429 \`login_rate_limited\`. The \`${sessionCookieName}\` cookie is HttpOnly, SameSite=Strict, and Secure over HTTPS.`,
        tags: ["operators"],
        security: [],
        body: LoginBody,
        response: {
          200: SessionSchema,
          ...problemResponses(
            ...unreadableRequestProblems,
            "login_failed",
            "login_rate_limited",
            "internal_error",
          ),
        },
      },
    },
    async (request, reply) => {
      const outcome = await hub.operatorSessions.login(request.body.name, request.body.password);
      if (!outcome.ok) {
        if (outcome.code === "login_rate_limited") {
          reply.header("retry-after", String(Math.ceil(outcome.retryAfterMs / 1000)));
        }
        return sendProblem(reply, outcome.code);
      }
      reply.header("set-cookie", sessionCookieHeader(request, outcome.value.secret));
      return sessionBody(outcome.value);
    },
  );

  app.get(
    "/session",
    {
      schema: {
        summary: "The session of the cookie: who is logged in, the CSRF token, when it ends",
        tags: ["operators"],
        response: { 200: SessionSchema, ...operatorProblems("session_required") },
      },
    },
    async (request, reply) => {
      const open = sessionOf(request, reply);
      return open === undefined ? reply : sessionBody(open);
    },
  );

  app.delete(
    "/session",
    {
      schema: {
        summary: "Log out: the session is deleted on the hub and its cookie cleared",
        tags: ["operators"],
        response: {
          204: Type.Null({ description: "Logged out" }),
          ...operatorProblems("session_required"),
        },
      },
    },
    async (request, reply) => {
      const open = sessionOf(request, reply);
      if (open === undefined) return reply;
      await hub.operatorSessions.logout(open.session.id);
      reply.header("set-cookie", sessionCookieHeader(request, "", true));
      return reply.code(204).send(null);
    },
  );
};
