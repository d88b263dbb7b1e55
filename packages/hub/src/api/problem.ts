import { problemContentType, WireProblemError } from "@clearhub/wire";
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { problemCatalogue } from "./problem-catalogue.ts";
import type { ProblemCode } from "./problem-code.ts";

export { problemCatalogue } from "./problem-catalogue.ts";
export type {
  ApiProblemCode,
  ProblemCode,
  SignatureProblemCode,
  TransferFailureCode,
} from "./problem-code.ts";

/** Problem details (RFC 9457) as the API writes them: the body, its schema, and the handlers. */
export { problemContentType };

const problemTypePrefix = "urn:clearhub:problem:";
/** Bounds the size of an error answer; a 1 MiB body can hold thousands of mistakes. */
export const problemErrorsMax = 1000;

/** The errors a problem lists are spelt as in the wire contracts, which share this schema. */
export const ProblemErrorSchema = WireProblemError;
export type ProblemError = Static<typeof ProblemErrorSchema>;

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: "urn:clearhub:problem:<code>" }),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.Unsafe<ProblemCode>({
      type: "string",
      // An enum, not a union of literals: clients generate the union of codes from it, and
      // the response serializer treats it as the plain string it is.
      enum: Object.keys(problemCatalogue),
      description:
        "The problem code; the API description lists each with its status. Clients should expect codes added in later versions.",
    }),
    detail: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(ProblemErrorSchema)),
  },
  { $id: "Problem", title: "Problem" },
);
export type Problem = Static<typeof ProblemSchema>;

export interface ProblemExtras {
  readonly detail?: string | undefined;
  readonly errors?: readonly ProblemError[] | undefined;
}

export function problemFor(code: ProblemCode, extras: ProblemExtras = {}): Problem {
  const { status, title } = problemCatalogue[code];
  const problem: Problem = { type: `${problemTypePrefix}${code}`, title, status, code };
  if (extras.detail !== undefined) problem.detail = extras.detail;
  if (extras.errors !== undefined && extras.errors.length > 0) {
    problem.errors = extras.errors.slice(0, problemErrorsMax);
  }
  return problem;
}

export function sendProblem(
  reply: FastifyReply,
  code: ProblemCode,
  extras: ProblemExtras = {},
): FastifyReply {
  const kind = problemCatalogue[code];
  for (const [name, value] of Object.entries(kind.headers ?? {})) reply.header(name, value);
  return reply
    .code(kind.status)
    .header("content-type", problemContentType)
    .send(problemFor(code, extras));
}

/** A refusal raised where only an error can be (a body parser): answered as its problem. */
export class RequestProblem extends Error {
  constructor(
    readonly problem: ProblemCode,
    readonly detail?: string,
  ) {
    super(detail ?? problem);
  }
}

/** Fastify's own errors, by their code, for failures before a route handler runs. */
const fastifyErrorProblems: Readonly<Record<string, ProblemCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: "body_too_large",
  FST_ERR_CTP_INVALID_JSON_BODY: "body_invalid_json",
  FST_ERR_CTP_EMPTY_JSON_BODY: "body_invalid_json",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "media_type_unsupported",
};

function validationErrors(error: FastifyError): ProblemError[] {
  const location = error.validationContext ?? "body";
  return (error.validation ?? []).map((issue) => ({
    location,
    pointer: issue.instancePath,
    detail: issue.message ?? "is invalid",
  }));
}

/** Every error that reaches Fastify ends here and leaves as a problem; stacks never leave. */
export function problemErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (error instanceof RequestProblem) {
    return sendProblem(reply, error.problem, { detail: error.detail });
  }
  if (error.validation !== undefined) {
    const errors = validationErrors(error);
    const detail = `${errors.length} schema violation(s) in the ${errors[0]?.location ?? "request"}`;
    return sendProblem(reply, "request_invalid", { detail, errors });
  }
  const known = error.code === undefined ? undefined : fastifyErrorProblems[error.code];
  if (known !== undefined) return sendProblem(reply, known);
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return sendProblem(reply, "request_invalid", { detail: error.message });
  }
  request.log.error({ err: error }, "unexpected error");
  return sendProblem(reply, "internal_error", { detail: `request id ${request.id}` });
}

export function routeNotFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(reply, "route_not_found", {
    detail: `No route for ${request.method} ${request.url.split("?")[0]}`,
  });
}

/**
 * OpenAPI response entries for the problems a route can answer, keyed by status. Several codes
 * share a status, so each entry lists its codes in the description.
 */
/** Any route can answer these: the request could not be read as the route's schema says. */
export const unreadableRequestProblems: readonly ProblemCode[] = [
  "request_malformed",
  "request_invalid",
  "body_invalid_json",
  "body_duplicate_key",
  "body_too_large",
  "media_type_unsupported",
];

export function problemResponses(...codes: readonly ProblemCode[]): Record<number, unknown> {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of codes) {
    const status = problemCatalogue[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<number, unknown> = {};
  for (const [status, shared] of byStatus) {
    responses[status] = {
      description: `Problem: ${shared.map((code) => `\`${code}\``).join(", ")}`,
      content: { [problemContentType]: { schema: Type.Ref("Problem") } },
    };
  }
  return responses;
}
