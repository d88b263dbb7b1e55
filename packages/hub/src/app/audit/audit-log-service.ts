import type { AuditAction } from "../../domain/audit/audit-action.ts";
import type { AuditEntry, AuditRecord } from "../../domain/audit/audit-entry.ts";
import type { AuditLogStore } from "../ports/audit-log-store.ts";
import { type AuditVerifyReport, verifyAuditLog } from "./verify-audit-log.ts";

/** Types and limits of what this use-case answers, for the HTTP layer that shows them. */
export { auditPageSizeMax } from "../ports/audit-log-store.ts";

export interface AuditQuery {
  readonly action?: AuditAction | undefined;
  readonly subject?: string | undefined;
  /** The `nextCursor` of the previous page. */
  readonly cursor?: number | undefined;
  readonly limit: number;
}

export interface AuditPage {
  readonly items: AuditEntry[];
  /** Null on the last page. */
  readonly nextCursor: number | null;
}

/** The operator's reading of the audit log, and appends for changes made outside a store transaction. */
export class AuditLogService {
  constructor(private readonly store: AuditLogStore) {}

  /** Newest first; the cursor is a seq, so a page is stable while new entries arrive. */
  async list(query: AuditQuery): Promise<AuditPage> {
    const items = await this.store.list({
      action: query.action,
      subject: query.subject,
      beforeSeq: query.cursor,
      limit: query.limit,
    });
    const last = items.at(-1);
    return {
      items,
      nextCursor: items.length === query.limit && last !== undefined ? last.seq : null,
    };
  }

  record(record: AuditRecord): Promise<AuditEntry> {
    return this.store.append(record);
  }

  /** Walks the whole chain and reports the first broken link, if any. */
  verify(): Promise<AuditVerifyReport> {
    return verifyAuditLog(this.store);
  }
}
