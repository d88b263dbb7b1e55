import type { TransferKind } from "./transfer.ts";

/**
 * Where a transfer stands now, which its kind alone does not say: a reservation is later
 * committed, voided or expired by a transfer of its own that names it (`pendingId`).
 * - `posted`: moved at once;
 * - `reserved`: held, not yet resolved;
 * - `committed`, `voided`, `expired`: how a reservation ended (a resolution reads the same).
 */
export type TransferState = "posted" | "reserved" | "committed" | "voided" | "expired";

export const transferStates: readonly TransferState[] = [
  "posted",
  "reserved",
  "committed",
  "voided",
  "expired",
];

const stateOfResolution: Readonly<Record<"commit" | "void" | "expire", TransferState>> = {
  commit: "committed",
  void: "voided",
  expire: "expired",
};

/** The state of a transfer of `kind`, resolved by a transfer of `resolvedByKind` (null if none). */
export function transferState(
  kind: TransferKind,
  resolvedByKind: TransferKind | null,
): TransferState {
  if (kind === "posted") return "posted";
  if (kind !== "pending") return stateOfResolution[kind];
  if (resolvedByKind === null || resolvedByKind === "posted" || resolvedByKind === "pending") {
    return "reserved";
  }
  return stateOfResolution[resolvedByKind];
}

/** The resolution kind a reservation in `state` has (null: none), for filtering by state. */
export function resolutionOfState(state: TransferState): "commit" | "void" | "expire" | null {
  if (state === "committed") return "commit";
  if (state === "voided") return "void";
  if (state === "expired") return "expire";
  return null;
}
