import type { ParticipantKind } from "./participant.ts";

/**
 * The kinds of participant whose systems the hub calls: banks (quick-pay agreements, debits,
 * credits, refunds) and billers (bill inquiries and payment postings); wallet issuers will join
 * for barcode payments. Only they may have endpoints in the registry, and only their keys may
 * vouch for an answer from one of them.
 */
export type CalledSystemKind = Extract<ParticipantKind, "bank" | "biller">;

export const calledSystemKinds: readonly CalledSystemKind[] = ["bank", "biller"];

export function hasCalledSystem(kind: ParticipantKind): kind is CalledSystemKind {
  return (calledSystemKinds as readonly ParticipantKind[]).includes(kind);
}
