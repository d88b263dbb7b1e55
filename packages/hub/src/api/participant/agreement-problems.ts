import type { ProblemCode } from "../problem.ts";

/** Problems the agreement routes answer beyond every participant route's. */
export const agreementNotFoundProblems: readonly ProblemCode[] = [
  "agreement_not_found",
  "sealed_data_unreadable",
];

/** A call to the bank that could not be made, or whose answer never came. */
export const bankCallProblems: readonly ProblemCode[] = [
  "bank_unavailable",
  "bank_outcome_unknown",
];
