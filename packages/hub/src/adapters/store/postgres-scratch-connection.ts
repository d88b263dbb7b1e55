import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Kysely, RawBuilder } from "kysely";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { ParticipantRecordRow } from "../../domain/reconciliation/participant-record-row.ts";
import { uploadColumns } from "./reconciliation-match-sql.ts";
import type { ClearhubSchema } from "./schema.ts";
import type { ScratchConnection } from "./scratch-match.ts";

/** Characters COPY's text format gives a meaning to, escaped in participant-given text. */
const copyEscapes: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  "\t": "\\t",
  "\n": "\\n",
  "\r": "\\r",
};

function copyText(value: string | null): string {
  return value === null ? "\\N" : value.replace(/[\\\t\n\r]/g, (c) => copyEscapes[c] ?? c);
}

function uploadCopyText(rows: readonly ParticipantRecordRow[]): string {
  let text = "";
  for (const row of rows) {
    const hubId = copyText(row.hubTransactionId);
    text += `${row.line}\t${hubId}\t${copyText(row.participantReference)}\t${row.amountMinor}\t${copyText(row.currency)}\t${copyText(row.status)}\t${hubId}\n`;
  }
  return text;
}

/**
 * The match's scratch space on PostgreSQL: temporary tables on one pooled connection held for
 * the whole match (they live and die with its session, unlogged and invisible to others), the
 * upload loaded by COPY.
 */
export class PostgresScratchConnection implements ScratchConnection {
  constructor(
    private readonly kysely: Kysely<ClearhubSchema>,
    private readonly client: pg.PoolClient,
  ) {}

  static async open(kysely: Kysely<ClearhubSchema>, pool: pg.Pool) {
    return new PostgresScratchConnection(kysely, await pool.connect());
  }

  async run(query: RawBuilder<unknown>): Promise<void> {
    const compiled = query.compile(this.kysely);
    await this.client.query(compiled.sql, compiled.parameters as unknown[]);
  }

  async rows<R>(query: RawBuilder<unknown>): Promise<R[]> {
    const compiled = query.compile(this.kysely);
    const result = await this.client.query(compiled.sql, compiled.parameters as unknown[]);
    return result.rows as R[];
  }

  async load(table: string, rows: readonly ParticipantRecordRow[]): Promise<void> {
    await pipeline(
      Readable.from([uploadCopyText(rows)]),
      this.client.query(copyFrom(`copy "${table}" (${uploadColumns}) from stdin`)),
    );
  }

  async inTransaction(queries: readonly RawBuilder<unknown>[]): Promise<void> {
    await this.client.query("begin");
    try {
      for (const query of queries) await this.run(query);
      await this.client.query("commit");
    } catch (error) {
      await this.client.query("rollback");
      throw error;
    }
  }

  async release(): Promise<void> {
    this.client.release();
  }
}
