import type { CustomerParameterProblem } from "../../domain/billers/customer-parameters.ts";
import { escapePointerToken } from "../nul-characters.ts";
import type { ProblemError } from "../problem.ts";

/** A refused customer parameter: its name ("" for the set as a whole) and why. */
export interface RefusedParameter {
  readonly parameter: string;
  readonly code: string;
}

/**
 * Each refused parameter as a problem's `errors`, by JSON Pointer under the body's
 * `customerParameters`; the values themselves are never repeated back, since they are customer
 * data. Names are escaped as pointer tokens, so a name holding `/` or `~` still points at itself.
 */
export function customerParameterErrors(refused: readonly RefusedParameter[]): ProblemError[] {
  const base = "/customerParameters";
  return refused.map(({ parameter, code }) => ({
    pointer: parameter === "" ? base : `${base}/${escapePointerToken(parameter)}`,
    code,
  }));
}

/** The shape check's problems (every biller's common rules) in the same terms. */
export function parameterProblems(
  problems: readonly CustomerParameterProblem[],
): RefusedParameter[] {
  return problems.map((problem) => ({ parameter: problem.parameter, code: problem.reason }));
}
