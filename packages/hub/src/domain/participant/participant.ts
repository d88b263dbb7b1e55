import { isStorableText } from "../storable-text.ts";
/** Who takes part in the network. The operator runs the hub and owns its reconciliation accounts. */
export type ParticipantKind = "bank" | "payment_institution" | "biller" | "operator";
export const participantKinds: readonly ParticipantKind[] = [
  "bank",
  "payment_institution",
  "biller",
  "operator",
];

/**
 * Suspended participants can neither send nor receive new transfers, but reservations already
 * made for them can still be committed or voided: a cut-off must not strand what users paid.
 * Terminated is final.
 */
export type ParticipantStatus = "active" | "suspended" | "terminated";
export const participantStatuses: readonly ParticipantStatus[] = [
  "active",
  "suspended",
  "terminated",
];

export const participantIdPattern = /^[a-z0-9][a-z0-9-]{1,62}$/;
/** Names the API gives callers that are no participant: taking one would blur who did what. */
const reservedParticipantIds: ReadonlySet<string> = new Set(["anonymous"]);

export function isParticipantIdValid(id: string): boolean {
  return participantIdPattern.test(id) && !reservedParticipantIds.has(id);
}

/** A name is shown to people and written to the audit log: whole characters, no controls. */
export function isParticipantNameValid(name: string): boolean {
  return isStorableText(name);
}

export interface Participant {
  readonly id: string;
  readonly name: string;
  readonly kind: ParticipantKind;
  readonly status: ParticipantStatus;
  readonly createdAt: number;
}

export type StatusChangeResult = "ok" | "status_unchanged" | "participant_terminated";

export function checkStatusChange(
  from: ParticipantStatus,
  to: ParticipantStatus,
): StatusChangeResult {
  if (from === "terminated") return "participant_terminated";
  if (from === to) return "status_unchanged";
  return "ok";
}
