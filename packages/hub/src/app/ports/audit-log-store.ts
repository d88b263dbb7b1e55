import type { AuditAction } from "../../domain/audit/audit-action.ts";
import type { AuditEntry, AuditHead, AuditRecord } from "../../domain/audit/audit-entry.ts";

/** A page of the log is bounded like every other listing. */
export const auditPageSizeMax = 500;

export interface AuditLogFilter {
  readonly action?: AuditAction | undefined;
  readonly subject?: string | undefined;
  /** Entries older than this one: the cursor of the previous page. */
  readonly beforeSeq?: number | undefined;
  readonly limit: number;
}

/**
 * The operator actions' hash-chained, append-only log. Appends from every hub node are
 * serialised by the store, so they form one chain. Stores that change something an operator
 * asked for also take an `AuditRecord` and append it in the same transaction as the change
 * (see the participant, key, webhook and bank endpoint stores); `append` is for changes made
 * elsewhere, such as the ledger's batches.
 */
export interface AuditLogStore {
  append(record: AuditRecord): Promise<AuditEntry>;
  /** Newest first. */
  list(filter: AuditLogFilter): Promise<AuditEntry[]>;
  /** Oldest first: the entries after `afterSeq`, at most `limit`, for verification. */
  readChain(afterSeq: number, limit: number): Promise<AuditEntry[]>;
  readHead(): Promise<AuditHead>;
}
