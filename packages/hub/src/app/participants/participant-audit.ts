import type { AuditAction } from "../../domain/audit/audit-action.ts";
import type { AuditActor } from "../../domain/audit/audit-actor.ts";
import type { AuditDetails, AuditRecord } from "../../domain/audit/audit-entry.ts";
import { formatAmount } from "../../domain/money/amount.ts";
import { findCurrency } from "../../domain/money/currency.ts";

/** An audit record of an operator's change to a participant. */
export function participantAuditRecord(
  at: number,
  actor: AuditActor,
  action: AuditAction,
  participantId: string,
  details: AuditDetails,
): AuditRecord {
  return { at, actor, action, subject: `participant:${participantId}`, details };
}

/** An amount as the API writes it ("12.30"), for audit details; minor units if the currency is unknown. */
export function shownAmount(minor: bigint, currency: string): string {
  const known = findCurrency(currency);
  return known === undefined ? minor.toString() : formatAmount(minor, known);
}
