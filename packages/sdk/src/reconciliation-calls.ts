import type {
  ReconciliationBreakPage,
  ReconciliationBreakQuery,
  ReconciliationMatch,
} from "./api-types.ts";
import { csvField, csvRecords } from "./csv-records.ts";
import { ParticipantCalls } from "./participant-calls.ts";
import type { CallOptions } from "./signed-api-client.ts";

/** The statement's columns, in its order; an uploaded record has the same header. */
export const statementColumns = [
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
export type StatementColumn = (typeof statementColumns)[number];

/**
 * One row of a statement, its fields as the CSV has them: `amount` is a decimal string,
 * negative when the participant pays; an empty field (a transaction in no window) is "".
 */
export type StatementRow = Readonly<Record<StatementColumn, string>>;

/** A row of the participant's record: a key (`hub_transaction_id` or `participant_reference`), `amount`, `currency` and `status` are needed. */
export type RecordRow = Readonly<Partial<Record<StatementColumn, string>>>;

/**
 * A participant's record of a day as CSV, with the statement's header: what `uploadRecord`
 * sends, written from rows (the statement's own, corrected, or the participant's books).
 */
export function recordCsv(rows: Iterable<RecordRow>): string {
  const lines = [statementColumns.join(",")];
  for (const row of rows) {
    lines.push(statementColumns.map((column) => csvField(row[column] ?? "")).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** The hub's reconciliation of a business day with the participant's own books. */
export class ReconciliationCalls extends ParticipantCalls {
  /**
   * The hub's statement of the participant's business day (`YYYY-MM-DD`) as CSV bytes, streamed
   * as the hub writes them: pipe it to a file, or read rows with `statementRows`. Retried like
   * any call until the answer starts; a connection lost after that fails the stream's read.
   */
  async downloadStatement(
    day: string,
    options: CallOptions = {},
  ): Promise<ReadableStream<Uint8Array>> {
    const { body } = await this.call(
      (fetch) =>
        this.api.GET("/v1/reconciliation/days/{day}/statement.csv", {
          params: { path: { day } },
          parseAs: "stream",
          fetch,
          signal: options.signal,
        }),
      undefined,
      { streamed: true },
    );
    if (body === null) throw new Error("the hub answered the statement without a body");
    return body;
  }

  /**
   * Every row of the day's statement, oldest first, parsed as it arrives: a day of any size
   * is read in the memory of one row. Stopping early (`break`) closes the download.
   */
  async *statementRows(
    day: string,
    options: CallOptions = {},
  ): AsyncGenerator<StatementRow, void, undefined> {
    const records = csvRecords(await this.downloadStatement(day, options));
    const first = await records.next();
    if (first.done === true) return;
    const header = first.value;
    for await (const fields of records) {
      yield Object.fromEntries(
        statementColumns.map((column) => [column, fields[header.indexOf(column)] ?? ""]),
      ) as StatementRow;
    }
  }

  /**
   * Uploads the participant's record of the day (CSV as `recordCsv` writes it, up to the hub's
   * 1 MiB body limit) and answers the match: the day's breaks by kind. A record with a malformed
   * row throws `record_malformed`, with each row in `errors` (`/lines/N`), and changes nothing.
   * Sending the same record again finds the same breaks, so a retry is safe.
   */
  async uploadRecord(
    day: string,
    record: string | Uint8Array,
    options: CallOptions = {},
  ): Promise<ReconciliationMatch> {
    const { body } = await this.call((fetch) =>
      this.api.PUT("/v1/reconciliation/days/{day}/record", {
        params: { path: { day } },
        // The document declares the CSV body as a media type only, so it is passed through.
        body: record as never,
        bodySerializer: () => record,
        headers: { "content-type": "text/csv" },
        fetch,
        signal: options.signal,
      }),
    );
    return body;
  }

  /** The participant's breaks, by id, with how each was resolved; `after` is the last id read. */
  async listReconciliationBreaks(
    query: ReconciliationBreakQuery = {},
    options: CallOptions = {},
  ): Promise<ReconciliationBreakPage> {
    const { body } = await this.call((fetch) =>
      this.api.GET("/v1/reconciliation/breaks", {
        params: { query },
        fetch,
        signal: options.signal,
      }),
    );
    return body;
  }
}
