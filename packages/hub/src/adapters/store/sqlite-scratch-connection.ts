import type BetterSqlite3 from "better-sqlite3";
import type { Kysely, RawBuilder } from "kysely";
import type { ParticipantRecordRow } from "../../domain/reconciliation/participant-record-row.ts";
import { uploadColumns } from "./reconciliation-match-sql.ts";
import type { ClearhubSchema } from "./schema.ts";
import type { ScratchConnection } from "./scratch-match.ts";

/**
 * The match's scratch space on SQLite: temporary tables of the hub's one connection (kept in
 * the connection's own temp store, never in the database file or its log). Each step runs
 * synchronously under Kysely's connection mutex, so no other query of the hub interleaves.
 */
export class SqliteScratchConnection implements ScratchConnection {
  constructor(
    private readonly kysely: Kysely<ClearhubSchema>,
    private readonly sqlite: BetterSqlite3.Database,
  ) {}

  /**
   * The temp store's page cache, in KiB (negative: SQLite's unit for size rather than pages).
   * The default (2 MB) makes a large match spill its scratch tables to a temp file and read
   * them back at every join; this bound keeps a million-row match in memory within the budget.
   */
  private static readonly tempCacheKib = 192 * 1024;
  private tuned = false;

  private exclusive<T>(work: () => T): Promise<T> {
    if (!this.tuned) {
      this.sqlite.pragma(`temp.cache_size = -${SqliteScratchConnection.tempCacheKib}`);
      this.tuned = true;
    }
    return this.kysely.connection().execute(async () => work());
  }

  run(query: RawBuilder<unknown>): Promise<void> {
    const compiled = query.compile(this.kysely);
    return this.exclusive(() => {
      this.sqlite.prepare(compiled.sql).run(...(compiled.parameters as unknown[]));
    });
  }

  rows<R>(query: RawBuilder<unknown>): Promise<R[]> {
    const compiled = query.compile(this.kysely);
    return this.exclusive(
      () => this.sqlite.prepare(compiled.sql).all(...(compiled.parameters as unknown[])) as R[],
    );
  }

  load(table: string, rows: readonly ParticipantRecordRow[]): Promise<void> {
    return this.exclusive(() => {
      const insert = this.sqlite.prepare(
        `insert into "${table}" (${uploadColumns}) values (?, ?, ?, ?, ?, ?, ?)`,
      );
      this.sqlite.transaction(() => {
        for (const row of rows) {
          insert.run(
            row.line,
            row.hubTransactionId,
            row.participantReference,
            row.amountMinor,
            row.currency,
            row.status,
            row.hubTransactionId,
          );
        }
      })();
    });
  }

  inTransaction(queries: readonly RawBuilder<unknown>[]): Promise<void> {
    const compiled = queries.map((query) => query.compile(this.kysely));
    return this.exclusive(() => {
      this.sqlite
        .transaction(() => {
          for (const one of compiled) {
            this.sqlite.prepare(one.sql).run(...(one.parameters as unknown[]));
          }
        })
        .immediate();
    });
  }

  async release(): Promise<void> {}
}
