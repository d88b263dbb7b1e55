/**
 * A reconciliation break as the operator API answers it, and what the console says about it:
 * which side has what, how far apart they are, and which resolutions the API can carry out.
 */

export const breakKinds = [
  "duplicate",
  "missing_at_hub",
  "missing_at_participant",
  "amount_differs",
  "status_differs",
] as const;
export type BreakKind = (typeof breakKinds)[number];
export const breakStates = ["open", "accepted", "reversed", "written_off"] as const;

export interface ReconciliationBreak {
  readonly id: string;
  readonly participantId: string;
  readonly day: string;
  readonly kind: BreakKind;
  readonly hubTransactionId: string | null;
  readonly participantReference: string | null;
  readonly currency: string | null;
  readonly hubAmount: string | null;
  readonly participantAmount: string | null;
  readonly hubStatus: string | null;
  readonly participantStatus: string | null;
  readonly line: number | null;
  readonly state: (typeof breakStates)[number];
  readonly reason: string | null;
  readonly reversalTransferId: string | null;
  readonly resolvedBy: string | null;
  readonly resolvedAt: string | null;
  readonly createdAt: string;
}

/** A kind or state as the operator reads it: `written_off` is "written off". */
export function words(value: string): string {
  return value.replaceAll("_", " ");
}

export type ResolutionAction = "accept" | "reverse" | "write_off";

/** The API's own rule (`break_not_reversible`): only money the hub moved can be moved back. */
export function isReversible(found: ReconciliationBreak): boolean {
  return (
    found.hubTransactionId !== null &&
    found.hubStatus === "completed" &&
    found.kind !== "missing_at_hub" &&
    found.kind !== "duplicate"
  );
}

/** Decimal strings of one currency carry the same minor digits, so their gap is exact. */
export function amountGap(hub: string, participant: string): string | undefined {
  const places = (value: string) => value.split(".")[1]?.length ?? 0;
  if (places(hub) !== places(participant)) return undefined;
  const minor = (value: string) => BigInt(value.replace(".", ""));
  const gap = minor(participant) - minor(hub);
  const digits = (gap < 0n ? -gap : gap).toString().padStart(places(hub) + 1, "0");
  const cut = digits.length - places(hub);
  return places(hub) === 0 ? digits : `${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

/** One sentence on what differs between the hub's row and the participant's. */
export function differenceText(found: ReconciliationBreak): string {
  switch (found.kind) {
    case "duplicate":
      return `The participant's record lists this transaction again${found.line === null ? "" : ` on line ${found.line}`}.`;
    case "missing_at_hub":
      return "The participant's record has a transaction the hub has no record of on this day.";
    case "missing_at_participant":
      return "The hub cleared a transaction that the participant's record lacks.";
    case "status_differs":
      return `The hub says ${found.hubStatus ?? "—"}, the participant says ${found.participantStatus ?? "—"}.`;
    case "amount_differs": {
      if (found.hubAmount === null || found.participantAmount === null) {
        return "The amounts or currencies differ.";
      }
      const gap = amountGap(found.hubAmount, found.participantAmount);
      return gap === undefined
        ? "The amounts or currencies differ."
        : `The amounts differ by ${gap} ${found.currency ?? ""}.`;
    }
  }
}
