import type { Readable } from "node:stream";
import type { StatementRow } from "../../domain/reconciliation/statement-row.ts";
import type { StatementDayTotals } from "../ports/statement-store.ts";
import { statementCsv } from "./statement-csv.ts";

/** What a statement document is written from: whose, which day, and its rows page by page. */
export interface StatementContext {
  readonly participantId: string;
  readonly day: string;
  readonly fromMs: number;
  readonly toMs: number;
  /** When the document is written (epoch ms), from the service's clock. */
  readonly createdAt: number;
  /** For a writer of one currency: the currency, and its balances and totals read first. */
  readonly currency?: { readonly code: string; readonly totals: StatementDayTotals } | undefined;
}

/**
 * A format of the daily statement: a byte stream written from the rows as they are read, never
 * the whole day at once. The CSV holds every currency; an ISO 20022 camt.053 statement is of one
 * account, so its writer says `perCurrency` and is given the currency's rows only, with the
 * balances and totals camt.053 puts before its entries.
 */
export interface StatementWriter {
  readonly mediaType: string;
  readonly perCurrency: boolean;
  write(pages: AsyncIterable<readonly StatementRow[]>, context: StatementContext): Readable;
}

export const csvStatementWriter: StatementWriter = {
  mediaType: "text/csv; charset=utf-8",
  perCurrency: false,
  write: (pages) => statementCsv(pages),
};

/** The formats the hub writes: the CSV here, camt.053 from the ISO 20022 adapters. */
export const statementFormats = ["csv", "camt053"] as const;

export type StatementFormat = (typeof statementFormats)[number];

export type StatementWriters = Readonly<Record<StatementFormat, StatementWriter>>;
