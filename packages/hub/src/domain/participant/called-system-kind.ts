import type { ParticipantKind } from "./participant.ts";

/**
 * The kinds of participant whose systems the hub calls: banks (quick-pay agreements, debits,
 * credits, refunds), billers (bill inquiries and payment postings) and payment institutions as
 * issuers of payment codes and prepaid cards (authorisations of barcode payments, their inquiries,
 * reversals and refunds). Only they may have endpoints in the registry, and only their keys may
 * vouch for an answer from one of them.
 */
export type CalledSystemKind = Extract<ParticipantKind, "bank" | "biller" | "payment_institution">;

export const calledSystemKinds: readonly CalledSystemKind[] = [
  "bank",
  "biller",
  "payment_institution",
];

export function hasCalledSystem(kind: ParticipantKind): kind is CalledSystemKind {
  return (calledSystemKinds as readonly ParticipantKind[]).includes(kind);
}
