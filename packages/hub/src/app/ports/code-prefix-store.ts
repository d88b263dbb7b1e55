import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import type { CodePrefixEntry } from "../../domain/barcode/code-prefix.ts";

/** More prefixes than a network assigns; a list stops there. */
export const codePrefixesMax = 10_000;

export type CodePrefixInsert =
  | { readonly ok: true }
  | { readonly ok: false; readonly overlaps: CodePrefixEntry };

/** The routing table; every change is written with its audit entry, in one transaction. */
export interface CodePrefixStore {
  /**
   * Inserts the entry unless it overlaps one already there, checked and written under one lock
   * so two overlapping assignments made at once cannot both pass.
   */
  insert(entry: CodePrefixEntry, audit: AuditRecord): Promise<CodePrefixInsert>;
  /** Whether the prefix was assigned (and is now removed). */
  remove(prefix: string, audit: AuditRecord): Promise<boolean>;
  /** Every entry by prefix; at most `codePrefixesMax`. */
  list(): Promise<CodePrefixEntry[]>;
}
