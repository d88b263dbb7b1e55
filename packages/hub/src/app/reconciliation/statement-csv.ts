import { Readable } from "node:stream";
import Papa from "papaparse";
import { formatAmount } from "../../domain/money/amount.ts";
import { findCurrency } from "../../domain/money/currency.ts";
import type { StatementRow } from "../../domain/reconciliation/statement-row.ts";

/**
 * The statement's CSV columns, in order, with the header row's names. A participant's uploaded
 * record uses the same header (see participant-record-row.ts for what it must fill).
 */
export const statementCsvColumns = [
  "hub_transaction_id",
  "participant_reference",
  "type",
  "counterparty",
  "amount",
  "currency",
  "fee",
  "status",
  "window",
  "created_at",
  "updated_at",
] as const;

function money(minor: bigint, currencyCode: string): string {
  const currency = findCurrency(currencyCode);
  return currency === undefined ? minor.toString() : formatAmount(minor, currency);
}

export function statementCsvRecord(row: StatementRow): string[] {
  return [
    row.hubTransactionId,
    row.participantReference,
    row.type,
    row.counterpartyId,
    money(row.amountMinor, row.currency),
    row.currency,
    money(row.feeMinor, row.currency),
    row.status,
    row.windowId ?? "",
    new Date(row.createdAt).toISOString(),
    new Date(row.updatedAt).toISOString(),
  ];
}

const crlf = "\r\n";

/**
 * The statement as an RFC 4180 CSV byte stream (CRLF, fields quoted where they must be), one
 * page written at a time and only as fast as the reader takes it: back-pressure reaches the
 * store, so a day of any size is never held whole.
 */
export function statementCsv(pages: AsyncIterable<readonly StatementRow[]>): Readable {
  return Readable.from(
    (async function* () {
      yield `${statementCsvColumns.join(",")}${crlf}`;
      for await (const page of pages) {
        if (page.length === 0) continue;
        yield `${Papa.unparse(page.map(statementCsvRecord), { newline: crlf })}${crlf}`;
      }
    })(),
    { objectMode: false },
  );
}
