/**
 * A difference between the hub's record of a participant's day and the participant's own.
 * Kinds, in the order a row is examined: a key the participant lists twice (`duplicate`, its
 * later lines), a key only one side has (`missing_at_hub`, `missing_at_participant`), then, for
 * a key both have, `amount_differs` (amount or currency) and `status_differs`, each its own break.
 */
export const breakKinds = [
  "duplicate",
  "missing_at_hub",
  "missing_at_participant",
  "amount_differs",
  "status_differs",
] as const;
export type BreakKind = (typeof breakKinds)[number];

/**
 * A break is open until resolved, once: the participant accepts the hub's record, the hub
 * reverses its transfer with a new one, or the operator writes it off with a reason.
 */
export const breakStates = ["open", "accepted", "reversed", "written_off"] as const;
export type BreakState = (typeof breakStates)[number];

export type BreakResolution =
  | { readonly kind: "accept" }
  | { readonly kind: "reverse" }
  | { readonly kind: "write_off"; readonly reason: string };

export const stateAfterResolution: Readonly<
  Record<BreakResolution["kind"], Exclude<BreakState, "open">>
> = {
  accept: "accepted",
  reverse: "reversed",
  write_off: "written_off",
};

export const writeOffReasonLengthMax = 500;

export interface ReconciliationBreak {
  readonly id: string;
  readonly runId: string;
  readonly participantId: string;
  readonly day: string;
  readonly kind: BreakKind;
  /** What the two sides are matched on: the hub transaction id, or `ref:` and the reference. */
  readonly matchKey: string;
  readonly hubTransactionId: string | null;
  readonly participantReference: string | null;
  readonly currency: string | null;
  readonly hubAmountMinor: bigint | null;
  readonly participantAmountMinor: bigint | null;
  readonly hubStatus: string | null;
  readonly participantStatus: string | null;
  /** The participant file's line, for breaks that have one. */
  readonly line: number | null;
  readonly state: BreakState;
  readonly reason: string | null;
  readonly reversalTransferId: string | null;
  readonly resolvedBy: string | null;
  readonly resolvedAt: number | null;
  readonly createdAt: number;
}

/** A reversal is only for money the hub moved: a completed hub transaction it has a record of. */
export function isReversible(found: ReconciliationBreak): boolean {
  return (
    found.hubTransactionId !== null &&
    found.hubStatus === "completed" &&
    found.kind !== "missing_at_hub" &&
    found.kind !== "duplicate"
  );
}
