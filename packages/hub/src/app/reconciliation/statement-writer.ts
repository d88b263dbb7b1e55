import type { Readable } from "node:stream";
import type { StatementRow } from "../../domain/reconciliation/statement-row.ts";
import { statementCsv } from "./statement-csv.ts";

/** What a statement document is written from: whose, which day, and its rows page by page. */
export interface StatementContext {
  readonly participantId: string;
  readonly day: string;
  readonly fromMs: number;
  readonly toMs: number;
}

/**
 * A format of the daily statement: a byte stream written from the rows as they are read, never
 * the whole day at once. The CSV is one; the ISO 20022 camt.053 writer (streaming, built with
 * the hub's other ISO 20022 documents) is to be registered here under `camt053` with its media
 * type, and the API, the SDK and `clearhub recon export --format` reach it through this table.
 */
export interface StatementWriter {
  readonly mediaType: string;
  write(pages: AsyncIterable<readonly StatementRow[]>, context: StatementContext): Readable;
}

const csvWriter: StatementWriter = {
  mediaType: "text/csv; charset=utf-8",
  write: (pages) => statementCsv(pages),
};

export const statementWriters = { csv: csvWriter } as const satisfies Record<
  string,
  StatementWriter
>;

export type StatementFormat = keyof typeof statementWriters;
