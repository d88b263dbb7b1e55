import type { Problem, ProblemCode } from "./api-types.ts";

/** One detail of a problem: for a schema violation, where; for a bulk item, which. */
export type ProblemDetailError = NonNullable<Problem["errors"]>[number];

/**
 * The code of an answer that was not a problem the hub wrote (a proxy's HTML error page, a
 * redirect, a body that is not JSON): the SDK's own, never one of the hub's.
 */
export const unexpectedResponseCode = "unexpected_response";

/**
 * A hub answer's code. A hub newer than this SDK may answer codes its document did not list
 * yet, so any string is possible; the listed ones still complete in an editor.
 */
export type AnsweredProblemCode = ProblemCode | typeof unexpectedResponseCode | (string & {});

/**
 * The hub answered, and refused: an RFC 9457 problem (application/problem+json) with a stable
 * `code`. Thrown by every client method for any answer outside 2xx, once retries are over.
 */
export class ClearhubProblemError extends Error {
  override readonly name = "ClearhubProblemError";
  readonly status: number;
  readonly code: AnsweredProblemCode;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: readonly ProblemDetailError[];
  /** The hub's id of the request (`x-request-id`), to quote to its operator. */
  readonly requestId: string | undefined;
  /** How many attempts were made before this answer was accepted as final. */
  readonly attempts: number;

  constructor(problem: ProblemFields, context: { requestId?: string; attempts: number }) {
    super(`${problem.status} ${problem.code}: ${problem.title}`);
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.requestId = context.requestId;
    this.attempts = context.attempts;
  }
}

interface ProblemFields {
  readonly status: number;
  readonly code: AnsweredProblemCode;
  readonly title: string;
  readonly detail?: string | undefined;
  readonly errors?: readonly ProblemDetailError[] | undefined;
}

function isProblemBody(body: unknown): body is Problem {
  if (typeof body !== "object" || body === null) return false;
  const { code, title, status } = body as Record<string, unknown>;
  return typeof code === "string" && typeof title === "string" && typeof status === "number";
}

/** The problem a non-2xx answer carries, or one made up from its status when it carries none. */
export function problemOf(response: Response, body: unknown): ProblemFields {
  const isProblem = response.headers.get("content-type")?.startsWith("application/problem+json");
  if (isProblem && isProblemBody(body)) return { ...body, status: response.status };
  return {
    status: response.status,
    code: unexpectedResponseCode,
    title: `HTTP ${response.status} ${response.statusText}`.trim(),
    detail: typeof body === "string" && body !== "" ? body.slice(0, 200) : undefined,
  };
}
