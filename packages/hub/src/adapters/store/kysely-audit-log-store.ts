import type { Kysely } from "kysely";
import {
  type AuditLogFilter,
  type AuditLogStore,
  auditPageSizeMax,
} from "../../app/ports/audit-log-store.ts";
import type { AuditEntry, AuditHead, AuditRecord } from "../../domain/audit/audit-entry.ts";
import { appendAuditEntry, auditEntryFromRow } from "./audit-log-append.ts";
import type { ClearhubSchema } from "./schema.ts";

/** The audit log with plain Kysely; the same statements on both dialects (see audit-log-append.ts). */
export class KyselyAuditLogStore implements AuditLogStore {
  constructor(private readonly db: Kysely<ClearhubSchema>) {}

  append(record: AuditRecord): Promise<AuditEntry> {
    return this.db.transaction().execute((trx) => appendAuditEntry(trx, record));
  }

  async list(filter: AuditLogFilter): Promise<AuditEntry[]> {
    assertPageSize(filter.limit);
    let query = this.db.selectFrom("audit_log").selectAll();
    if (filter.action !== undefined) query = query.where("action", "=", filter.action);
    if (filter.subject !== undefined) query = query.where("subject", "=", filter.subject);
    if (filter.beforeSeq !== undefined) {
      query = query.where("seq", "<", BigInt(filter.beforeSeq));
    }
    const rows = await query.orderBy("seq", "desc").limit(filter.limit).execute();
    return rows.map(auditEntryFromRow);
  }

  async readChain(afterSeq: number, limit: number): Promise<AuditEntry[]> {
    assertPageSize(limit);
    const rows = await this.db
      .selectFrom("audit_log")
      .selectAll()
      .where("seq", ">", BigInt(afterSeq))
      .orderBy("seq")
      .limit(limit)
      .execute();
    return rows.map(auditEntryFromRow);
  }

  async readHead(): Promise<AuditHead> {
    const row = await this.db
      .selectFrom("audit_head")
      .select(["seq", "hash"])
      .where("id", "=", 1)
      .executeTakeFirstOrThrow();
    return { seq: Number(row.seq), hash: row.hash };
  }
}

function assertPageSize(limit: number): void {
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > auditPageSizeMax) {
    throw new Error(`audit page size must be 1..${auditPageSizeMax}, not ${limit}`);
  }
}
