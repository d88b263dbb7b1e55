import { type ProblemCode, problemResponses, unreadableRequestProblems } from "../problem.ts";

/** The problems every operator route can answer, plus the route's own. */
export function operatorProblems(...codes: readonly ProblemCode[]): Record<number, unknown> {
  return problemResponses(
    ...unreadableRequestProblems,
    "credentials_missing",
    "credentials_invalid",
    "role_insufficient",
    "csrf_token_invalid",
    "internal_error",
    ...codes,
  );
}
