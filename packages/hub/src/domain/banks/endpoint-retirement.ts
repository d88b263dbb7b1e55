import type { BankEndpoint } from "./bank-endpoint.ts";
import { type EndpointMigration, isRouting } from "./endpoint-migration.ts";

/**
 * Why an endpoint cannot be retired now, most fundamental first: the primary takes every new
 * signing; live agreements pinned to it would have no endpoint left to call; an open migration
 * from it would route agreements to a dead end, and one to it would have them served by an
 * endpoint that no longer answers.
 */
export type RetirementRefusal =
  | "bank_endpoint_is_primary"
  | "bank_endpoint_migrating"
  | "bank_endpoint_agreements_pinned";

/** What the store reads, in the retiring transaction, for the rule to decide on. */
export interface RetirementFacts {
  readonly primaryEndpointId: string | null;
  /** Whether a requested, awaiting-password or active agreement is pinned to the endpoint. */
  readonly livePins: boolean;
  /** The bank's migrations that are neither completed nor rolled back. */
  readonly openMigrations: readonly EndpointMigration[];
}

export type RetirementCheck =
  | { readonly kind: "retire" }
  /** Retiring is idempotent: asked again, nothing changes and nothing is recorded. */
  | { readonly kind: "already_retired" }
  | { readonly kind: "refused"; readonly code: RetirementRefusal };

export function isRetired(endpoint: BankEndpoint): boolean {
  return endpoint.retiredAt !== null;
}

/**
 * Whether the endpoint may be retired. There is no override: agreements are moved off it first
 * with a migration, completed, so none is ever left pinned to an endpoint that cannot be called.
 */
export function checkRetirement(endpoint: BankEndpoint, facts: RetirementFacts): RetirementCheck {
  if (isRetired(endpoint)) return { kind: "already_retired" };
  if (facts.primaryEndpointId === endpoint.id) {
    return { kind: "refused", code: "bank_endpoint_is_primary" };
  }
  const touches = (migration: EndpointMigration) =>
    migration.fromEndpointId === endpoint.id || migration.toEndpointId === endpoint.id;
  // Open until completed or rolled back: `completing` still re-pins agreements to its target.
  if (facts.openMigrations.some((migration) => isRouting(migration) && touches(migration))) {
    return { kind: "refused", code: "bank_endpoint_migrating" };
  }
  if (facts.livePins) return { kind: "refused", code: "bank_endpoint_agreements_pinned" };
  return { kind: "retire" };
}

/** The endpoint retired at `at`: disabled too, so a stale copy on any node is never called. */
export function retiredEndpoint(endpoint: BankEndpoint, at: number): BankEndpoint {
  return { ...endpoint, enabled: false, retiredAt: at, updatedAt: at };
}
