import type { AuditAction } from "../../domain/audit/audit-action.ts";
import type { AuditActor } from "../../domain/audit/audit-actor.ts";
import type { AuditDetails, AuditRecord } from "../../domain/audit/audit-entry.ts";
import { formatAmount } from "../../domain/money/amount.ts";
import { findCurrency } from "../../domain/money/currency.ts";

/** Makes the audit records of operators' changes to participants, stamped by `clock`. */
export function participantAuditRecords(clock: () => number) {
  return (
    actor: AuditActor,
    action: AuditAction,
    participantId: string,
    details: AuditDetails,
  ): AuditRecord => ({
    at: clock(),
    actor,
    action,
    subject: `participant:${participantId}`,
    details,
  });
}

/** An amount as the API writes it ("12.30"), for audit details; minor units if the currency is unknown. */
export function shownAmount(minor: bigint, currency: string): string {
  const known = findCurrency(currency);
  return known === undefined ? minor.toString() : formatAmount(minor, known);
}
