import { type Kysely, type Selectable, sql } from "kysely";
import {
  type CodePrefixInsert,
  type CodePrefixStore,
  codePrefixesMax,
} from "../../app/ports/code-prefix-store.ts";
import type { AuditRecord } from "../../domain/audit/audit-entry.ts";
import {
  type CodeInstrument,
  type CodePrefixEntry,
  overlappingEntry,
} from "../../domain/barcode/code-prefix.ts";
import { appendAuditEntry } from "./audit-log-append.ts";
import type { CodePrefixesTable } from "./barcode-tables.ts";
import type { Dialect } from "./dialect.ts";
import type { ClearhubSchema } from "./schema.ts";

function entryFromRow(row: Selectable<CodePrefixesTable>): CodePrefixEntry {
  return {
    prefix: row.prefix,
    issuerId: row.issuer_id,
    instrument: row.instrument as CodeInstrument,
    createdAt: Number(row.created_at),
  };
}

/**
 * The routing table. An insert reads the whole table and checks overlaps inside its
 * transaction: on PostgreSQL under a table lock that lets readers through but no second writer
 * (two assignments of `62` and `621` at once would each see the other missing); SQLite's one
 * connection runs one transaction at a time.
 */
export class KyselyCodePrefixStore implements CodePrefixStore {
  constructor(
    private readonly db: Kysely<ClearhubSchema>,
    private readonly dialect: Dialect,
  ) {}

  async insert(entry: CodePrefixEntry, audit: AuditRecord): Promise<CodePrefixInsert> {
    return this.db.transaction().execute(async (trx) => {
      if (this.dialect === "postgres") {
        await sql`lock table code_prefixes in share row exclusive mode`.execute(trx);
      }
      const rows = await trx.selectFrom("code_prefixes").selectAll().execute();
      const overlaps = overlappingEntry(rows.map(entryFromRow), entry.prefix);
      if (overlaps !== undefined) return { ok: false, overlaps };
      await trx
        .insertInto("code_prefixes")
        .values({
          prefix: entry.prefix,
          issuer_id: entry.issuerId,
          instrument: entry.instrument,
          created_at: BigInt(entry.createdAt),
        })
        .execute();
      await appendAuditEntry(trx, audit);
      return { ok: true };
    });
  }

  async remove(prefix: string, audit: AuditRecord): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const deleted = await trx
        .deleteFrom("code_prefixes")
        .where("prefix", "=", prefix)
        .executeTakeFirst();
      if (deleted.numDeletedRows === 0n) return false;
      await appendAuditEntry(trx, audit);
      return true;
    });
  }

  async list(): Promise<CodePrefixEntry[]> {
    const rows = await this.db
      .selectFrom("code_prefixes")
      .selectAll()
      .orderBy("prefix")
      .limit(codePrefixesMax)
      .execute();
    // Digits only, so any collation orders them alike; sorted again to say so without relying on it.
    return rows.map(entryFromRow).sort((a, b) => (a.prefix < b.prefix ? -1 : 1));
  }
}
