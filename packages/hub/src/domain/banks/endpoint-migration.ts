/**
 * A bulk move of a bank's agreements from one endpoint to another, cut over gradually: at
 * weight w, the agreements pinned to `fromEndpointId` whose bucket is below w are served by
 * `toEndpointId` (see endpoint-for.ts). Rolling back sends every one of them back at once;
 * completing (at 100) re-pins them to the new endpoint for good.
 *
 * Completing takes two steps because the re-pinning is written by another store: `completing`
 * routes like `active` at 100 but can no longer be rolled back or re-weighted, so no agreement
 * moves back while it is re-pinned; `completed` follows once every agreement is re-pinned. A
 * completion interrupted in between is finished by asking again.
 */
export const migrationStates = ["active", "completing", "rolled_back", "completed"] as const;
export type MigrationState = (typeof migrationStates)[number];

export interface MigrationStep {
  readonly at: number;
  /** The audit actor's id: an operator token's id. */
  readonly actorId: string;
  readonly weightPercent: number;
  readonly state: MigrationState;
}

export interface EndpointMigration {
  readonly bankId: string;
  readonly id: string;
  readonly fromEndpointId: string;
  readonly toEndpointId: string;
  readonly weightPercent: number;
  readonly state: MigrationState;
  /** Every change, oldest first, starting with the creation. */
  readonly history: readonly MigrationStep[];
  readonly createdAt: number;
  readonly updatedAt: number;
}

export const weightPercentMax = 100;
export const migrationIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** A migration is stepped a handful of times (10, 50, 100); this bounds its stored history. */
export const migrationStepsMax = 100;

export function isWeightPercent(weight: number): boolean {
  return Number.isSafeInteger(weight) && weight >= 0 && weight <= weightPercentMax;
}

/** Whether the migration still routes agreements (see endpoint-for.ts). */
export function isRouting(migration: EndpointMigration): boolean {
  return migration.state === "active" || migration.state === "completing";
}

/** `complete` starts a completion; `finish` ends it once the agreements are re-pinned. */
export type MigrationChange =
  | { readonly kind: "weight"; readonly weightPercent: number }
  | { readonly kind: "rollback" }
  | { readonly kind: "complete" }
  | { readonly kind: "finish" };

export type MigrationChangeRefusal =
  | "endpoint_migration_not_active"
  | "endpoint_migration_weight_not_full"
  | "endpoint_migration_history_full";

const stateAfter: Readonly<Record<MigrationChange["kind"], MigrationState>> = {
  weight: "active",
  rollback: "rolled_back",
  complete: "completing",
  finish: "completed",
};

/** The state a change starts from: only `finish` ends what `complete` began. */
function requiredState(change: MigrationChange): MigrationState {
  return change.kind === "finish" ? "completing" : "active";
}

/** The migration after the change, or why the change does not apply to it. */
export function applyMigrationChange(
  migration: EndpointMigration,
  change: MigrationChange,
  at: number,
  actorId: string,
): { ok: true; migration: EndpointMigration } | { ok: false; code: MigrationChangeRefusal } {
  if (migration.state !== requiredState(change)) {
    return { ok: false, code: "endpoint_migration_not_active" };
  }
  if (change.kind === "complete" && migration.weightPercent !== weightPercentMax) {
    return { ok: false, code: "endpoint_migration_weight_not_full" };
  }
  if (migration.history.length >= migrationStepsMax) {
    return { ok: false, code: "endpoint_migration_history_full" };
  }
  const state = stateAfter[change.kind];
  // A rolled-back migration weighs nothing: no agreement is served by its target any more.
  const weightPercent =
    change.kind === "weight"
      ? change.weightPercent
      : state === "rolled_back"
        ? 0
        : migration.weightPercent;
  const step: MigrationStep = { at, actorId, weightPercent, state };
  return {
    ok: true,
    migration: {
      ...migration,
      state,
      weightPercent,
      history: [...migration.history, step],
      updatedAt: at,
    },
  };
}
