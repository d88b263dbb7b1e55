import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import type { BillerProfile, BillerProfileFields } from "../../domain/billers/biller-profile.ts";
import type { BillerEntry, BillerListQuery } from "../billers/biller-catalogue-entry.ts";

/**
 * Why a profile write was refused, checked in the write's transaction with the participant
 * locked. `currency_not_held`: the profile lists a currency the participant has no accounts in.
 */
export type BillerProfileRefusal =
  | "participant_not_found"
  | "participant_not_biller"
  | "participant_terminated"
  | "currency_not_held";

export type ProfilePut<Refusal extends string = never> =
  | {
      readonly ok: true;
      readonly value: {
        readonly entry: BillerEntry;
        /** False when the profile already had exactly these fields: nothing was written. */
        readonly changed: boolean;
        readonly previous: BillerProfile | undefined;
      };
    }
  | {
      readonly ok: false;
      readonly code: BillerProfileRefusal | Refusal;
      /** With `currency_not_held`: the first currency the participant does not hold. */
      readonly currency?: string | undefined;
    };

/**
 * Billers' profiles. A write locks the biller's participant row (`FOR UPDATE` on PostgreSQL;
 * SQLite has one writer), checks, writes and appends its audit record in one transaction, so
 * concurrent operators on any node serialise per biller and a refused or unchanged write
 * leaves no trace. Listings are in (updatedAt, participantId) order, the catalogue's sync order.
 */
export interface BillerProfileStore {
  /**
   * Creates the profile at version 1 or replaces its fields at version + 1, both at `at`.
   * `refuse` sees the current profile under the lock and may refuse the write with a code of
   * the caller's (a capacity raise without approval, say). `audit` is made from the profile
   * written and the one it replaced.
   */
  putProfile<Refusal extends string = never>(
    participantId: string,
    fields: BillerProfileFields,
    at: number,
    audit: (written: BillerProfile, previous: BillerProfile | undefined) => AuditRecord,
    refuse?: (previous: BillerProfile | undefined) => Refusal | undefined,
  ): Promise<ProfilePut<Refusal>>;
  findEntry(participantId: string): Promise<BillerEntry | undefined>;
  listEntries(query: BillerListQuery): Promise<BillerEntry[]>;
}
