import type { ProblemCode } from "../problem.ts";

/** Problems every route naming one migration of one bank can answer. */
export const migrationLookupProblems: readonly ProblemCode[] = [
  "participant_not_found",
  "participant_not_bank",
  "endpoint_migration_not_found",
];

export function migrationUrl(bankId: string, migrationId: string): string {
  return `/operator/v1/banks/${encodeURIComponent(bankId)}/endpoint-migrations/${encodeURIComponent(migrationId)}`;
}
